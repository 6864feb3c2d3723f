package com.bookstore.api.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** The Books table: pk {@code id}, GSI {@value #CATEGORY_INDEX} on {@code category}. */
public final class BookTable {

    /** Name of the category index; the table definitions (TableSetup, the Pulumi program) use the same. */
    public static final String CATEGORY_INDEX = "category-index";
    private static final int BATCH_GET_LIMIT = 100;
    private static final int MAX_BATCH_ROUNDS = 8;

    private final DynamoDbClient dynamo;
    private final String table;

    public BookTable(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public Optional<Book> find(String id) {
        var item = dynamo.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(id)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toBook(item));
    }

    /** The books with these ids that exist, keyed by id (BatchGetItem, unprocessed keys retried). */
    public Map<String, Book> findAll(Collection<String> ids) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(ids));
        Map<String, Book> found = new HashMap<>();
        for (int from = 0; from < unique.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = unique.subList(from, Math.min(unique.size(), from + BATCH_GET_LIMIT))
                    .stream().map(id -> Map.of("id", AttributeValue.fromS(id))).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            for (int round = 0; !request.isEmpty(); round++) {
                if (round == MAX_BATCH_ROUNDS) {
                    throw new IllegalStateException("BatchGetItem kept returning unprocessed keys");
                }
                var batch = request;
                BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(batch));
                response.responses().getOrDefault(table, List.of()).forEach(item -> {
                    Book book = toBook(item);
                    found.put(book.id(), book);
                });
                request = response.unprocessedKeys();
                if (!request.isEmpty()) {
                    Backoff.pause(round);
                }
            }
        }
        return found;
    }

    /** One page: a Query on the category index when a category is given, otherwise a Scan. */
    public BookPage page(Optional<String> category, int limit, Optional<Map<String, AttributeValue>> startKey) {
        List<Map<String, AttributeValue>> items;
        Map<String, AttributeValue> lastKey;
        if (category.isPresent()) {
            var request = QueryRequest.builder().tableName(table).indexName(CATEGORY_INDEX)
                    .keyConditionExpression("category = :category")
                    .expressionAttributeValues(Map.of(":category", AttributeValue.fromS(category.get())))
                    .limit(limit);
            startKey.ifPresent(request::exclusiveStartKey);
            var response = dynamo.query(request.build());
            items = response.items();
            lastKey = response.lastEvaluatedKey();
        } else {
            var request = ScanRequest.builder().tableName(table).limit(limit);
            startKey.ifPresent(request::exclusiveStartKey);
            var response = dynamo.scan(request.build());
            items = response.items();
            lastKey = response.lastEvaluatedKey();
        }
        return new BookPage(items.stream().map(BookTable::toBook).toList(), PageCursor.encode(lastKey));
    }

    /** The whole catalogue (56 books: one or two Scan pages). */
    public List<Book> all() {
        List<Book> books = new ArrayList<>();
        dynamo.scanPaginator(r -> r.tableName(table)).items().forEach(item -> books.add(toBook(item)));
        return books;
    }

    /** A real read for the health check: a GetItem whose answer may well be empty. */
    public void probe() {
        dynamo.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS("health-probe"))));
    }

    static Book toBook(Map<String, AttributeValue> item) {
        return Book.of(item.get("id").s(), text(item, "name"), text(item, "author"), text(item, "category"),
                item.containsKey("price") ? new BigDecimal(item.get("price").n()) : null,
                item.containsKey("rating") ? Integer.parseInt(item.get("rating").n()) : 0);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
