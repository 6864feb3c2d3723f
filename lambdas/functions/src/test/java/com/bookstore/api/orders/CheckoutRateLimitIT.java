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
import com.bookstore.testing.OpenApiDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The per-customer checkout rate limit (docs/security.md#app-abuse-limits) with the shipped default of 5 orders per 600 s. */
@ExtendWith(LocalEngines.class)
class CheckoutRateLimitIT {

    private static final List<Book> BOOKS = CatalogueFile.books();
    private Engines engines;
    private TableNames tables;

    @BeforeEach
    void seed(Engines localEngines) {
        engines = localEngines;
        tables = engines.freshTables();
        new CatalogueSeeder(engines.dynamo(), tables.books()).seed(BOOKS);
    }

    private ApiHandler handler(Clock clock) {
        var settings = engines.settings(tables, Engines.deadRedisUrl());
        assertEquals(CheckoutLimits.DEFAULT, settings.checkoutLimits());
        return new ApiHandler(new BookstoreApi(settings, engines.dynamo(), new LazyRedisPool(Engines.deadRedisUrl()), clock));
    }

    private static ApiResult addAndCheckout(ApiHandler handler, String customer, String key, int book) {
        ApiResult added = call(handler, ApiEvent.signedIn(customer, "POST", "/cart")
                .body("{\"bookId\":\"" + BOOKS.get(book).id() + "\",\"quantity\":1}"));
        assertEquals(200, added.status(), added.toString());
        return call(handler, ApiEvent.signedIn(customer, "POST", "/orders").header("Idempotency-Key", key));
    }

    private static ApiResult call(ApiHandler handler, ApiEvent event) {
        return ApiResult.of(handler.handleRequest(event.build(), null));
    }

    @Test
    void aSixthCheckoutWithinTheWindowIs429WithRetryAfterAndLeavesTheCartAsItWas() {
        ApiHandler now = handler(Clock.systemUTC());
        String customer = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            ApiResult placed = addAndCheckout(now, customer, UUID.randomUUID().toString(), i);
            assertEquals(201, placed.status(), "order " + (i + 1) + ": " + placed);
        }

        ApiResult sixth = addAndCheckout(now, customer, UUID.randomUUID().toString(), 5);
        ApiResult otherCustomer = addAndCheckout(now, UUID.randomUUID().toString(), UUID.randomUUID().toString(), 6);

        assertEquals(429, sixth.status(), sixth.toString());
        assertEquals("checkout_rate_limited", sixth.error());
        int retryAfter = Integer.parseInt(sixth.headers().get("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 600, "Retry-After within the window: " + retryAfter);
        assertTrue(OpenApiDocument.load().declares("post", "/orders", 429));
        assertEquals(1, call(now, ApiEvent.signedIn(customer, "GET", "/cart")).body().getAsJsonArray("items").size(),
                "the refused order left the cart as it was");
        assertEquals(201, otherCustomer.status(), "the limit is per customer: " + otherCustomer);
        assertEquals(5, call(now, ApiEvent.signedIn(customer, "GET", "/orders")).body().getAsJsonArray("items").size());
    }

    @Test
    void aRetriedCheckoutDoesNotCountTwiceAndTheNextWindowTakesOrdersAgain() {
        ApiHandler now = handler(Clock.systemUTC());
        String customer = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        assertEquals(201, addAndCheckout(now, customer, key, 0).status());
        for (int i = 0; i < 5; i++) {
            ApiResult again = call(now, ApiEvent.signedIn(customer, "POST", "/orders").header("Idempotency-Key", key));
            assertEquals(200, again.status(), again.toString());
        }
        for (int i = 1; i < 5; i++) {
            assertEquals(201, addAndCheckout(now, customer, UUID.randomUUID().toString(), i).status(), "order " + (i + 1));
        }
        assertEquals(429, addAndCheckout(now, customer, UUID.randomUUID().toString(), 5).status());

        ApiHandler later = handler(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(CheckoutLimits.DEFAULT.windowSeconds())));
        ApiResult nextWindow = call(later, ApiEvent.signedIn(customer, "POST", "/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString()));

        assertEquals(201, nextWindow.status(), nextWindow.toString());
    }

    @Test
    void theWindowEndsExactlyItsLengthAfterItsFirstOrderAndRetryAfterCountsDownToThatSecond() {
        Instant start = Instant.parse("2026-12-06T10:00:00Z");
        String customer = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            assertEquals(201, addAndCheckout(handler(at(start)), customer, UUID.randomUUID().toString(), i).status());
        }
        int window = CheckoutLimits.DEFAULT.windowSeconds();

        ApiResult early = addAndCheckout(handler(at(start.plusSeconds(100))), customer, UUID.randomUUID().toString(), 5);
        ApiResult lastSecond = call(handler(at(start.plusSeconds(window - 1))), ApiEvent.signedIn(customer, "POST", "/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString()));
        ApiResult nextWindow = call(handler(at(start.plusSeconds(window))), ApiEvent.signedIn(customer, "POST", "/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString()));

        assertEquals(429, early.status(), early.toString());
        assertEquals(Integer.toString(window - 100), early.headers().get("Retry-After"));
        assertEquals(429, lastSecond.status(), lastSecond.toString());
        assertEquals("1", lastSecond.headers().get("Retry-After"));
        assertEquals(201, nextWindow.status(), "the window ends at its first order plus " + window + " s: " + nextWindow);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
