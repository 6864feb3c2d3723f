package com.bookstore.api.catalogue;

/** Exponential pause between retries of unprocessed batch items (25, 50, 100 ms ...), as AWS advises. */
public final class Backoff {

    private Backoff() {
    }

    public static void pause(int attempt) {
        try {
            Thread.sleep(25L << Math.min(attempt, 6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
