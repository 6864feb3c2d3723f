package com.bookstore.api.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.api.ApiHandler;
import com.bookstore.api.BookstoreApi;
import com.bookstore.api.catalogue.Book;
import com.bookstore.ops.CatalogueFile;
import com.bookstore.ops.CatalogueSeeder;
import com.bookstore.platform.CheckoutLimits;
import com.bookstore.platform.LazyRedisPool;
import com.bookstore.platform.TableNames;
import com.bookstore.testing.ApiEvent;
import com.bookstore.testing.ApiResult;
import com.bookstore.testing.Engines;
import com.bookstore.testing.LocalEngines;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bounded local load test (docs/security.md#app-abuse-limits): a fixed number of checkouts, from a few threads, on one customer's
 * account, against the real handler and moto on loopback; stopped after a fixed duration whatever happens.
 * The flood is throttled at the limit, and another customer's checkout meanwhile still succeeds.
 */
@ExtendWith(LocalEngines.class)
class CheckoutFloodIT {

    private static final List<Book> BOOKS = CatalogueFile.books();
    private static final int THREADS = 6;
    private static final int FLOOD_REQUESTS = 60;
    private static final Duration MAX_DURATION = Duration.ofSeconds(90);

    @Test
    void aFloodOnOneCustomerIsThrottledWhileAnotherCustomerStillChecksOut(Engines engines) throws Exception {
        TableNames tables = engines.freshTables();
        new CatalogueSeeder(engines.dynamo(), tables.books()).seed(BOOKS);
        var settings = engines.settings(tables, Engines.deadRedisUrl());
        ApiHandler handler = new ApiHandler(new BookstoreApi(settings, engines.dynamo(),
                new LazyRedisPool(Engines.deadRedisUrl()), Clock.systemUTC()));
        String flooder = UUID.randomUUID().toString();
        String shopper = UUID.randomUUID().toString();

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long deadline = System.nanoTime() + MAX_DURATION.toNanos();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            pool.submit(() -> {
                for (int i = thread; sent.getAndIncrement() < FLOOD_REQUESTS && System.nanoTime() < deadline; i += THREADS) {
                    // each checkout needs a cart: the flood adds a copy and checks out with a new key every time
                    call(handler, ApiEvent.signedIn(flooder, "POST", "/cart")
                            .body("{\"bookId\":\"" + BOOKS.get(i % BOOKS.size()).id() + "\",\"quantity\":1}"));
                    ApiResult checkout = call(handler, ApiEvent.signedIn(flooder, "POST", "/orders")
                            .header("Idempotency-Key", UUID.randomUUID().toString()));
                    statuses.computeIfAbsent(checkout.status(), s -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            });
        }
        // the other customer, while the flood runs
        call(handler, ApiEvent.signedIn(shopper, "POST", "/cart").body("{\"bookId\":\"" + BOOKS.get(0).id() + "\",\"quantity\":2}"));
        ApiResult shopperOrder = call(handler, ApiEvent.signedIn(shopper, "POST", "/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString()));
        pool.shutdown();
        assertTrue(pool.awaitTermination(MAX_DURATION.toSeconds() + 30, TimeUnit.SECONDS), "the flood ended in time");

        int placed = count(statuses, 201);
        int throttled = count(statuses, 429);
        assertEquals(201, shopperOrder.status(), shopperOrder.toString());
        assertEquals(CheckoutLimits.DEFAULT.limit(), placed, "exactly the limit got through: " + statuses);
        assertTrue(throttled >= FLOOD_REQUESTS / 2, "most of the flood was throttled: " + statuses);
        statuses.keySet().forEach(status -> assertTrue(status == 201 || status == 429 || status == 409,
                "only orders, throttling or cart races (409), never a 5xx: " + statuses));
        assertEquals(CheckoutLimits.DEFAULT.limit(), call(handler, ApiEvent.signedIn(flooder, "GET", "/orders"))
                .body().getAsJsonArray("items").size());
    }

    private static int count(Map<Integer, AtomicInteger> statuses, int status) {
        return statuses.getOrDefault(status, new AtomicInteger()).get();
    }

    private static ApiResult call(ApiHandler handler, ApiEvent event) {
        return ApiResult.of(handler.handleRequest(event.build(), null));
    }
}
