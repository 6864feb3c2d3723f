package com.bookstore.ops.failover;

/** How the secondary's Aurora cluster becomes the writer of the global database. */
public enum PromotionMode {
    /**
     * Both regions are healthy (a rehearsal, maintenance, failback): Aurora's switchover waits for
     * the secondary to catch up, so no committed transaction is lost (RPO 0).
     */
    PLANNED,
    /**
     * The primary region is impaired: Aurora's managed failover promotes the secondary at once and
     * accepts losing what had not replicated yet (RPO = the replication lag at the time, typically
     * under a second).
     */
    UNPLANNED;

    public static PromotionMode parse(String text) {
        return switch (text == null ? "" : text.toLowerCase(java.util.Locale.ROOT)) {
            case "planned", "switchover" -> PLANNED;
            case "unplanned", "failover" -> UNPLANNED;
            default -> throw new PromotionException(
                    "unknown mode '" + text + "': use 'planned' (switchover) or 'unplanned' (failover)");
        };
    }
}
