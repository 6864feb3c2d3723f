package com.bookstore.api.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.api.catalogue.Book;
import com.bookstore.ops.CatalogueFile;
import com.bookstore.testing.ApiEvent;
import com.bookstore.testing.ApiResult;
import com.bookstore.testing.Engines;
import com.bookstore.testing.LocalEngines;
import com.bookstore.testing.OrderStream;
import com.bookstore.testing.TestBookstore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(LocalEngines.class)
class CheckoutIT {

    private static final List<Book> BOOKS = CatalogueFile.books();
    private static TestBookstore bookstore;
    private static Engines engines;

    @BeforeAll
    static void seed(Engines localEngines) {
        engines = localEngines;
        bookstore = TestBookstore.seeded(engines);
    }

    private static String customerWithCart(Map<Book, Integer> lines) {
        String customer = UUID.randomUUID().toString();
        lines.forEach((book, quantity) -> {
            ApiResult added = bookstore.call(ApiEvent.signedIn(customer, "POST", "/cart")
                    .body("{\"bookId\":\"" + book.id() + "\",\"quantity\":" + quantity + "}"));
            assertEquals(200, added.status(), added.toString());
        });
        return customer;
    }

    private static ApiResult checkout(String customer, String key) {
        ApiEvent request = ApiEvent.signedIn(customer, "POST", "/orders");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return bookstore.call(request);
    }

    @Test
    void checkoutPlacesTheOrderAtCataloguePricesAndEmptiesTheCart() {
        Book first = BOOKS.get(0);
        Book second = BOOKS.get(1);
        String customer = customerWithCart(Map.of(first, 2, second, 1));

        ApiResult placed = checkout(customer, UUID.randomUUID().toString());

        assertEquals(201, placed.status(), placed.toString());
        BigDecimal expected = first.price().multiply(BigDecimal.valueOf(2)).add(second.price());
        assertEquals(0, expected.compareTo(placed.body().get("total").getAsBigDecimal()));
        assertEquals(3, placed.body().get("itemCount").getAsInt());
        assertEquals("PLACED", placed.body().get("status").getAsString());
        assertEquals(Engines.REGION, placed.body().get("region").getAsString());
        assertEquals("/orders/" + placed.body().get("orderId").getAsString(), placed.headers().get("Location"));
        assertEquals(0, bookstore.call(ApiEvent.signedIn(customer, "GET", "/cart")).body().getAsJsonArray("items").size());
    }

    @Test
    void checkoutWithSameKeyReturnsSameOrder() {
        String customer = customerWithCart(Map.of(BOOKS.get(2), 1));
        String key = UUID.randomUUID().toString();

        ApiResult first = checkout(customer, key);
        ApiResult retry = checkout(customer, key);

        assertEquals(201, first.status());
        assertEquals(200, retry.status(), retry.toString());
        assertEquals(first.body(), retry.body());
        assertEquals(1, bookstore.call(ApiEvent.signedIn(customer, "GET", "/orders")).body().getAsJsonArray("items").size());
    }

    @Test
    void sameKeyWithADifferentCartIsAConflict() {
        String customer = customerWithCart(Map.of(BOOKS.get(3), 1));
        String key = UUID.randomUUID().toString();
        assertEquals(201, checkout(customer, key).status());
        bookstore.call(ApiEvent.signedIn(customer, "POST", "/cart").body("{\"bookId\":\"" + BOOKS.get(4).id() + "\",\"quantity\":1}"));

        ApiResult reused = checkout(customer, key);

        assertEquals(409, reused.status());
        assertEquals("idempotency_key_reused", reused.error());
        assertEquals(1, bookstore.call(ApiEvent.signedIn(customer, "GET", "/cart")).body().getAsJsonArray("items").size(),
                "the new cart is left alone");
    }

    @Test
    void emptyCartIsAConflictWithAMessageAndMissingKeyIsABadRequest() {
        String customer = UUID.randomUUID().toString();

        ApiResult empty = checkout(customer, UUID.randomUUID().toString());
        ApiResult noKey = checkout(customerWithCart(Map.of(BOOKS.get(5), 1)), null);

        assertEquals(409, empty.status());
        assertEquals("empty_cart", empty.error());
        assertTrue(empty.body().get("message").getAsString().contains("empty"));
        assertEquals(400, noKey.status());
        assertEquals("missing_idempotency_key", noKey.error());
    }

    @Test
    void ordersAreListedNewestFirstAndReadableOnlyByTheirCustomer() {
        String customer = UUID.randomUUID().toString();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bookstore.call(ApiEvent.signedIn(customer, "POST", "/cart").body("{\"bookId\":\"" + BOOKS.get(10 + i).id() + "\",\"quantity\":1}"));
            placed.add(checkout(customer, UUID.randomUUID().toString()).body().get("orderId").getAsString());
        }
        String other = UUID.randomUUID().toString();

        ApiResult history = bookstore.call(ApiEvent.signedIn(customer, "GET", "/orders"));
        ApiResult own = bookstore.call(ApiEvent.signedIn(customer, "GET", "/orders/" + placed.get(1)));
        ApiResult foreign = bookstore.call(ApiEvent.signedIn(other, "GET", "/orders/" + placed.get(1)));
        ApiResult foreignList = bookstore.call(ApiEvent.signedIn(other, "GET", "/orders"));

        List<String> listed = new ArrayList<>();
        history.body().getAsJsonArray("items").forEach(o -> listed.add(o.getAsJsonObject().get("orderId").getAsString()));
        assertEquals(List.of(placed.get(2), placed.get(1), placed.get(0)), listed);
        assertEquals(200, own.status());
        assertEquals(BOOKS.get(11).id(), own.body().getAsJsonArray("items").get(0).getAsJsonObject().get("bookId").getAsString());
        assertEquals(404, foreign.status());
        assertEquals(0, foreignList.body().getAsJsonArray("items").size());
        assertEquals(404, bookstore.call(ApiEvent.signedIn(customer, "GET", "/orders/ord-nope")).status());
    }

    @Test
    void sameKeyFromAnotherCustomerIsAnotherOrder() {
        String key = UUID.randomUUID().toString();
        String alice = customerWithCart(Map.of(BOOKS.get(20), 1));
        String bob = customerWithCart(Map.of(BOOKS.get(21), 1));

        ApiResult aliceOrder = checkout(alice, key);
        ApiResult bobOrder = checkout(bob, key);

        assertEquals(201, aliceOrder.status());
        assertEquals(201, bobOrder.status());
        assertNotEquals(aliceOrder.body().get("orderId"), bobOrder.body().get("orderId"));
    }

    @Test
    void twentyParallelCheckoutsWithTheSameKeyPlaceOneOrderAndClearTheCartOnce() throws Exception {
        String customer = customerWithCart(Map.of(BOOKS.get(30), 2, BOOKS.get(31), 1));
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiResult>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Callable<ApiResult> attempt = () -> {
                    start.await();
                    return checkout(customer, key);
                };
                futures.add(pool.submit(attempt));
            }
            start.countDown();
            List<ApiResult> results = new ArrayList<>();
            for (Future<ApiResult> future : futures) {
                results.add(future.get());
            }

            Map<Integer, Long> statuses = results.stream().collect(Collectors.groupingBy(ApiResult::status, Collectors.counting()));
            assertEquals(Map.of(201, 1L, 200, 19L), statuses, results.toString());
            assertEquals(1, results.stream().map(r -> r.body().get("orderId").getAsString()).distinct().count());
        } finally {
            pool.shutdownNow();
        }

        var stored = engines.dynamo().query(r -> r.tableName(bookstore.tables().orders())
                .keyConditionExpression("customerId = :c")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(customer)))).items();
        assertEquals(1, stored.size());
        // Exactly one write of the order reached the table: one INSERT, no MODIFY, in the real stream.
        long writes = new OrderStream(engines, bookstore.tables().orders()).records().stream()
                .filter(r -> r.dynamodb().keys().get("customerId").s().equals(customer)).count();
        assertEquals(1, writes);
        assertEquals(0, bookstore.call(ApiEvent.signedIn(customer, "GET", "/cart")).body().getAsJsonArray("items").size());
    }

    @Test
    void aBookThatLeftTheCatalogueBlocksCheckoutWith422() {
        Book leaving = BOOKS.get(40);
        String customer = customerWithCart(Map.of(leaving, 1));
        engines.dynamo().deleteItem(r -> r.tableName(bookstore.tables().books()).key(Map.of("id", AttributeValue.fromS(leaving.id()))));
        try {
            ApiResult result = checkout(customer, UUID.randomUUID().toString());

            assertEquals(422, result.status());
            assertEquals("unknown_book", result.error());
            assertEquals(1, bookstore.call(ApiEvent.signedIn(customer, "GET", "/cart")).body().getAsJsonArray("items").size());
        } finally {
            new com.bookstore.ops.CatalogueSeeder(engines.dynamo(), bookstore.tables().books()).seed(List.of(leaving));
        }
    }
}
