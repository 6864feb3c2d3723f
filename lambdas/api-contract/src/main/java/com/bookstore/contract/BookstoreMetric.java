package com.bookstore.contract;

import java.util.List;

/**
 * Every metric the bookstore's own code emits, named once: the functions write them as CloudWatch embedded
 * metric format lines, and alarms and dashboards refer to them by these names (docs/observability.md).
 * Each is published in {@link #NAMESPACE} with the dimensions {@link #DIMENSIONS}.
 */
public enum BookstoreMetric {

    ORDERS_PLACED("OrdersPlaced", Unit.COUNT, "orders created by a checkout (not replays)"),
    ORDER_VALUE("OrderValue", Unit.NONE, "the total of each order placed, in the catalogue's currency"),
    CHECKOUT_CONFLICTS("CheckoutConflicts", Unit.COUNT, "checkouts refused with 409 (cart changed, key reused)"),
    CHECKOUTS_RATE_LIMITED("CheckoutsRateLimited", Unit.COUNT,
            "checkouts refused with 429: a customer over the checkout limit (abuse, or a limit set too low)"),
    IDEMPOTENT_REPLAYS("IdempotentReplays", Unit.COUNT, "checkouts answered with an order an earlier call placed"),
    CART_OPERATIONS("CartOperations", Unit.COUNT, "successful cart writes (add, set, remove)"),
    BEST_SELLER_UPDATES_APPLIED("BestSellerUpdatesApplied", Unit.COUNT, "order stream records counted on the board"),
    BEST_SELLER_DUPLICATES_SKIPPED("BestSellerDuplicatesSkipped", Unit.COUNT,
            "order stream records already counted (redelivery, replication echo)"),
    STREAM_RECORD_AGE("StreamRecordAge", Unit.MILLISECONDS, "age of the newest order stream record of a batch"),
    REDIS_FALLBACKS("RedisFallbacks", Unit.COUNT, "best-seller answers served from the fallback because Redis failed"),
    FAULT_SWITCH_ON("FaultSwitchOn", Unit.NONE, "1 while the drill's fault switch is on, else 0 (each read)");

    /** The CloudWatch namespace of every metric here. */
    public static final String NAMESPACE = "Bookstore";
    /** The dimension names, in the one dimension set every metric is published with. */
    public static final List<String> DIMENSIONS = List.of("Region", "Role");

    /** CloudWatch's unit names (the EMF specification's Unit values). */
    public enum Unit {
        COUNT("Count"), MILLISECONDS("Milliseconds"), NONE("None");

        private final String cloudWatchName;

        Unit(String cloudWatchName) {
            this.cloudWatchName = cloudWatchName;
        }

        public String cloudWatchName() {
            return cloudWatchName;
        }
    }

    private final String metricName;
    private final Unit unit;
    private final String meaning;

    BookstoreMetric(String metricName, Unit unit, String meaning) {
        this.metricName = metricName;
        this.unit = unit;
        this.meaning = meaning;
    }

    /** The name in CloudWatch. */
    public String metricName() {
        return metricName;
    }

    public Unit unit() {
        return unit;
    }

    /** One line for docs and dashboard widgets. */
    public String meaning() {
        return meaning;
    }
}
