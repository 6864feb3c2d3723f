package com.bookstore.platform.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.ops.CatalogueFile;
import com.bookstore.testing.ApiEvent;
import com.bookstore.testing.Engines;
import com.bookstore.testing.LocalEngines;
import com.bookstore.testing.TestBookstore;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One JSON log line per API request, from the real handler on moto and redis-server. */
@ExtendWith(LocalEngines.class)
class RequestLogIT {

    private static final Set<String> FIELDS = Set.of("time", "level", "source", "requestId", "region", "role",
            "durationMs", "coldStart", "route", "status");

    @Test
    void everyRequestWritesOneLineWithItsRouteStatusAndAHashedCustomer(Engines engines) {
        TestBookstore bookstore = TestBookstore.seeded(engines);
        String customer = UUID.randomUUID().toString();
        String bookId = CatalogueFile.books().get(0).id();

        bookstore.call(ApiEvent.anonymous("GET", "/books/" + bookId));
        bookstore.call(ApiEvent.signedIn(customer, "POST", "/cart").body("{\"bookId\":\"" + bookId + "\",\"quantity\":1}"));
        bookstore.call(ApiEvent.signedIn(customer, "POST", "/orders").header("Idempotency-Key", "no"));

        List<JsonObject> lines = bookstore.requestLogLines();
        assertEquals(3, lines.size(), lines.toString());
        for (JsonObject line : lines) {
            assertTrue(line.keySet().containsAll(FIELDS), "fields of " + line);
            assertEquals("api", line.get("source").getAsString());
            assertEquals(Engines.REGION, line.get("region").getAsString());
            assertEquals("primary", line.get("role").getAsString());
            Instant.parse(line.get("time").getAsString());
            long duration = line.get("durationMs").getAsLong();
            assertTrue(duration >= 0 && duration < 60_000, "a request on moto takes milliseconds, not " + duration);
        }
        assertEquals(List.of(true, false, false), lines.stream().map(l -> l.get("coldStart").getAsBoolean()).toList());
        assertEquals(List.of(200, 200, 400), lines.stream().map(l -> l.get("status").getAsInt()).toList());
        assertEquals("POST /cart", lines.get(1).get("route").getAsString());
        assertFalse(lines.get(0).has("customer"), "an anonymous request names no customer");
        assertEquals(RequestLog.customerHash(customer), lines.get(1).get("customer").getAsString());
        assertEquals(16, lines.get(1).get("customer").getAsString().length());
    }

    @Test
    void noLogOrMetricLineContainsTheRawCustomerId(Engines engines) {
        TestBookstore bookstore = TestBookstore.seeded(engines);
        String customer = UUID.randomUUID().toString();
        String bookId = CatalogueFile.books().get(1).id();

        bookstore.call(ApiEvent.signedIn(customer, "POST", "/cart").body("{\"bookId\":\"" + bookId + "\",\"quantity\":2}"));
        bookstore.call(ApiEvent.signedIn(customer, "POST", "/orders").header("Idempotency-Key", UUID.randomUUID().toString()));
        bookstore.call(ApiEvent.signedIn(customer, "GET", "/orders"));

        String everything = bookstore.requestLogLines().toString() + bookstore.metricLines();
        assertFalse(bookstore.requestLogLines().isEmpty());
        assertFalse(everything.contains(customer), everything);
    }

    @Test
    void aServerErrorIsLoggedAtErrorLevel(Engines engines) {
        TestBookstore bookstore = TestBookstore.seeded(engines);
        // Redis down: the deep health check fails and answers 503.
        TestBookstore broken = bookstore.withRedis(Engines.deadRedisUrl());
        broken.call(ApiEvent.anonymous("GET", "/health"));

        JsonObject line = broken.requestLogLines().get(0);
        assertEquals(503, line.get("status").getAsInt(), line.toString());
        assertEquals("ERROR", line.get("level").getAsString());
    }
}
