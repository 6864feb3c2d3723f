package com.bookstore.api.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.api.ApiHandler;
import com.bookstore.api.BookstoreApi;
import com.bookstore.api.catalogue.Book;
import com.bookstore.ops.CatalogueFile;
import com.bookstore.ops.CatalogueSeeder;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The line limit as a condition on the write (docs/security.md#app-abuse-limits): concurrent adds of new books cannot pass 50 lines,
 * and the line count follows every way a line comes and goes. Each test seeds its own tables.
 */
@ExtendWith(LocalEngines.class)
class CartLineCountIT {

    private static final List<Book> BOOKS = CatalogueFile.books();
    private Engines engines;
    private TableNames tables;
    private ApiHandler handler;
    private final String customer = UUID.randomUUID().toString();

    @BeforeEach
    void seed(Engines localEngines) {
        engines = localEngines;
        tables = engines.freshTables();
        new CatalogueSeeder(engines.dynamo(), tables.books()).seed(BOOKS);
        handler = new ApiHandler(new BookstoreApi(engines.settings(tables, Engines.deadRedisUrl()), engines.dynamo(),
                new LazyRedisPool(Engines.deadRedisUrl()), Clock.systemUTC()));
    }

    @Test
    void thirtyConcurrentAddsToACartOfFortyFiveLinesEndWithExactlyFifty() throws Exception {
        assertTrue(BOOKS.size() >= 45 + 11, "the catalogue has enough books for 45 lines and 11 newcomers");
        for (Book book : BOOKS.subList(0, 45)) {
            assertEquals(200, add(book.id(), 1).status());
        }
        // 30 adds of 11 books not yet in the cart (some twice or thrice: a new line and more copies race too)
        List<String> newcomers = BOOKS.subList(45, 56).stream().map(Book::id).toList();
        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                String bookId = newcomers.get(i % newcomers.size());
                results.add(pool.submit(() -> {
                    start.await();
                    return add(bookId, 1);
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<ApiResult> result : results) {
                ApiResult answer = result.get(120, TimeUnit.SECONDS);
                assertTrue(answer.status() == 200 || answer.status() == 409, answer.toString());
                if (answer.status() == 409) {
                    assertTrue(List.of("cart_full", "cart_busy").contains(answer.error()), answer.toString());
                } else {
                    accepted++;
                }
            }
            assertTrue(accepted >= 5, "at least the five free lines were taken: " + accepted);
        } finally {
            pool.shutdownNow();
        }

        ApiResult cart = call(ApiEvent.signedIn(customer, "GET", "/cart"));
        assertEquals(ShoppingCart.MAX_LINES, cart.body().getAsJsonArray("items").size(), cart.toString());
        assertEquals(ShoppingCart.MAX_LINES, lineCount());
        ApiResult fiftyFirst = add(BOOKS.get(0).id(), 1);
        assertEquals(200, fiftyFirst.status(), "more copies of a book in the full cart are fine: " + fiftyFirst);
    }

    @Test
    void theCountFollowsRemoveSetAndCheckout() {
        add(BOOKS.get(0).id(), 1);
        add(BOOKS.get(1).id(), 2);
        call(ApiEvent.signedIn(customer, "PUT", "/cart/" + BOOKS.get(2).id()).body("{\"quantity\":3}"));
        call(ApiEvent.signedIn(customer, "PUT", "/cart/" + BOOKS.get(2).id()).body("{\"quantity\":4}"));
        assertEquals(3, lineCount());

        call(ApiEvent.signedIn(customer, "DELETE", "/cart/" + BOOKS.get(1).id()));
        call(ApiEvent.signedIn(customer, "DELETE", "/cart/" + BOOKS.get(1).id()));
        assertEquals(2, lineCount(), "a second DELETE of the same line takes nothing off");

        ApiResult order = call(ApiEvent.signedIn(customer, "POST", "/orders").header("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, order.status(), order.toString());
        assertEquals(0, lineCount(), "checkout's transaction empties the count with the cart");
        assertEquals(5, order.body().get("itemCount").getAsInt());
    }

    @Test
    void aCartFromBeforeTheCountStartsItFromItsLinesAndStillStopsAtFifty() {
        for (Book book : BOOKS.subList(0, ShoppingCart.MAX_LINES)) {
            engines.dynamo().putItem(r -> r.tableName(tables.cart()).item(Map.of("customerId", AttributeValue.fromS(customer),
                    "bookId", AttributeValue.fromS(book.id()), "quantity", AttributeValue.fromN("1"))));
        }

        ApiResult refused = add(BOOKS.get(ShoppingCart.MAX_LINES).id(), 1);

        assertEquals(409, refused.status(), refused.toString());
        assertEquals("cart_full", refused.error());
        assertEquals(ShoppingCart.MAX_LINES, lineCount());
        call(ApiEvent.signedIn(customer, "DELETE", "/cart/" + BOOKS.get(0).id()));
        assertEquals(200, add(BOOKS.get(ShoppingCart.MAX_LINES).id(), 1).status());
        assertEquals(ShoppingCart.MAX_LINES, lineCount());
    }

    @Test
    void aFullCartFromBeforeTheCountIsRefusedAtTheFirstTransaction() {
        legacyLines(ShoppingCart.MAX_LINES);
        DynamoHooks hooks = new DynamoHooks(engines);

        ApiResult refused = add(hooks.client(), BOOKS.get(ShoppingCart.MAX_LINES).id());

        assertEquals("cart_full", refused.error(), refused.toString());
        assertEquals(1, hooks.calls(TransactWriteItemsRequest.class), "the count started from the lines says full at once");
    }

    @Test
    void aLineRemovedFromACartBeforeTheCountGoesAloneAndTheCountStartsLaterFromTheLines() {
        legacyLines(3);

        ApiResult removed = call(ApiEvent.signedIn(customer, "DELETE", "/cart/" + BOOKS.get(0).id()));

        assertEquals(200, removed.status(), removed.toString());
        assertEquals(2, removed.body().getAsJsonArray("items").size());
        assertTrue(countItem().isEmpty(), "no count item is made up by a removal");
        assertEquals(200, add(BOOKS.get(10).id(), 1).status());
        assertEquals(3, lineCount(), "started from the two lines left, plus the new one");
    }

    /** Lines written as the cart did before it kept a line count: no count item in the partition. */
    private void legacyLines(int lines) {
        for (Book book : BOOKS.subList(0, lines)) {
            engines.dynamo().putItem(r -> r.tableName(tables.cart()).item(Map.of("customerId", AttributeValue.fromS(customer),
                    "bookId", AttributeValue.fromS(book.id()), "quantity", AttributeValue.fromN("1"))));
        }
    }

    private Map<String, AttributeValue> countItem() {
        var item = engines.dynamo().getItem(r -> r.tableName(tables.cart()).consistentRead(true)
                .key(CartTable.key(customer, CartTable.LINE_COUNT_ITEM))).item();
        return item == null ? Map.of() : item;
    }

    private ApiResult add(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String bookId) {
        var api = new BookstoreApi(engines.settings(tables, Engines.deadRedisUrl()), dynamo,
                new LazyRedisPool(Engines.deadRedisUrl()), Clock.systemUTC());
        return ApiResult.of(new ApiHandler(api).handleRequest(ApiEvent.signedIn(customer, "POST", "/cart")
                .body("{\"bookId\":\"" + bookId + "\",\"quantity\":1}").build(), null));
    }

    private ApiResult add(String bookId, int quantity) {
        return call(ApiEvent.signedIn(customer, "POST", "/cart").body("{\"bookId\":\"" + bookId + "\",\"quantity\":" + quantity + "}"));
    }

    private ApiResult call(ApiEvent request) {
        return ApiResult.of(handler.handleRequest(request.build(), null));
    }

    private int lineCount() {
        var item = engines.dynamo().getItem(r -> r.tableName(tables.cart()).consistentRead(true)
                .key(CartTable.key(customer, CartTable.LINE_COUNT_ITEM))).item();
        return Integer.parseInt(item.get("lineCount").n());
    }
}
