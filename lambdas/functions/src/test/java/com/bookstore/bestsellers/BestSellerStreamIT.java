package com.bookstore.bestsellers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.bookstore.api.catalogue.Book;
import com.bookstore.ops.CatalogueFile;
import com.bookstore.contract.BookstoreMetric;
import com.bookstore.platform.RedisClients;
import com.bookstore.platform.telemetry.Metrics;
import com.bookstore.platform.telemetry.RequestLog;
import com.bookstore.platform.telemetry.Telemetry;
import com.bookstore.testing.ApiEvent;
import com.bookstore.testing.ApiResult;
import com.bookstore.testing.Engines;
import com.bookstore.testing.LocalEngines;
import com.bookstore.testing.OrderStream;
import com.bookstore.testing.TestBookstore;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The consumer fed with real stream records: orders are placed through the API on moto, the Orders
 * stream is read with the DynamoDB Streams API, and its records go to the handler as a DynamodbEvent.
 */
@ExtendWith(LocalEngines.class)
class BestSellerStreamIT {

    private static final List<Book> BOOKS = CatalogueFile.books();
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private Engines engines;
    private TestBookstore bookstore;
    private JedisPooled redis;
    private BestSellerStreamHandler handler;
    private OrderStream stream;

    @BeforeEach
    void freshStore(Engines localEngines) {
        engines = localEngines;
        bookstore = TestBookstore.seeded(engines);
        redis = RedisClients.pooled(bookstore.redisUrl());
        handler = new BestSellerStreamHandler(redis);
        stream = new OrderStream(engines, bookstore.tables().orders());
    }

    private String placeOrder(Map<Book, Integer> lines) {
        String customer = UUID.randomUUID().toString();
        lines.forEach((book, quantity) -> bookstore.call(ApiEvent.signedIn(customer, "POST", "/cart")
                .body("{\"bookId\":\"" + book.id() + "\",\"quantity\":" + quantity + "}")));
        ApiResult placed = bookstore.call(ApiEvent.signedIn(customer, "POST", "/orders").header("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, placed.status(), placed.toString());
        return customer + "|" + placed.body().get("orderId").getAsString();
    }

    private Map<String, Long> board() {
        return new Leaderboard(redis).top(100).stream().collect(Collectors.toMap(Ranking::bookId, Ranking::sold));
    }

    private StreamsEventResponse deliver(List<Record> records) {
        return handler.handleRequest(stream.asEvent(records), null);
    }

    /** A handler on {@code clock} whose metric lines (EMF) and batch log lines the test reads. */
    private record MeasuredHandler(BestSellerStreamHandler handler, List<String> metrics, List<String> log) {
    }

    private MeasuredHandler measuredHandler(Clock clock) {
        List<String> metrics = new ArrayList<>();
        List<String> log = new ArrayList<>();
        var telemetry = new Telemetry(new Metrics(Engines.REGION, "primary", metrics::add, clock),
                new RequestLog(Engines.REGION, "primary", log::add, clock));
        return new MeasuredHandler(new BestSellerStreamHandler(redis, telemetry, clock), metrics, log);
    }

    @Test
    void aBatchDeliveredTwiceMovesTheBoardOnce() {
        placeOrder(Map.of(BOOKS.get(0), 2, BOOKS.get(1), 1));
        placeOrder(Map.of(BOOKS.get(0), 3));
        List<Record> records = stream.records();
        assertEquals(2, records.size());

        StreamsEventResponse first = deliver(records);
        Map<String, Long> afterFirst = board();
        StreamsEventResponse second = deliver(records);

        assertTrue(first.getBatchItemFailures().isEmpty());
        assertTrue(second.getBatchItemFailures().isEmpty());
        assertEquals(Map.of(BOOKS.get(0).id(), 5L, BOOKS.get(1).id(), 1L), afterFirst);
        assertEquals(afterFirst, board());
    }

    @Test
    void aRedeliveredBatchIsCountedAsDuplicatesSkippedAndItsAgeIsRecorded() {
        placeOrder(Map.of(BOOKS.get(0), 1));
        placeOrder(Map.of(BOOKS.get(1), 1));
        List<Record> records = stream.records();
        var measured = measuredHandler(Clock.systemUTC());
        List<String> lines = measured.metrics();
        List<String> log = measured.log();

        measured.handler().handleRequest(stream.asEvent(records), null);
        measured.handler().handleRequest(stream.asEvent(records), null);

        Map<String, Long> counts = lines.stream().map(line -> JsonParser.parseString(line).getAsJsonObject())
                .flatMap(line -> line.keySet().stream().filter(key -> !List.of("_aws", "Region", "Role").contains(key)))
                .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
        assertEquals(Map.of(BookstoreMetric.BEST_SELLER_UPDATES_APPLIED.metricName(), 2L,
                BookstoreMetric.BEST_SELLER_DUPLICATES_SKIPPED.metricName(), 2L,
                BookstoreMetric.STREAM_RECORD_AGE.metricName(), 2L), counts, lines.toString());
        assertTrue(lines.stream().map(line -> JsonParser.parseString(line).getAsJsonObject())
                .filter(line -> line.has("StreamRecordAge"))
                .allMatch(line -> line.get("StreamRecordAge").getAsDouble() >= 0));
        var batches = log.stream().map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
        assertEquals(List.of(2, 0), batches.stream().map(batch -> batch.get("applied").getAsInt()).toList());
        assertEquals(List.of(0, 2), batches.stream().map(batch -> batch.get("skipped").getAsInt()).toList());
        assertEquals(List.of(true, false), batches.stream().map(batch -> batch.get("coldStart").getAsBoolean()).toList());
    }

    @Test
    void theRecordedAgeIsTheNewestRecordsAgeOnTheHandlersClockAndTheBatchTakesMillisecondsToLog() {
        placeOrder(Map.of(BOOKS.get(4), 1));
        placeOrder(Map.of(BOOKS.get(5), 1));
        placeOrder(Map.of(BOOKS.get(6), 1));
        var event = stream.asEvent(stream.records());
        var records = event.getRecords();
        int last = records.size() - 1;
        // The newest of the batch (4 s old) is what the age says; an older one and one without a time do not count.
        records.get(last - 2).getDynamodb().setApproximateCreationDateTime(Date.from(NOW.minusSeconds(9)));
        records.get(last - 1).getDynamodb().setApproximateCreationDateTime(Date.from(NOW.minusSeconds(4)));
        records.get(last).getDynamodb().setApproximateCreationDateTime(null);
        var measured = measuredHandler(Clock.fixed(NOW, ZoneOffset.UTC));
        List<String> lines = measured.metrics();
        List<String> log = measured.log();

        measured.handler().handleRequest(event, null);

        assertEquals(List.of(4000.0), lines.stream().map(line -> JsonParser.parseString(line).getAsJsonObject())
                .filter(line -> line.has("StreamRecordAge")).map(line -> line.get("StreamRecordAge").getAsDouble()).toList());
        long duration = JsonParser.parseString(log.get(0)).getAsJsonObject().get("durationMs").getAsLong();
        assertTrue(duration >= 0 && duration < 60_000, "a batch on moto takes milliseconds, not " + duration);
    }

    @Test
    void aRecordStampedAfterTheHandlersClockIsAgeZeroNotNegative() {
        placeOrder(Map.of(BOOKS.get(7), 1));
        var event = stream.asEvent(stream.records());
        event.getRecords().forEach(record -> record.getDynamodb().setApproximateCreationDateTime(Date.from(NOW.plusSeconds(2))));
        var measured = measuredHandler(Clock.fixed(NOW, ZoneOffset.UTC));
        List<String> lines = measured.metrics();

        measured.handler().handleRequest(event, null);

        assertTrue(lines.stream().map(line -> JsonParser.parseString(line).getAsJsonObject())
                .filter(line -> line.has("StreamRecordAge"))
                .allMatch(line -> line.get("StreamRecordAge").getAsDouble() == 0.0), lines.toString());
    }

    @Test
    void theTopOfTheBoardIsExactlyAsManyBooksAsAskedMostSoldFirst() {
        placeOrder(Map.of(BOOKS.get(8), 3, BOOKS.get(9), 1));
        placeOrder(Map.of(BOOKS.get(10), 2));
        deliver(stream.records());

        List<Ranking> top = new Leaderboard(redis).top(2);

        assertEquals(List.of(BOOKS.get(8).id(), BOOKS.get(10).id()), top.stream().map(Ranking::bookId).toList());
        assertEquals(List.of(3L, 2L), top.stream().map(Ranking::sold).toList());
    }

    @Test
    void cancellingAnOrderModifyAndDeletingOneRemoveTakeTheirCopiesBackOnce() {
        String[] cancelled = placeOrder(Map.of(BOOKS.get(2), 4)).split("\\|");
        String[] removed = placeOrder(Map.of(BOOKS.get(3), 2, BOOKS.get(2), 1)).split("\\|");
        deliver(stream.records());
        assertEquals(Map.of(BOOKS.get(2).id(), 5L, BOOKS.get(3).id(), 2L), board());

        engines.dynamo().updateItem(r -> r.tableName(bookstore.tables().orders()).key(orderKey(cancelled))
                .updateExpression("SET #s = :cancelled").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":cancelled", AttributeValue.fromS("CANCELLED"))));
        engines.dynamo().deleteItem(r -> r.tableName(bookstore.tables().orders()).key(orderKey(removed)));
        List<Record> all = stream.records();
        assertEquals(List.of("INSERT", "INSERT", "MODIFY", "REMOVE"), all.stream().map(Record::eventNameAsString).toList());

        deliver(all);
        deliver(all.subList(2, 4));

        assertEquals(Map.of(), board(), "every copy was taken back exactly once");
    }

    @Test
    void anOlderRecordArrivingAfterANewerOneChangesNothing() {
        String[] order = placeOrder(Map.of(BOOKS.get(4), 2)).split("\\|");
        engines.dynamo().deleteItem(r -> r.tableName(bookstore.tables().orders()).key(orderKey(order)));
        List<Record> records = stream.records();

        deliver(records.subList(1, 2)); // REMOVE first
        deliver(records.subList(0, 1)); // then the INSERT it superseded

        assertEquals(Map.of(), board());
    }

    @Test
    void redisFailureReportsTheFirstUnappliedRecordAsTheBatchItemFailure() {
        placeOrder(Map.of(BOOKS.get(5), 1));
        placeOrder(Map.of(BOOKS.get(6), 1));
        List<Record> records = stream.records();
        var broken = new BestSellerStreamHandler(RedisClients.pooled(Engines.deadRedisUrl()));

        StreamsEventResponse response = broken.handleRequest(stream.asEvent(records), null);

        assertEquals(1, response.getBatchItemFailures().size());
        assertEquals(records.get(0).dynamodb().sequenceNumber(), response.getBatchItemFailures().get(0).getItemIdentifier());
        assertEquals(Map.of(), board());
    }

    @Test
    void aRecordThatIsNotAnOrderIsSkippedNotRetriedForever() {
        placeOrder(Map.of(BOOKS.get(8), 1));
        engines.dynamo().putItem(r -> r.tableName(bookstore.tables().orders()).item(Map.of(
                "customerId", AttributeValue.fromS("ops"), "orderId", AttributeValue.fromS("note"),
                "text", AttributeValue.fromS("not an order"))));
        placeOrder(Map.of(BOOKS.get(9), 2));

        StreamsEventResponse response = deliver(stream.records());

        assertTrue(response.getBatchItemFailures().isEmpty());
        assertEquals(Map.of(BOOKS.get(8).id(), 1L, BOOKS.get(9).id(), 2L), board());
    }

    @Test
    void rebuildFromTheOrdersTableGivesTheBoardTheStreamBuilt() {
        placeOrder(Map.of(BOOKS.get(10), 3, BOOKS.get(11), 1));
        placeOrder(Map.of(BOOKS.get(11), 2));
        deliver(stream.records());
        Map<String, Long> streamed = board();
        redis.del(Leaderboard.BOARD_KEY, Leaderboard.COUNTED_KEY);

        var result = new LeaderboardRebuild(engines.dynamo(), bookstore.tables().orders(), new Leaderboard(redis)).rebuild();

        assertEquals(2, result.orders());
        assertEquals(6, result.copies());
        assertEquals(streamed, board());
        // Records delivered after the rebuild are differences against it, not double counts.
        deliver(stream.records());
        assertEquals(streamed, board());
    }

    private static Map<String, AttributeValue> orderKey(String[] customerAndOrder) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("customerId", AttributeValue.fromS(customerAndOrder[0]));
        key.put("orderId", AttributeValue.fromS(customerAndOrder[1]));
        return key;
    }
}
