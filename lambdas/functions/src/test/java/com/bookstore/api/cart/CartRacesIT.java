package com.bookstore.api.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.api.ApiHandler;
import com.bookstore.api.BookstoreApi;
import com.bookstore.api.catalogue.Book;
import com.bookstore.ops.CatalogueFile;
import com.bookstore.platform.LazyRedisPool;
import com.bookstore.platform.TableNames;
import com.bookstore.testing.ApiEvent;
import com.bookstore.testing.ApiResult;
import com.bookstore.testing.DynamoHooks;
import com.bookstore.testing.Engines;
import com.bookstore.testing.LocalEngines;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A cart write racing another request on the same moto tables, at the exact point of the race
 * ({@link DynamoHooks}): a line created between the add's update and its read, a line that keeps appearing and
 * vanishing, a line count that says more than the lines. The handler under test is the real one.
 */
@ExtendWith(LocalEngines.class)
class CartRacesIT {

    private static final List<Book> BOOKS = CatalogueFile.books();
    private static Engines engines;
    private static TableNames tables;

    @BeforeAll
    static void seed(Engines localEngines) {
        engines = localEngines;
        tables = engines.freshTablesWithCatalogue();
    }

    @Test
    void aLineCreatedMeanwhileThatLeavesRoomForExactlyTheseCopiesTakesThem() {
        String customer = UUID.randomUUID().toString();
        Book book = BOOKS.get(0);
        // The add's update found no line; before it reads the line, another request creates it with 97 copies.
        DynamoHooks hooks = new DynamoHooks(engines).before(GetItemRequest.class, call -> {
            if (call == 1) {
                putLine(customer, book, Quantity.MAX - 2);
            }
        });

        ApiResult added = add(hooks.client(), customer, book, 2);

        assertEquals(200, added.status(), "97 + 2 is the line's limit, not past it: " + added);
        assertEquals(Quantity.MAX, added.body().getAsJsonArray("items").get(0).getAsJsonObject().get("quantity").getAsInt());
    }

    @Test
    void aLineThatKeepsAppearingAndVanishingEndsInCartBusyAfterEightTriesWithGrowingPauses() {
        String customer = UUID.randomUUID().toString();
        Book book = BOOKS.get(1);
        List<Long> transactions = new ArrayList<>();
        // Each try: the update finds no line (deleted just before), and the create finds one (put just before).
        DynamoHooks hooks = new DynamoHooks(engines)
                .before(UpdateItemRequest.class, call -> deleteLine(customer, book))
                .before(TransactWriteItemsRequest.class, call -> {
                    transactions.add(System.nanoTime());
                    putLine(customer, book, 1);
                });

        ApiResult busy = add(hooks.client(), customer, book, 1);

        assertEquals(409, busy.status(), busy.toString());
        assertEquals("cart_busy", busy.error());
        assertEquals(8, transactions.size(), "eight tries, then the verdict");
        for (int i = 0; i + 1 < transactions.size(); i++) {
            long floor = 25L << Math.min(i, 6);
            long gapMillis = (transactions.get(i + 1) - transactions.get(i)) / 1_000_000;
            assertTrue(gapMillis >= floor, "pause before try " + (i + 2) + ": " + gapMillis + " ms, at least " + floor);
        }
    }

    @Test
    void theLineCountNotARecountOfTheLinesDecidesTheCartIsFull() {
        String customer = UUID.randomUUID().toString();
        // 49 lines and a count of 50: a line was removed in the other region and its count update is still on the
        // way (global tables replicate items one by one). The count is what the write's condition trusts.
        for (Book book : BOOKS.subList(0, ShoppingCart.MAX_LINES - 1)) {
            putLine(customer, book, 1);
        }
        engines.dynamo().putItem(r -> r.tableName(tables.cart()).item(Map.of("customerId", AttributeValue.fromS(customer),
                "bookId", AttributeValue.fromS(CartTable.LINE_COUNT_ITEM), "lineCount", AttributeValue.fromN("50"))));
        DynamoHooks hooks = new DynamoHooks(engines);

        ApiResult refused = add(hooks.client(), customer, BOOKS.get(ShoppingCart.MAX_LINES), 1);

        assertEquals("cart_full", refused.error(), refused.toString());
        assertEquals(1, hooks.calls(TransactWriteItemsRequest.class));
    }

    private static void putLine(String customer, Book book, int quantity) {
        engines.dynamo().putItem(r -> r.tableName(tables.cart()).item(Map.of("customerId", AttributeValue.fromS(customer),
                "bookId", AttributeValue.fromS(book.id()), "quantity", AttributeValue.fromN(Integer.toString(quantity)))));
    }

    private static void deleteLine(String customer, Book book) {
        engines.dynamo().deleteItem(r -> r.tableName(tables.cart()).key(CartTable.key(customer, book.id())));
    }

    private static ApiResult add(DynamoDbClient dynamo, String customer, Book book, int quantity) {
        var api = new BookstoreApi(engines.settings(tables, Engines.deadRedisUrl()), dynamo,
                new LazyRedisPool(Engines.deadRedisUrl()), Clock.systemUTC());
        return ApiResult.of(new ApiHandler(api).handleRequest(ApiEvent.signedIn(customer, "POST", "/cart")
                .body("{\"bookId\":\"" + book.id() + "\",\"quantity\":" + quantity + "}").build(), null));
    }
}
