package com.bookstore.ops.drill;

/**
 * One request a virtual shopper made. Times are milliseconds since the drill started; {@code status}
 * is 0 when no HTTP answer came (connection refused, timeout); {@code region} is the answer's
 * {@code X-Bookstore-Region}, or null when there was none.
 */
public record RequestRecord(long startedAt, long finishedAt, String operation, int status, String region) {

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    public long latencyMillis() {
        return finishedAt - startedAt;
    }
}
