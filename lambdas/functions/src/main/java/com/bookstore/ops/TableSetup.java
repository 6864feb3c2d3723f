package com.bookstore.ops;

import com.bookstore.api.catalogue.BookTable;
import com.bookstore.platform.AwsClients;
import com.bookstore.platform.AwsSettings;
import com.bookstore.platform.TableNames;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates the three tables on a local engine (moto) with the keys the stack gives them on AWS: Books
 * (pk id, GSI on category), Cart (customerId/bookId), Orders (customerId/orderId, stream with new and
 * old images). Tables that exist are left alone, so it can run at every start.
 *
 * <p>Run: {@code BOOKS_TABLE=... CART_TABLE=... ORDERS_TABLE=... AWS_REGION=... AWS_ENDPOINT_URL=...
 * java -cp bookstore-functions.jar com.bookstore.ops.TableSetup}
 */
public final class TableSetup {

    private static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(2);

    private final DynamoDbClient dynamo;

    public TableSetup(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /** Which tables this call created (an empty list when all existed). */
    public List<String> ensure(TableNames names) {
        List<String> created = new ArrayList<>();
        if (create(books(names.books()))) {
            created.add(names.books());
        }
        if (create(keyed(names.cart(), "customerId", "bookId").build())) {
            created.add(names.cart());
        }
        if (create(keyed(names.orders(), "customerId", "orderId")
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                .build())) {
            created.add(names.orders());
        }
        for (String table : List.of(names.books(), names.cart(), names.orders())) {
            awaitActive(table);
        }
        return created;
    }

    private static CreateTableRequest books(String table) {
        return CreateTableRequest.builder().tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id"), attribute("category"))
                .keySchema(key("id", KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(BookTable.CATEGORY_INDEX)
                        .keySchema(key("category", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())
                .build();
    }

    private static CreateTableRequest.Builder keyed(String table, String partitionKey, String sortKey) {
        return CreateTableRequest.builder().tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(partitionKey), attribute(sortKey))
                .keySchema(key(partitionKey, KeyType.HASH), key(sortKey, KeyType.RANGE));
    }

    private boolean create(CreateTableRequest request) {
        try {
            dynamo.describeTable(r -> r.tableName(request.tableName()));
            return false;
        } catch (ResourceNotFoundException missing) {
            try {
                dynamo.createTable(request);
                return true;
            } catch (ResourceInUseException createdMeanwhile) {
                return false;
            }
        }
    }

    private void awaitActive(String table) {
        Instant deadline = Instant.now().plus(ACTIVE_TIMEOUT);
        while (dynamo.describeTable(r -> r.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("table " + table + " is not ACTIVE after " + ACTIVE_TIMEOUT);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + table, e);
            }
        }
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    public static void main(String[] args) {
        try (var dynamo = AwsClients.dynamoDb(AwsSettings.from(System.getenv()))) {
            List<String> created = new TableSetup(dynamo).ensure(TableNames.from(System.getenv()));
            System.out.println(created.isEmpty() ? "tables: all present" : "tables created: " + String.join(", ", created));
        }
    }
}
