package com.bookstore.api.cart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The Cart table: pk {@code customerId}, sk {@code bookId}, attribute {@code quantity}. Besides its lines a
 * customer's partition holds bookkeeping items whose sort key starts with {@code #} (never a book id, see
 * BookIds): {@value #LINE_COUNT_ITEM} counts the lines so that the line limit is a condition on a write,
 * not a check before it (docs/architecture.md, data model).
 */
public final class CartTable {

    /** Sort key of the item holding {@code lineCount}, the number of lines in the partition. */
    public static final String LINE_COUNT_ITEM = "#lines";

    private final DynamoDbClient dynamo;
    private final String table;

    public CartTable(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Strongly consistent: checkout prices exactly what the customer last saw saved. */
    public List<CartLine> lines(String customerId) {
        List<CartLine> lines = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("customerId = :customer")
                        .expressionAttributeValues(Map.of(":customer", AttributeValue.fromS(customerId))))
                .items().stream().filter(CartTable::isLine).forEach(item -> lines.add(toLine(item)));
        return lines;
    }

    public Optional<CartLine> line(String customerId, String bookId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(customerId, bookId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toLine(item));
    }

    /** How a write that may create a line ended. */
    public enum LineWrite {
        /** The line was written (and, if new, counted). */
        WRITTEN,
        /** The line exists and would pass its copy limit: nothing was written. */
        LINE_FULL,
        /** The line is new and the cart already holds the most lines: nothing was written. */
        CART_FULL,
        /** The line appeared or vanished, or another transaction held the items: read and try again. */
        RETRY
    }

    /**
     * Adds copies to an existing line atomically (two tabs adding at once both count) unless it would pass
     * {@code max}; a line that does not exist is created and counted, if the cart has room.
     */
    public LineWrite add(String customerId, String bookId, int quantity, int max, int maxLines) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(customerId, bookId))
                    .updateExpression("ADD quantity :q")
                    .conditionExpression("attribute_exists(quantity) AND quantity <= :room")
                    .expressionAttributeValues(Map.of(":q", number(quantity), ":room", number(max - quantity))));
            return LineWrite.WRITTEN;
        } catch (ConditionalCheckFailedException e) {
            Optional<CartLine> now = line(customerId, bookId);
            if (now.isEmpty()) {
                return create(customerId, bookId, quantity, maxLines);
            }
            // created by a concurrent request since: full only if these copies do not fit
            return now.get().quantity() + quantity > max ? LineWrite.LINE_FULL : LineWrite.RETRY;
        }
    }

    /** Sets an existing line to exactly {@code quantity}; a line that does not exist is created if the cart has room. */
    public LineWrite set(String customerId, String bookId, int quantity, int maxLines) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(customerId, bookId))
                    .updateExpression("SET quantity = :q")
                    .conditionExpression("attribute_exists(quantity)")
                    .expressionAttributeValues(Map.of(":q", number(quantity))));
            return LineWrite.WRITTEN;
        } catch (ConditionalCheckFailedException e) {
            return create(customerId, bookId, quantity, maxLines);
        }
    }

    /**
     * One TransactWriteItems: put the line if it does not exist and add one to {@code lineCount} if it is
     * below {@code maxLines}. Concurrent adds of new books serialise on the count item, so the cart never
     * passes the limit, and checkout's transaction stays within DynamoDB's 100 items (TransactWriteItems
     * "can contain up to 100 action requests", DynamoDB API reference).
     */
    private LineWrite create(String customerId, String bookId, int quantity, int maxLines) {
        var line = new HashMap<>(key(customerId, bookId));
        line.put("quantity", number(quantity));
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(line)
                        .conditionExpression("attribute_not_exists(quantity)").build()).build(),
                TransactWriteItem.builder().update(Update.builder().tableName(table)
                        .key(key(customerId, LINE_COUNT_ITEM))
                        .updateExpression("ADD lineCount :one")
                        .conditionExpression("lineCount < :max")
                        .expressionAttributeValues(Map.of(":one", number(1), ":max", number(maxLines))).build()).build());
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
            return LineWrite.WRITTEN;
        } catch (TransactionCanceledException cancelled) {
            List<String> reasons = cancelled.hasCancellationReasons()
                    ? cancelled.cancellationReasons().stream().map(CancellationReason::code).toList() : List.of();
            if (reasons.size() == 2 && "ConditionalCheckFailed".equals(reasons.get(1))
                    && !"ConditionalCheckFailed".equals(reasons.get(0))) {
                // no count item (a cart from before it existed) or a full cart
                return countLines(customerId) >= maxLines ? LineWrite.CART_FULL : LineWrite.RETRY;
            }
            if (reasons.stream().anyMatch(code -> "ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code))) {
                return LineWrite.RETRY;
            }
            throw cancelled;
        }
    }

    /**
     * The line count, starting it from the lines themselves if the count item does not exist yet (carts
     * from before it, or the first line): a put conditional on the item's absence, so one writer starts it.
     */
    private int countLines(String customerId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(customerId, LINE_COUNT_ITEM))).item();
        if (item != null && item.containsKey("lineCount")) {
            return Integer.parseInt(item.get("lineCount").n());
        }
        int counted = lines(customerId).size();
        var start = new HashMap<>(key(customerId, LINE_COUNT_ITEM));
        start.put("lineCount", number(counted));
        try {
            dynamo.putItem(r -> r.tableName(table).item(start).conditionExpression("attribute_not_exists(lineCount)"));
        } catch (ConditionalCheckFailedException alreadyStarted) {
            // another request started the count meanwhile; the caller retries against it
        }
        return counted;
    }

    /** Deletes the line and takes it off the count, together; a line that is not there is not an error. */
    public void remove(String customerId, String bookId) {
        List<TransactWriteItem> writes = List.of(
                TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(customerId, bookId))
                        .conditionExpression("attribute_exists(quantity)").build()).build(),
                TransactWriteItem.builder().update(Update.builder().tableName(table)
                        .key(key(customerId, LINE_COUNT_ITEM))
                        .updateExpression("ADD lineCount :minus")
                        .conditionExpression("attribute_exists(lineCount)")
                        .expressionAttributeValues(Map.of(":minus", number(-1))).build()).build());
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
        } catch (TransactionCanceledException cancelled) {
            List<String> reasons = cancelled.hasCancellationReasons()
                    ? cancelled.cancellationReasons().stream().map(CancellationReason::code).toList() : List.of();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0))) {
                return; // not there: DELETE is idempotent
            }
            if (reasons.size() == 2 && "ConditionalCheckFailed".equals(reasons.get(1))) {
                // no count item yet: the line goes alone, the count starts from the lines when next needed
                dynamo.deleteItem(r -> r.tableName(table).key(key(customerId, bookId)));
                return;
            }
            throw cancelled;
        }
    }

    /**
     * Checkout's part of the count: its transaction deletes {@code lines} lines, all the cart held when it
     * was read. A cart without a count item (from before it) ends at 0 as well.
     */
    public static Update lineCountAfterCheckout(String table, String customerId, int lines) {
        return Update.builder().tableName(table).key(key(customerId, LINE_COUNT_ITEM))
                .updateExpression("SET lineCount = if_not_exists(lineCount, :n) - :n")
                .expressionAttributeValues(Map.of(":n", number(lines))).build();
    }

    public static Map<String, AttributeValue> key(String customerId, String bookId) {
        return Map.of("customerId", AttributeValue.fromS(customerId), "bookId", AttributeValue.fromS(bookId));
    }

    private static boolean isLine(Map<String, AttributeValue> item) {
        return !item.get("bookId").s().startsWith("#");
    }

    private static CartLine toLine(Map<String, AttributeValue> item) {
        return new CartLine(item.get("bookId").s(), Integer.parseInt(item.get("quantity").n()));
    }

    private static AttributeValue number(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }
}
