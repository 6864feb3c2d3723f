package com.bookstore.api.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bookstore.ops.CatalogueFile;
import com.bookstore.ops.CatalogueSeeder;
import com.bookstore.platform.TableNames;
import com.bookstore.testing.DynamoHooks;
import com.bookstore.testing.Engines;
import com.bookstore.testing.LocalEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;

/** BookTable's batched reads on moto, against BatchGetItem's documented limits. */
@ExtendWith(LocalEngines.class)
class BookTableIT {

    @Test
    void idsAreReadInBatchesOfAHundredAndNeverInAnEmptyOne(Engines engines) {
        TableNames tables = engines.freshTables();
        List<Book> books = CatalogueFile.books();
        new CatalogueSeeder(engines.dynamo(), tables.books()).seed(books);
        // BatchGetItem takes up to 100 keys and refuses an empty list (Keys: 1 to 100 items, DynamoDB API
        // reference); moto accepts an empty one, so the calls are counted rather than left to moto to refuse.
        List<String> hundred = new ArrayList<>(books.stream().map(Book::id).toList());
        for (int i = 0; hundred.size() < 100; i++) {
            hundred.add("unknown-" + i);
        }
        DynamoHooks hooks = new DynamoHooks(engines);
        BookTable table = new BookTable(hooks.client(), tables.books());

        assertEquals(books.stream().map(Book::id).collect(Collectors.toSet()), table.findAll(hundred).keySet());
        assertEquals(1, hooks.calls(BatchGetItemRequest.class), "a hundred ids are one call");

        List<String> hundredAndOne = new ArrayList<>(hundred);
        hundredAndOne.add(books.get(0).id() + "-not-sold");
        hundredAndOne.add(books.get(0).id());
        assertEquals(Set.copyOf(books.stream().map(Book::id).toList()), table.findAll(hundredAndOne).keySet());
        assertEquals(3, hooks.calls(BatchGetItemRequest.class), "101 distinct ids are two more calls");
    }
}
