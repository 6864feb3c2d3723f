package com.bookstore.infra.data;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlobalTablesTest {

    @Test
    void primaryCreatesTheThreeTablesWithTheirKeysAndTheCategoryIndex() {
        Plan plan = Plans.primary();

        var books = Plans.named(plan, "aws:dynamodb/table:Table", "bookstore-tables-books");
        var cart = Plans.named(plan, "aws:dynamodb/table:Table", "bookstore-tables-cart");
        var orders = Plans.named(plan, "aws:dynamodb/table:Table", "bookstore-tables-orders");

        assertEquals("bookstore-books", input(books, "name"));
        assertEquals("id", input(books, "hashKey"));
        assertEquals("category-index", input(books, "globalSecondaryIndexes.name"));
        assertEquals("category", input(books, "globalSecondaryIndexes.hashKey"));
        assertEquals("customerId", input(cart, "hashKey"));
        assertEquals("bookId", input(cart, "rangeKey"));
        assertEquals("customerId", input(orders, "hashKey"));
        assertEquals("orderId", input(orders, "rangeKey"));
    }

    @Test
    void everyPrimaryTableIsSafeByDefault() {
        for (PlannedResource table : Plans.primary().ofType("aws:dynamodb/table:Table")) {
            assertEquals("PAY_PER_REQUEST", input(table, "billingMode"), table.name());
            assertEquals(true, input(table, "streamEnabled"), table.name());
            assertEquals("NEW_AND_OLD_IMAGES", input(table, "streamViewType"), table.name());
            assertEquals(true, input(table, "pointInTimeRecovery.enabled"), table.name());
            assertEquals(true, input(table, "serverSideEncryption.enabled"), table.name());
            assertEquals(true, input(table, "deletionProtectionEnabled"), table.name());
            assertEquals("eu-west-1", table.region(), table.name());
        }
    }

    @Test
    void secondaryReplicatesEachPrimaryTableFromItsArnAndCreatesNoTable() {
        Plan primary = Plans.primary();
        Plan secondary = Plans.secondary();

        List<PlannedResource> replicas = secondary.ofType("aws:dynamodb/tableReplica:TableReplica");

        assertTrue(secondary.ofType("aws:dynamodb/table:Table").isEmpty());
        assertEquals(Set.of(primary.outputs().get("booksTableArn"), primary.outputs().get("cartTableArn"),
                        primary.outputs().get("ordersTableArn")),
                replicas.stream().map(r -> input(r, "globalTableArn")).collect(Collectors.toSet()));
        for (PlannedResource replica : replicas) {
            assertEquals("ap-southeast-1", replica.region());
            assertEquals(true, input(replica, "pointInTimeRecovery"));
            assertEquals(true, input(replica, "deletionProtectionEnabled"));
        }
    }

    @Test
    void secondaryConsumerReadsItsOwnReplicasStream() {
        var mapping = Plans.one(Plans.secondary(), "aws:lambda/eventSourceMapping:EventSourceMapping");

        String stream = (String) input(mapping, "eventSourceArn");

        assertTrue(stream.startsWith("arn:aws:dynamodb:ap-southeast-1:"), stream);
        assertTrue(stream.contains(":table/bookstore-orders/stream/"), stream);
    }

    @Test
    void theTableDesignMatchesDesignSection4() {
        assertEquals(Map.of("books", "id", "cart", "customerId", "orders", "customerId"),
                java.util.Arrays.stream(TableDesign.values())
                        .collect(Collectors.toMap(d -> d.logicalName, d -> d.partitionKey)));
    }
}
