package com.bookstore.platform.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bookstore.api.catalogue.Book;
import com.bookstore.contract.BookstoreMetric;
import com.bookstore.ops.CatalogueFile;
import com.bookstore.testing.ApiEvent;
import com.bookstore.testing.ApiResult;
import com.bookstore.testing.Engines;
import com.bookstore.testing.LocalEngines;
import com.bookstore.testing.TestBookstore;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The API's business metrics, written by the real handler on moto and redis-server. */
@ExtendWith(LocalEngines.class)
class MetricsIT {

    private static final List<Book> BOOKS = CatalogueFile.books();
    private TestBookstore bookstore;

    @BeforeEach
    void freshStore(Engines engines) {
        bookstore = TestBookstore.seeded(engines);
    }

    private void addToCart(String customer, Book book, int quantity) {
        ApiResult added = bookstore.call(ApiEvent.signedIn(customer, "POST", "/cart")
                .body("{\"bookId\":\"" + book.id() + "\",\"quantity\":" + quantity + "}"));
        assertEquals(200, added.status(), added.toString());
    }

    private ApiResult checkout(String customer, String key) {
        return bookstore.call(ApiEvent.signedIn(customer, "POST", "/orders").header("Idempotency-Key", key));
    }

    private List<Double> values(BookstoreMetric metric) {
        return bookstore.metricLines().stream().filter(line -> line.has(metric.metricName()))
                .map(line -> line.get(metric.metricName()).getAsDouble()).toList();
    }

    @Test
    void placingAnOrderWritesOrdersPlacedAndItsValueWithRegionAndRole() {
        String customer = UUID.randomUUID().toString();
        addToCart(customer, BOOKS.get(0), 2);
        addToCart(customer, BOOKS.get(1), 1);
        String key = UUID.randomUUID().toString();

        ApiResult placed = checkout(customer, key);
        ApiResult replayed = checkout(customer, key);

        assertEquals(201, placed.status(), placed.toString());
        assertEquals(200, replayed.status(), replayed.toString());
        assertEquals(List.of(1.0), values(BookstoreMetric.ORDERS_PLACED), "a replay is not a second order");
        assertEquals(List.of(placed.body().get("total").getAsDouble()), values(BookstoreMetric.ORDER_VALUE));
        assertEquals(List.of(1.0), values(BookstoreMetric.IDEMPOTENT_REPLAYS));
        assertEquals(List.of(1.0, 1.0), values(BookstoreMetric.CART_OPERATIONS));
        bookstore.call(ApiEvent.signedIn(customer, "PUT", "/cart/" + BOOKS.get(2).id()).body("{\"quantity\":1}"));
        bookstore.call(ApiEvent.signedIn(customer, "DELETE", "/cart/" + BOOKS.get(2).id()));
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0), values(BookstoreMetric.CART_OPERATIONS), "a PUT and a DELETE count too");
        JsonObject line = bookstore.metricLines().stream().filter(l -> l.has("OrdersPlaced")).findFirst().orElseThrow();
        assertEquals(Engines.REGION, line.get("Region").getAsString());
        assertEquals("primary", line.get("Role").getAsString());
    }

    @Test
    void aKeyReusedForAnotherCartIsACheckoutConflict() {
        String customer = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        addToCart(customer, BOOKS.get(2), 1);
        assertEquals(201, checkout(customer, key).status());
        addToCart(customer, BOOKS.get(3), 1);

        ApiResult reused = checkout(customer, key);

        assertEquals(409, reused.status(), reused.toString());
        assertEquals(List.of(1.0), values(BookstoreMetric.CHECKOUT_CONFLICTS));
    }

    @Test
    void anEmptyCartIsRefusedWithoutCountingAConflict() {
        ApiResult empty = checkout(UUID.randomUUID().toString(), UUID.randomUUID().toString());

        assertEquals(409, empty.status(), empty.toString());
        assertEquals(List.of(), values(BookstoreMetric.CHECKOUT_CONFLICTS));
    }

    @Test
    void aCheckoutOverTheLimitWritesTheRateLimitedMetric() {
        String customer = UUID.randomUUID().toString();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            addToCart(customer, BOOKS.get(4 + i), 1);
            statuses.add(checkout(customer, UUID.randomUUID().toString()).status());
        }

        assertEquals(List.of(201, 201, 201, 201, 201, 429), statuses);
        assertEquals(List.of(1.0), values(BookstoreMetric.CHECKOUTS_RATE_LIMITED));
        assertEquals(5, values(BookstoreMetric.ORDERS_PLACED).size());
    }

    @Test
    void bestSellersServedWhileRedisIsDownWriteTheFallbackMetric() {
        TestBookstore redisDown = bookstore.withRedis(Engines.deadRedisUrl());

        ApiResult answer = redisDown.call(ApiEvent.anonymous("GET", "/bestsellers"));

        assertEquals(200, answer.status(), answer.toString());
        assertEquals(1, redisDown.metricLines().stream().filter(line -> line.has("RedisFallbacks")).count());
        assertEquals(List.of(), values(BookstoreMetric.REDIS_FALLBACKS), "the healthy bookstore wrote none");
    }
}
