package com.bookstore.ops.drill;

/**
 * How a region took over after a disturbance at {@code startedAt} (fault injected, or healed for the
 * failback). {@code recoveredAt} and {@code millis} are null when it never did within the drill.
 * {@code errors} counts the failed requests between the disturbance and recovery (or the end of the
 * phase), {@code requests} all requests in that span.
 */
public record Recovery(String region, long startedAt, Long recoveredAt, Long millis, int errors, int requests) {

    public boolean recovered() {
        return recoveredAt != null;
    }
}
