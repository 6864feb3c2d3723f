package com.bookstore.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bookstore.api.catalogue.Book;
import com.bookstore.api.catalogue.BookTable;
import com.bookstore.platform.TableNames;
import com.bookstore.testing.Engines;
import com.bookstore.testing.LocalEngines;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

@ExtendWith(LocalEngines.class)
class OpsIT {

    @Test
    void tableSetupCreatesTheTablesWithTheirKeysIndexAndStreamAndIsIdempotent(Engines engines) {
        TableNames names = TableNames.withPrefix("ops-" + UUID.randomUUID().toString().substring(0, 8) + "-");
        var setup = new TableSetup(engines.dynamo());

        List<String> first = setup.ensure(names);
        List<String> second = setup.ensure(names);

        assertEquals(List.of(names.books(), names.cart(), names.orders()), first);
        assertEquals(List.of(), second);
        var books = engines.dynamo().describeTable(r -> r.tableName(names.books())).table();
        assertEquals("id", books.keySchema().get(0).attributeName());
        assertEquals(BookTable.CATEGORY_INDEX, books.globalSecondaryIndexes().get(0).indexName());
        assertEquals("category", books.globalSecondaryIndexes().get(0).keySchema().get(0).attributeName());
        var cart = engines.dynamo().describeTable(r -> r.tableName(names.cart())).table();
        assertEquals(List.of("customerId", "bookId"), cart.keySchema().stream().map(k -> k.attributeName()).toList());
        var orders = engines.dynamo().describeTable(r -> r.tableName(names.orders())).table();
        assertEquals(KeyType.RANGE, orders.keySchema().get(1).keyType());
        assertEquals("orderId", orders.keySchema().get(1).attributeName());
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, orders.streamSpecification().streamViewType());
    }

    @Test
    void seederInsertsThenFindsNothingToDoThenUpdatesOnlyWhatChanged(Engines engines) {
        TableNames names = engines.freshTables();
        var seeder = new CatalogueSeeder(engines.dynamo(), names.books());
        List<Book> catalogue = CatalogueFile.books();

        var first = seeder.seed(catalogue);
        var second = seeder.seed(catalogue);
        List<Book> repriced = new ArrayList<>(catalogue);
        Book changed = catalogue.get(0);
        repriced.set(0, Book.of(changed.id(), changed.name(), changed.author(), changed.category(),
                changed.price().add(BigDecimal.ONE), changed.rating()));
        var third = seeder.seed(repriced);

        assertEquals(new CatalogueSeeder.Report(56, 56, 0, 0, 56), first);
        assertEquals(new CatalogueSeeder.Report(56, 0, 0, 56, 56), second);
        assertEquals(new CatalogueSeeder.Report(56, 0, 1, 55, 56), third);
        assertEquals(0, changed.price().add(BigDecimal.ONE).compareTo(
                new BookTable(engines.dynamo(), names.books()).find(changed.id()).orElseThrow().price()));
    }
}
