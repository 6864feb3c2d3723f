package com.bookstore.api.orders;

import com.bookstore.api.cart.CartTable;
import com.bookstore.api.errors.BookstoreException;
import com.bookstore.platform.CheckoutLimits;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * At most {@code limit} new orders per customer in a fixed window of {@code windowSeconds} (docs/security.md#app-abuse-limits: orders
 * are free, so one account could otherwise inflate the best sellers).
 * <p>
 * The window is the {@value #ITEM} item in the customer's Cart partition ({@code windowStart}, epoch
 * seconds; {@code checkouts}). It is read before the order's transaction, and the transaction updates it
 * on the condition that it is still what was read and below the limit: only a transaction that places an
 * order counts, so a checkout retried with the same Idempotency-Key (which finds its order, or whose
 * order Put fails its condition) never counts twice, and concurrent checkouts cannot pass the limit.
 * The item lives in a global table like the cart: each region enforces the limit on its own writes,
 * and replication is last-writer-wins (docs/security.md says what that leaves).
 */
public final class CheckoutRateLimit {

    /** Sort key of the window item in the Cart table; {@code #} is never part of a book id (BookIds). */
    public static final String ITEM = "#checkouts";

    private final DynamoDbClient dynamo;
    private final String cartTable;
    private final CheckoutLimits limits;
    private final Clock clock;

    public CheckoutRateLimit(DynamoDbClient dynamo, String cartTable, CheckoutLimits limits, Clock clock) {
        this.dynamo = dynamo;
        this.cartTable = cartTable;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * The window's part of the next order's transaction, or a 429 {@code checkout_rate_limited} with
     * Retry-After (the seconds until the window ends) when the customer has used up this window.
     */
    public Update nextOrder(String customerId) {
        long now = clock.instant().getEpochSecond();
        Map<String, AttributeValue> key = CartTable.key(customerId, ITEM);
        var item = dynamo.getItem(r -> r.tableName(cartTable).consistentRead(true).key(key)).item();
        boolean exists = item != null && item.containsKey("windowStart");
        long windowStart = exists ? Long.parseLong(item.get("windowStart").n()) : 0;
        int checkouts = exists ? Integer.parseInt(item.get("checkouts").n()) : 0;
        if (!exists || windowStart + limits.windowSeconds() <= now) {
            // this order opens a new window
            return Update.builder().tableName(cartTable).key(key)
                    .updateExpression("SET windowStart = :now, checkouts = :one")
                    .conditionExpression(exists ? "windowStart = :seen" : "attribute_not_exists(windowStart)")
                    .expressionAttributeValues(exists
                            ? Map.of(":now", number(now), ":one", number(1), ":seen", number(windowStart))
                            : Map.of(":now", number(now), ":one", number(1)))
                    .build();
        }
        if (checkouts >= limits.limit()) {
            throw BookstoreException.throttled("checkout_rate_limited", "at most " + limits.limit()
                    + " orders per " + limits.windowSeconds() + " seconds; try again later",
                    (int) (windowStart + limits.windowSeconds() - now));
        }
        return Update.builder().tableName(cartTable).key(key)
                .updateExpression("ADD checkouts :one")
                .conditionExpression("windowStart = :seen AND checkouts < :limit")
                .expressionAttributeValues(Map.of(":one", number(1), ":seen", number(windowStart),
                        ":limit", number(limits.limit())))
                .build();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
