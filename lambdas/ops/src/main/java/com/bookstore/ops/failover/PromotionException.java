package com.bookstore.ops.failover;

/** A promotion that cannot go ahead or did not finish, with a message an operator can act on. */
public class PromotionException extends RuntimeException {
    public PromotionException(String message) {
        super(message);
    }

    public PromotionException(String message, Throwable cause) {
        super(message, cause);
    }
}
