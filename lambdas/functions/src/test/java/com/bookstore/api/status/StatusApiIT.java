package com.bookstore.api.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.api.ApiHandler;
import com.bookstore.api.BookstoreApi;
import com.bookstore.api.catalogue.Book;
import com.bookstore.bestsellers.Leaderboard;
import com.bookstore.bestsellers.OrderSale;
import com.bookstore.ops.CatalogueFile;
import com.bookstore.platform.AwsClients;
import com.bookstore.platform.AwsSettings;
import com.bookstore.platform.FunctionSettings;
import com.bookstore.platform.LazyRedisPool;
import com.bookstore.platform.RedisClients;
import com.bookstore.platform.SsmParameterReader;
import com.bookstore.platform.telemetry.LineSink;
import com.bookstore.platform.telemetry.Metrics;
import com.bookstore.testing.ApiEvent;
import com.bookstore.testing.ApiResult;
import com.bookstore.testing.Engines;
import com.bookstore.testing.LocalEngines;
import com.bookstore.testing.TestBookstore;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.util.SafeEncoder;

@ExtendWith(LocalEngines.class)
class StatusApiIT {

    private static final List<Book> BOOKS = CatalogueFile.books();
    private static TestBookstore bookstore;
    private static Engines engines;

    @BeforeAll
    static void seed(Engines localEngines) {
        engines = localEngines;
        bookstore = TestBookstore.seeded(engines);
    }

    @Test
    void healthIsOkWhenDynamoDbAndRedisAnswer() {
        ApiResult health = bookstore.call(ApiEvent.anonymous("GET", "/health"));

        assertEquals(200, health.status(), health.toString());
        assertEquals("ok", health.body().get("status").getAsString());
        assertEquals("ok", health.body().getAsJsonObject("checks").get("dynamodb").getAsString());
        assertEquals("ok", health.body().getAsJsonObject("checks").get("redis").getAsString());
    }

    @Test
    void healthIs503WhenRedisIsDown() {
        ApiResult health = bookstore.withRedis(Engines.deadRedisUrl()).call(ApiEvent.anonymous("GET", "/health"));

        assertEquals(503, health.status());
        assertEquals("unhealthy", health.body().get("status").getAsString());
        assertEquals("ok", health.body().getAsJsonObject("checks").get("dynamodb").getAsString());
        // only ok/failed: /health is public and never names the exception (docs/security.md#app-abuse-limits)
        assertEquals("failed", health.body().getAsJsonObject("checks").get("redis").getAsString());
    }

    @Test
    void healthIs503WhenDynamoDbIsUnreachable() {
        var deadAws = AwsSettings.local(Engines.REGION, URI.create("http://127.0.0.1:1"));
        var settings = new FunctionSettings(bookstore.tables(), deadAws, bookstore.redisUrl(), "secondary");
        var api = new BookstoreApi(settings, AwsClients.dynamoDb(deadAws), new LazyRedisPool(bookstore.redisUrl()),
                Clock.systemUTC());

        ApiResult health = ApiResult.of(api.handle(ApiEvent.anonymous("GET", "/health").build()));

        assertEquals(503, health.status());
        assertEquals("failed", health.body().getAsJsonObject("checks").get("dynamodb").getAsString());
        assertEquals("ok", health.body().getAsJsonObject("checks").get("redis").getAsString());
    }

    @Test
    void faultSwitchOnMakesHealth503WithFaultInjectedAndOffRestoresIt() {
        try (var ssm = engines.ssm()) {
            ssm.putParameter(r -> r.name(bookstore.faultParameter()).value("on").type("String").overwrite(true));
            ApiResult drilled = bookstore.withRedis(bookstore.redisUrl()).call(ApiEvent.anonymous("GET", "/health"));
            ApiResult otherRoutes = bookstore.withRedis(bookstore.redisUrl()).call(ApiEvent.anonymous("GET", "/region"));

            ssm.putParameter(r -> r.name(bookstore.faultParameter()).value("off").type("String").overwrite(true));
            ApiResult restored = bookstore.withRedis(bookstore.redisUrl()).call(ApiEvent.anonymous("GET", "/health"));

            assertEquals(503, drilled.status());
            assertEquals("fault_injected", drilled.error());
            assertEquals(Engines.REGION, drilled.headers().get("X-Bookstore-Region"));
            assertEquals(200, otherRoutes.status(), "the switch only fails the health check");
            assertEquals(200, restored.status());
        }
    }

    @Test
    void faultSwitchIsReadAtMostEveryFiveSecondsAndEachReadIsAMetric() throws IOException {
        String parameter = bookstore.faultParameter() + "-cached";
        var clock = new MutableClock();
        var metricsFile = Files.createTempFile("fault-switch-metrics-", ".jsonl");
        var metrics = new Metrics(Engines.REGION, "primary",
                LineSink.appendingTo(metricsFile), clock);
        var faultSwitch = new FaultSwitchReader(() -> new SsmParameterReader(engines.aws()), parameter, clock, metrics);
        try (var ssm = engines.ssm()) {
            boolean missing = faultSwitch.isOn();
            ssm.putParameter(r -> r.name(parameter).value("on").type("String").overwrite(true));
            boolean withinCache = faultSwitch.isOn();
            clock.advance(java.time.Duration.ofSeconds(FaultSwitchReader.CACHE_SECONDS));
            boolean afterCache = faultSwitch.isOn();

            assertFalse(missing, "a missing parameter is off");
            assertFalse(withinCache, "read again only after the cache time");
            assertTrue(afterCache);
            assertEquals(List.of("0.0", "1.0"), Files.readAllLines(metricsFile).stream()
                    .map(line -> JsonParser.parseString(line).getAsJsonObject().get("FaultSwitchOn").getAsString())
                    .toList(), "one FaultSwitchOn value per read of the parameter, none from the cache");
        }
    }

    @Test
    void theVerdictIsKeptForTwoSecondsSoAFloodOfHealthChecksDoesNotReachTheTable() {
        // A table of its own, deleted after the first check: only a new check can notice.
        var tables = engines.freshTables();
        var clock = new MutableClock();
        try (var redis = RedisClients.pooled(bookstore.redisUrl())) {
            var health = new DeepHealthCheck(new com.bookstore.api.catalogue.BookTable(engines.dynamo(), tables.books()),
                    new Leaderboard(redis), new RegionInfo(Engines.REGION, "primary"), clock);

            var first = health.check();
            engines.dynamo().deleteTable(r -> r.tableName(tables.books()));
            var withinTwoSeconds = health.check();
            clock.advance(DeepHealthCheck.MAX_AGE);
            var afterwards = health.check();

            assertTrue(first.healthy(), first.toString());
            assertTrue(withinTwoSeconds == first, "the kept verdict, no new DynamoDB read");
            assertEquals("failed", afterwards.checks().get("dynamodb"), afterwards.toString());
            assertFalse(afterwards.healthy());
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends java.time.Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-11-27T20:00:00Z");

        void advance(java.time.Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void regionNamesRegionAndRole() {
        ApiResult region = bookstore.call(ApiEvent.anonymous("GET", "/region"));

        assertEquals(200, region.status());
        assertEquals(Engines.REGION, region.body().get("region").getAsString());
        assertEquals("primary", region.body().get("role").getAsString());
        assertEquals(Engines.REGION, region.headers().get("X-Bookstore-Region"));
    }

    @Test
    void bestSellersComeFromTheBoardMostSoldFirst() {
        try (var redis = RedisClients.pooled(bookstore.redisUrl())) {
            var board = new Leaderboard(redis);
            board.record(new OrderSale("o1", "1", Map.of(BOOKS.get(0).id(), 1, BOOKS.get(1).id(), 5)));
            board.record(new OrderSale("o2", "2", Map.of(BOOKS.get(0).id(), 2)));
        }

        ApiResult best = bookstore.call(ApiEvent.anonymous("GET", "/bestsellers"));

        assertEquals(200, best.status());
        assertFalse(best.body().get("stale").getAsBoolean());
        var items = best.body().getAsJsonArray("items");
        assertEquals(2, items.size());
        assertEquals(BOOKS.get(1).id(), items.get(0).getAsJsonObject().getAsJsonObject("book").get("id").getAsString());
        assertEquals(5, items.get(0).getAsJsonObject().get("sold").getAsLong());
        assertEquals(3, items.get(1).getAsJsonObject().get("sold").getAsLong());
    }

    @Test
    void bestSellersFallBackToTopRatedWhenRedisIsDownWithoutAnyBoardSeen() {
        ApiResult best = bookstore.withRedis(Engines.deadRedisUrl()).call(ApiEvent.anonymous("GET", "/bestsellers"));

        assertEquals(200, best.status());
        assertTrue(best.body().get("stale").getAsBoolean());
        var items = best.body().getAsJsonArray("items");
        assertEquals(20, items.size());
        int bestRating = BOOKS.stream().max(Comparator.comparingInt(Book::rating)).orElseThrow().rating();
        assertEquals(bestRating, items.get(0).getAsJsonObject().getAsJsonObject("book").get("rating").getAsInt());
        assertTrue(items.get(0).getAsJsonObject().get("sold").isJsonNull());
    }

    @Test
    void bestSellersServeTheLastBoardMarkedStaleWhenRedisGoesAway() {
        try (var privateRedis = engines.startPrivateRedis(); var redis = RedisClients.pooled(privateRedis.url())) {
            new Leaderboard(redis).record(new OrderSale("o1", "1", Map.of(BOOKS.get(7).id(), 4)));
            TestBookstore store = bookstore.withRedis(privateRedis.url());
            ApiResult fresh = store.call(ApiEvent.anonymous("GET", "/bestsellers"));

            privateRedis.pause();
            ApiResult stale = store.call(ApiEvent.anonymous("GET", "/bestsellers"));

            assertFalse(fresh.body().get("stale").getAsBoolean());
            assertEquals(200, stale.status());
            assertTrue(stale.body().get("stale").getAsBoolean());
            assertEquals(fresh.body().get("items"), stale.body().get("items"));
        }
    }

    @Test
    void bestSellersAndHealthStayFreshAcrossARedisRestart() {
        try (var privateRedis = engines.startPrivateRedis()) {
            TestBookstore store = bookstore.withRedis(privateRedis.url());
            ApiResult before = store.call(ApiEvent.anonymous("GET", "/bestsellers"));

            privateRedis.resume(); // stops it and starts it again, empty: the container's pooled connection is now a closed socket
            try (var redis = RedisClients.pooled(privateRedis.url())) {
                new Leaderboard(redis).record(new OrderSale("o1", "1", Map.of(BOOKS.get(3).id(), 2)));
            }
            ApiResult after = store.call(ApiEvent.anonymous("GET", "/bestsellers"));
            ApiResult health = store.call(ApiEvent.anonymous("GET", "/health"));

            assertFalse(before.body().get("stale").getAsBoolean());
            assertEquals(200, after.status());
            assertFalse(after.body().get("stale").getAsBoolean(), "first board read after the restart: " + after);
            var items = after.body().getAsJsonArray("items");
            assertEquals(1, items.size());
            assertEquals(BOOKS.get(3).id(), items.get(0).getAsJsonObject().getAsJsonObject("book").get("id").getAsString());
            assertEquals(200, health.status(), health.toString());
        }
    }

    @Test
    void snapStartPrimingReadsRedisAndLeavesNoConnectionInTheSnapshot() {
        try (var privateRedis = engines.startPrivateRedis(); var probe = RedisClients.pooled(privateRedis.url());
                var pool = new LazyRedisPool(privateRedis.url())) {
            var handler = new ApiHandler(new BookstoreApi(engines.settings(bookstore.tables(), privateRedis.url()),
                    engines.dynamo(), pool, Clock.systemUTC()));

            handler.beforeCheckpoint(null);
            long clientsAfterPriming = clientsOnceSettledAt(probe, 1);
            long connectionsMade = stat(probe, "total_connections_received");
            ApiResult afterRestore = ApiResult.of(handler.handleRequest(ApiEvent.anonymous("GET", "/bestsellers").build(), null));

            assertTrue(connectionsMade >= 2, "priming read the board and pinged Redis (this test's connection + the handler's)");
            assertEquals(1, clientsAfterPriming, "only this test's own connection may be open after priming");
            assertFalse(afterRestore.body().get("stale").getAsBoolean(), afterRestore.toString());
            assertEquals(2, clients(probe), "the handler reconnects on its first request");
        }
    }

    private static long stat(JedisPooled redis, String name) {
        String info = SafeEncoder.encode((byte[]) redis.sendCommand(Protocol.Command.INFO, "stats"));
        return info.lines().filter(line -> line.startsWith(name + ":"))
                .mapToLong(line -> Long.parseLong(line.substring(name.length() + 1).trim())).findFirst().orElseThrow();
    }

    /**
     * The server's open connections once they reach {@code expected}, or what they are after 10 s: a connection the
     * client closed leaves CLIENT LIST only when the server has read the close, which is asynchronous.
     */
    private static long clientsOnceSettledAt(JedisPooled redis, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long open = clients(redis);
        while (open != expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            open = clients(redis);
        }
        return open;
    }

    /** Connections the server has open (CLIENT LIST: one line each), this test's own included. */
    private static long clients(JedisPooled redis) {
        String list = SafeEncoder.encode((byte[]) redis.sendCommand(Protocol.Command.CLIENT, "LIST"));
        return list.lines().filter(line -> !line.isBlank()).count();
    }
}
