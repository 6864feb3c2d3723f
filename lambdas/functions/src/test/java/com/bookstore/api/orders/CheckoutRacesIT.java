package com.bookstore.api.orders;

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
import com.bookstore.testing.OpenApiDocument;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Checkout racing a second writer on the same moto tables: the cart changing between checkout's read and its
 * transaction, and a retry reading a cart that still shows lines its committed checkout deleted (the
 * read-committed view DynamoDB allows and moto's serialised requests never show). The writer acts through
 * {@link DynamoHooks} at the exact point of the race; the checkout under test is the real handler.
 */
@ExtendWith(LocalEngines.class)
class CheckoutRacesIT {

    private static final List<Book> BOOKS = CatalogueFile.books();
    private static final OpenApiDocument SPEC = OpenApiDocument.load();
    private static Engines engines;
    private static TableNames tables;

    @BeforeAll
    static void seed(Engines localEngines) {
        engines = localEngines;
        tables = engines.freshTablesWithCatalogue();
    }

    @Test
    void aCartThatChangesBeforeEveryTransactionEndsInCheckoutConflictAndNothingIsWritten() {
        String customer = customerWithCart(Map.of(BOOKS.get(0), 1));
        String key = UUID.randomUUID().toString();
        DynamoHooks hooks = new DynamoHooks(engines)
                .before(TransactWriteItemsRequest.class, call -> addCopy(customer, BOOKS.get(0)));

        ApiResult result = checkout(hooks, customer, key);

        assertEquals(409, result.status(), result.toString());
        assertEquals("checkout_conflict", result.error());
        assertTrue(SPEC.declares("post", "/orders", 409));
        assertEquals(4, hooks.calls(TransactWriteItemsRequest.class), "checkout tries four times, then gives up");
        assertEquals(Map.of(BOOKS.get(0).id(), 5), cart(customer), "the cart keeps every copy the other writer added");
        assertEquals(404, call(engines.dynamo(), ApiEvent.signedIn(customer, "GET",
                "/orders/" + IdempotencyKey.from(java.util.Optional.of(key)).orderIdFor(customer))).status(), "no order was written");
    }

    @Test
    void aCartThatChangesOnceIsPricedAgainAndTheOrderHoldsWhatTheCartHeldAtTheTransaction() {
        String customer = customerWithCart(Map.of(BOOKS.get(1), 1));
        DynamoHooks hooks = new DynamoHooks(engines).before(TransactWriteItemsRequest.class, call -> {
            if (call == 1) {
                addCopy(customer, BOOKS.get(1));
            }
        });

        ApiResult placed = checkout(hooks, customer, UUID.randomUUID().toString());

        assertEquals(201, placed.status(), placed.toString());
        assertEquals(2, placed.body().get("itemCount").getAsInt());
        assertEquals(0, BOOKS.get(1).price().multiply(java.math.BigDecimal.valueOf(2))
                .compareTo(placed.body().get("total").getAsBigDecimal()));
        assertEquals(2, hooks.calls(TransactWriteItemsRequest.class));
        assertEquals(Map.of(), cart(customer));
    }

    @Test
    void aRetryThatStillSeesLinesItsCommittedCheckoutDeletedWaitsForThemAndReturnsTheSameOrder() {
        String customer = customerWithCart(Map.of(BOOKS.get(2), 1, BOOKS.get(3), 2));
        String key = UUID.randomUUID().toString();
        ApiResult first = checkout(new DynamoHooks(engines), customer, key);
        assertEquals(201, first.status(), first.toString());
        // One of the deleted lines is still visible to the retry's cart read, and its deletion lands just
        // after the retry has read the order.
        putLine(customer, BOOKS.get(3), 2);
        DynamoHooks hooks = new DynamoHooks(engines).after(GetItemRequest.class, call -> {
            if (call == 1) {
                engines.dynamo().deleteItem(r -> r.tableName(tables.cart()).key(cartKey(customer, BOOKS.get(3))));
            }
        });

        ApiResult retry = checkout(hooks, customer, key);

        assertEquals(200, retry.status(), retry.toString());
        assertEquals(first.body().get("orderId"), retry.body().get("orderId"));
        assertEquals(2, hooks.calls(GetItemRequest.class), "the retry read the cart and the order a second time");
        assertEquals(0, hooks.calls(TransactWriteItemsRequest.class));
    }

    @Test
    void aLeftoverLineThatIsNotPartOfTheKeysOrderIsARefusedKeyReuseAtOnce() {
        String customer = customerWithCart(Map.of(BOOKS.get(4), 1));
        String key = UUID.randomUUID().toString();
        assertEquals(201, checkout(new DynamoHooks(engines), customer, key).status());
        putLine(customer, BOOKS.get(4), 2); // same book, a quantity the order never had
        DynamoHooks hooks = new DynamoHooks(engines);

        ApiResult reuse = checkout(hooks, customer, key);

        assertEquals(409, reuse.status(), reuse.toString());
        assertEquals("idempotency_key_reused", reuse.error());
        assertEquals(1, hooks.calls(GetItemRequest.class), "a cart that is no part of the order is not waited for");
    }

    private static String customerWithCart(Map<Book, Integer> lines) {
        String customer = UUID.randomUUID().toString();
        lines.forEach((book, quantity) -> putLine(customer, book, quantity));
        return customer;
    }

    private static void putLine(String customer, Book book, int quantity) {
        ApiResult put = call(engines.dynamo(), ApiEvent.signedIn(customer, "PUT", "/cart/" + book.id())
                .body("{\"quantity\":" + quantity + "}"));
        assertEquals(200, put.status(), put.toString());
    }

    private static void addCopy(String customer, Book book) {
        engines.dynamo().updateItem(r -> r.tableName(tables.cart()).key(cartKey(customer, book))
                .updateExpression("ADD quantity :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }

    private static Map<String, AttributeValue> cartKey(String customer, Book book) {
        return Map.of("customerId", AttributeValue.fromS(customer), "bookId", AttributeValue.fromS(book.id()));
    }

    private static Map<String, Integer> cart(String customer) {
        var items = call(engines.dynamo(), ApiEvent.signedIn(customer, "GET", "/cart")).body().getAsJsonArray("items");
        Map<String, Integer> lines = new java.util.HashMap<>();
        items.forEach(item -> lines.put(item.getAsJsonObject().get("bookId").getAsString(),
                item.getAsJsonObject().get("quantity").getAsInt()));
        return lines;
    }

    private static ApiResult checkout(DynamoHooks hooks, String customer, String key) {
        return call(hooks.client(), ApiEvent.signedIn(customer, "POST", "/orders").header("Idempotency-Key", key));
    }

    /** The real handler over {@code dynamo}; checkout and the cart never touch Redis. */
    private static ApiResult call(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, ApiEvent request) {
        var api = new BookstoreApi(engines.settings(tables, Engines.deadRedisUrl()), dynamo,
                new LazyRedisPool(Engines.deadRedisUrl()), Clock.systemUTC());
        return ApiResult.of(new ApiHandler(api).handleRequest(request.build(), null));
    }
}
