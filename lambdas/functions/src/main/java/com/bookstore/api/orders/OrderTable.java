package com.bookstore.api.orders;

import com.bookstore.api.cart.CartLine;
import com.bookstore.api.cart.CartTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The Orders table: pk {@code customerId}, sk {@code orderId}; its stream feeds the best-seller board.
 * The order id is derived from the idempotency key, so "this key was already used by this customer" is a
 * plain {@code attribute_not_exists(orderId)} condition on the order's own item.
 */
public final class OrderTable {

    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamo;
    private final String table;
    private final String cartTable;

    public OrderTable(DynamoDbClient dynamo, String table, String cartTable) {
        this.dynamo = dynamo;
        this.table = table;
        this.cartTable = cartTable;
    }

    public Optional<StoredOrder> find(String customerId, String orderId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(customerId, orderId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OrderItems.toStoredOrder(item));
    }

    /**
     * All of a customer's orders, newest first. The sort key is the idempotency-derived id, not a time, so
     * the orders are sorted here by {@code createdAt}; a customer's history is small enough for that.
     */
    public List<Order> history(String customerId) {
        List<Order> orders = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table)
                        .keyConditionExpression("customerId = :customer")
                        .expressionAttributeValues(Map.of(":customer", AttributeValue.fromS(customerId))))
                .items().forEach(item -> orders.add(OrderItems.toStoredOrder(item).order()));
        orders.sort(Comparator.comparing(Order::createdAt).thenComparing(Order::orderId).reversed());
        return orders;
    }

    /**
     * One TransactWriteItems: put the order unless its id exists, and delete each cart line it was priced
     * from, each only if it still holds the quantity that was priced, count the order in the customer's
     * rate window (CheckoutRateLimit) and take the lines off the cart's line count. All or nothing.
     */
    public PlacementOutcome place(String customerId, String idempotencyKey, StoredOrder order, List<CartLine> consumed,
                                  Update rateWindow) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(OrderItems.toItem(customerId, idempotencyKey, order))
                .conditionExpression("attribute_not_exists(orderId)").build()).build());
        writes.add(TransactWriteItem.builder().update(rateWindow).build());
        for (CartLine line : consumed) {
            writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(cartTable)
                    .key(CartTable.key(customerId, line.bookId()))
                    .conditionExpression("quantity = :q")
                    .expressionAttributeValues(Map.of(":q", AttributeValue.fromN(Integer.toString(line.quantity()))))
                    .build()).build());
        }
        writes.add(TransactWriteItem.builder().update(
                CartTable.lineCountAfterCheckout(cartTable, customerId, consumed.size())).build());
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
            return PlacementOutcome.PLACED;
        } catch (TransactionCanceledException cancelled) {
            return outcome(cancelled);
        }
    }

    private static PlacementOutcome outcome(TransactionCanceledException cancelled) {
        // One reason per write, in the writes' order: the order's Put first, the rate window's Update second. An
        // order that exists came with a window its checkout changed, so reading the window again finds it too.
        List<String> codes = cancelled.hasCancellationReasons()
                ? cancelled.cancellationReasons().stream().map(CancellationReason::code).toList() : List.of();
        if (codes.size() > 1 && CONDITION_FAILED.equals(codes.get(1))) {
            return PlacementOutcome.RATE_WINDOW_CHANGED;
        }
        if (codes.stream().anyMatch(code -> CONDITION_FAILED.equals(code) || "TransactionConflict".equals(code))) {
            return PlacementOutcome.CANCELLED;
        }
        throw cancelled;
    }

    private static Map<String, AttributeValue> key(String customerId, String orderId) {
        return Map.of("customerId", AttributeValue.fromS(customerId), "orderId", AttributeValue.fromS(orderId));
    }

    /** The item layout of an order; the best-seller consumer reads {@code lines} and {@code status} from it. */
    static final class OrderItems {

        private OrderItems() {
        }

        static Map<String, AttributeValue> toItem(String customerId, String idempotencyKey, StoredOrder stored) {
            Order order = stored.order();
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("customerId", AttributeValue.fromS(customerId));
            item.put("orderId", AttributeValue.fromS(order.orderId()));
            item.put("createdAt", AttributeValue.fromS(order.createdAt()));
            item.put("status", AttributeValue.fromS(order.status()));
            item.put("region", AttributeValue.fromS(order.region()));
            item.put("itemCount", AttributeValue.fromN(Integer.toString(order.itemCount())));
            item.put("total", AttributeValue.fromN(order.total().toPlainString()));
            item.put("idempotencyKey", AttributeValue.fromS(idempotencyKey));
            item.put("cartFingerprint", AttributeValue.fromS(stored.cartFingerprint()));
            item.put("lines", AttributeValue.fromL(order.items().stream().map(line -> AttributeValue.fromM(Map.of(
                    "bookId", AttributeValue.fromS(line.bookId()),
                    "name", AttributeValue.fromS(line.name()),
                    "author", AttributeValue.fromS(line.author()),
                    "quantity", AttributeValue.fromN(Integer.toString(line.quantity())),
                    "unitPrice", AttributeValue.fromN(line.unitPrice().toPlainString())))).toList()));
            return item;
        }

        static StoredOrder toStoredOrder(Map<String, AttributeValue> item) {
            List<OrderLine> lines = item.get("lines").l().stream().map(value -> {
                Map<String, AttributeValue> line = value.m();
                int quantity = Integer.parseInt(line.get("quantity").n());
                BigDecimal unit = new BigDecimal(line.get("unitPrice").n());
                return new OrderLine(line.get("bookId").s(), line.get("name").s(), line.get("author").s(), quantity,
                        unit, unit.multiply(BigDecimal.valueOf(quantity)));
            }).toList();
            Order order = new Order(item.get("orderId").s(), item.get("createdAt").s(), item.get("status").s(), lines,
                    Integer.parseInt(item.get("itemCount").n()), new BigDecimal(item.get("total").n()),
                    item.containsKey("region") ? item.get("region").s() : null);
            return new StoredOrder(order, item.get("cartFingerprint").s());
        }
    }
}
