package com.bookstore.api.cart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** The Cart table: pk {@code customerId}, sk {@code bookId}, attribute {@code quantity}. */
public final class CartTable {

    private final DynamoDbClient dynamo;
    private final String table;

    public CartTable(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public String name() {
        return table;
    }

    /** Strongly consistent: checkout prices exactly what the customer last saw saved. */
    public List<CartLine> lines(String customerId) {
        List<CartLine> lines = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("customerId = :customer")
                        .expressionAttributeValues(Map.of(":customer", AttributeValue.fromS(customerId))))
                .items().forEach(item -> lines.add(toLine(item)));
        return lines;
    }

    public Optional<CartLine> line(String customerId, String bookId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(customerId, bookId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toLine(item));
    }

    /**
     * Adds copies atomically (two tabs adding at once both count) unless the line would pass {@code max};
     * then DynamoDB's condition fails with ConditionalCheckFailedException.
     */
    public int add(String customerId, String bookId, int quantity, int max) {
        var updated = dynamo.updateItem(r -> r.tableName(table).key(key(customerId, bookId))
                .updateExpression("ADD quantity :q")
                .conditionExpression("attribute_not_exists(quantity) OR quantity <= :room")
                .expressionAttributeValues(Map.of(":q", number(quantity), ":room", number(max - quantity)))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Integer.parseInt(updated.attributes().get("quantity").n());
    }

    public void put(String customerId, String bookId, int quantity) {
        var item = new java.util.HashMap<>(key(customerId, bookId));
        item.put("quantity", number(quantity));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    public void remove(String customerId, String bookId) {
        dynamo.deleteItem(r -> r.tableName(table).key(key(customerId, bookId)));
    }

    public static Map<String, AttributeValue> key(String customerId, String bookId) {
        return Map.of("customerId", AttributeValue.fromS(customerId), "bookId", AttributeValue.fromS(bookId));
    }

    private static CartLine toLine(Map<String, AttributeValue> item) {
        return new CartLine(item.get("bookId").s(), Integer.parseInt(item.get("quantity").n()));
    }

    private static AttributeValue number(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }
}
