package com.bookstore.ops.blog;

/** Seeding that cannot start or did not succeed, with a message an operator can act on. */
public class SeedingException extends RuntimeException {
    public SeedingException(String message) {
        super(message);
    }

    public SeedingException(String message, Throwable cause) {
        super(message, cause);
    }
}
