package com.bookstore.api.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.api.ApiHandler;
import com.bookstore.api.BookstoreApi;
import com.bookstore.api.catalogue.Book;
import com.bookstore.ops.CatalogueFile;
import com.bookstore.platform.CheckoutLimits;
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
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * How checkout's loop spends its attempts (docs/architecture.md, checkout): an empty cart is read three times
 * before it is called empty, so a same-key checkout committing meanwhile is found; a rate window that another
 * order changed is read again without using up an attempt, up to a guard; a cart that changed waits a growing
 * pause before the next read. Each race is a second writer on the same moto tables at the exact point
 * ({@link DynamoHooks}); the checkout is the real handler.
 */
@ExtendWith(LocalEngines.class)
class CheckoutRetriesIT {

    private static final List<Book> BOOKS = CatalogueFile.books();
    /** Room for the guard's 32 free window changes and a few more: the limit itself never refuses here. */
    private static final CheckoutLimits ROOMY = new CheckoutLimits(1_000, 600);
    private static Engines engines;
    private static TableNames tables;
    private static long windowBase;

    @BeforeAll
    static void seed(Engines localEngines) {
        engines = localEngines;
        windowBase = Clock.systemUTC().instant().getEpochSecond();
        tables = engines.freshTablesWithCatalogue();
    }

    @Test
    void anEmptyCartIsReadThreeTimesBeforeItIsCalledEmpty() {
        DynamoHooks hooks = new DynamoHooks(engines);

        ApiResult empty = checkout(hooks, UUID.randomUUID().toString(), UUID.randomUUID().toString(), CheckoutLimits.DEFAULT);

        assertEquals(409, empty.status(), empty.toString());
        assertEquals("empty_cart", empty.error());
        assertEquals(3, hooks.calls(QueryRequest.class), "three reads of the cart, then the verdict");
    }

    @Test
    void aSameKeyCheckoutThatCommitsWhileTheCartLooksEmptyIsFoundOnTheNextRead() {
        String customer = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        // The other checkout with this key: its lines are gone before this one reads the cart, its order
        // becomes readable only after this one looked for it (read-committed Query, later GetItem).
        DynamoHooks hooks = new DynamoHooks(engines).after(GetItemRequest.class, call -> {
            if (call == 1) {
                putLine(customer, BOOKS.get(0), 2);
                assertEquals(201, checkout(new DynamoHooks(engines), customer, key, CheckoutLimits.DEFAULT).status());
            }
        });

        ApiResult found = checkout(hooks, customer, key, CheckoutLimits.DEFAULT);

        assertEquals(200, found.status(), "the order the same key placed, not 'empty cart': " + found);
        assertEquals(2, found.body().get("itemCount").getAsInt());
        assertEquals(2, hooks.calls(QueryRequest.class));
    }

    @Test
    void aRateWindowChangedByOtherOrdersIsReadAgainWithoutUsingAnAttempt() {
        String customer = customerWithCart(BOOKS.get(1));
        DynamoHooks hooks = new DynamoHooks(engines).before(TransactWriteItemsRequest.class, call -> {
            if (call <= 6) {
                moveWindow(customer, call);
            }
        });

        ApiResult placed = checkout(hooks, customer, UUID.randomUUID().toString(), ROOMY);

        assertEquals(201, placed.status(), "six window changes cost no attempt (four would end in 409): " + placed);
        assertEquals(7, hooks.calls(TransactWriteItemsRequest.class));
    }

    @Test
    void windowChangesPastTheGuardUseAttemptsAndEndInACheckoutConflict() {
        // 32 changes are free, the next three use attempts 1 to 3 and attempt 4 places the order ...
        String placedCustomer = customerWithCart(BOOKS.get(2));
        DynamoHooks placedHooks = new DynamoHooks(engines).before(TransactWriteItemsRequest.class, call -> {
            if (call <= 35) {
                moveWindow(placedCustomer, call);
            }
        });
        ApiResult placed = checkout(placedHooks, placedCustomer, UUID.randomUUID().toString(), ROOMY);
        assertEquals(201, placed.status(), placed.toString());
        assertEquals(36, placedHooks.calls(TransactWriteItemsRequest.class));

        // ... and a window that never settles ends after the guard and four attempts, the cart untouched.
        String busyCustomer = customerWithCart(BOOKS.get(3));
        DynamoHooks busyHooks = new DynamoHooks(engines).before(TransactWriteItemsRequest.class, call -> moveWindow(busyCustomer, call));
        ApiResult conflict = checkout(busyHooks, busyCustomer, UUID.randomUUID().toString(), ROOMY);
        assertEquals(409, conflict.status(), conflict.toString());
        assertEquals("checkout_conflict", conflict.error());
        assertEquals(36, busyHooks.calls(TransactWriteItemsRequest.class), "32 free changes and 4 attempts");
        assertEquals(1, call(engines.dynamo(), ROOMY, ApiEvent.signedIn(busyCustomer, "GET", "/cart"))
                .body().getAsJsonArray("items").size(), "the cart is untouched");
    }

    @Test
    void aCartThatKeepsChangingIsReadAgainAfterGrowingPauses() {
        String customer = customerWithCart(BOOKS.get(4));
        List<Long> transactions = new ArrayList<>();
        DynamoHooks hooks = new DynamoHooks(engines).before(TransactWriteItemsRequest.class, call -> {
            transactions.add(System.nanoTime());
            addCopy(customer, BOOKS.get(4));
        });

        ApiResult conflict = checkout(hooks, customer, UUID.randomUUID().toString(), CheckoutLimits.DEFAULT);

        assertEquals("checkout_conflict", conflict.error(), conflict.toString());
        assertEquals(4, transactions.size());
        // Backoff: 25, 50 and 100 ms before the second, third and fourth attempt (a floor; a slow machine adds).
        long[] floors = {25, 50, 100};
        for (int i = 0; i < floors.length; i++) {
            long gapMillis = (transactions.get(i + 1) - transactions.get(i)) / 1_000_000;
            assertTrue(gapMillis >= floors[i], "pause before attempt " + (i + 2) + ": " + gapMillis + " ms");
        }
    }

    /**
     * A window another order of this customer opened meanwhile: a start no earlier call used (counted back from
     * the class's start, not from the clock, which may tick between calls), so the condition on it fails.
     */
    private static void moveWindow(String customer, int call) {
        long start = windowBase - call;
        engines.dynamo().putItem(r -> r.tableName(tables.cart()).item(Map.of(
                "customerId", AttributeValue.fromS(customer), "bookId", AttributeValue.fromS(CheckoutRateLimit.ITEM),
                "windowStart", AttributeValue.fromN(Long.toString(start)), "checkouts", AttributeValue.fromN("0"))));
    }

    private static String customerWithCart(Book book) {
        String customer = UUID.randomUUID().toString();
        putLine(customer, book, 1);
        return customer;
    }

    private static void putLine(String customer, Book book, int quantity) {
        ApiResult put = call(engines.dynamo(), CheckoutLimits.DEFAULT, ApiEvent.signedIn(customer, "PUT", "/cart/" + book.id())
                .body("{\"quantity\":" + quantity + "}"));
        assertEquals(200, put.status(), put.toString());
    }

    private static void addCopy(String customer, Book book) {
        engines.dynamo().updateItem(r -> r.tableName(tables.cart())
                .key(Map.of("customerId", AttributeValue.fromS(customer), "bookId", AttributeValue.fromS(book.id())))
                .updateExpression("ADD quantity :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }

    private static ApiResult checkout(DynamoHooks hooks, String customer, String key, CheckoutLimits limits) {
        return call(hooks.client(), limits, ApiEvent.signedIn(customer, "POST", "/orders").header("Idempotency-Key", key));
    }

    /** The real handler over {@code dynamo}; checkout and the cart never touch Redis. */
    private static ApiResult call(DynamoDbClient dynamo, CheckoutLimits limits, ApiEvent request) {
        var settings = engines.settings(tables, Engines.deadRedisUrl()).withCheckoutLimits(limits);
        var api = new BookstoreApi(settings, dynamo, new LazyRedisPool(Engines.deadRedisUrl()), Clock.systemUTC());
        return ApiResult.of(new ApiHandler(api).handleRequest(request.build(), null));
    }
}
