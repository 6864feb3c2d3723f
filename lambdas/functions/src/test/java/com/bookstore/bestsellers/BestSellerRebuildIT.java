package com.bookstore.bestsellers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.api.catalogue.Book;
import com.bookstore.ops.CatalogueFile;
import com.bookstore.platform.RedisClients;
import com.bookstore.testing.ApiEvent;
import com.bookstore.testing.ApiResult;
import com.bookstore.testing.Engines;
import com.bookstore.testing.LocalEngines;
import com.bookstore.testing.OrderStream;
import com.bookstore.testing.TestBookstore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A rebuilt board followed by stream records: records older than the rebuild's scan change nothing, newer
 * ones are applied as differences. Real moto stream records, real redis-server; one Redis database for the
 * class, emptied before each test.
 */
@ExtendWith(LocalEngines.class)
class BestSellerRebuildIT {

    private static final List<Book> BOOKS = CatalogueFile.books();
    private static Engines engines;
    private static TestBookstore bookstore;
    private static JedisPooled redis;
    private static OrderStream stream;

    @BeforeAll
    static void store(Engines localEngines) {
        engines = localEngines;
        bookstore = TestBookstore.seeded(engines);
        redis = RedisClients.pooled(bookstore.redisUrl());
        stream = new OrderStream(engines, bookstore.tables().orders());
    }

    @BeforeEach
    void emptyBoard() {
        redis.flushDB();
    }

    @Test
    void aReplayedInsertOfAnOrderCancelledBeforeTheRebuildDoesNotCountIt() {
        String[] cancelled = placeOrder(Map.of(BOOKS.get(20), 3));
        placeOrder(Map.of(BOOKS.get(21), 1));
        engines.dynamo().updateItem(r -> r.tableName(bookstore.tables().orders()).key(orderKey(cancelled))
                .updateExpression("SET #s = :cancelled").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":cancelled", AttributeValue.fromS("CANCELLED"))));
        // The rebuild runs a minute after the cancel (its clock says so), well past the clock margin.
        rebuildAt(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)));
        assertEquals(1L, board().get(BOOKS.get(21).id()));
        assertEquals(null, board().get(BOOKS.get(20).id()));

        List<Record> insert = recordsOf(cancelled[1]).stream().filter(r -> r.eventNameAsString().equals("INSERT")).toList();
        assertEquals(1, insert.size());
        deliver(insert);

        assertEquals(null, board().get(BOOKS.get(20).id()), "the INSERT predates the rebuild's scan");
    }

    @Test
    void recordsOfOrdersChangedJustBeforeTheScanAreAppliedAndConverge() {
        String[] cancelled = placeOrder(Map.of(BOOKS.get(22), 2));
        engines.dynamo().updateItem(r -> r.tableName(bookstore.tables().orders()).key(orderKey(cancelled))
                .updateExpression("SET #s = :cancelled").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":cancelled", AttributeValue.fromS("CANCELLED"))));
        rebuildAt(Clock.systemUTC());
        List<Record> records = recordsOf(cancelled[1]);
        assertEquals(List.of("INSERT", "MODIFY"), records.stream().map(Record::eventNameAsString).toList());

        deliver(records.subList(0, 1));
        assertEquals(2L, board().get(BOOKS.get(22).id()), "within the clock margin the INSERT is applied");
        deliver(records.subList(1, 2));

        assertEquals(null, board().get(BOOKS.get(22).id()), "the cancel that follows it in the stream takes the copies back");
    }

    @Test
    void afterARebuildOnlyRecordsCreatedFromTheScanOnChangeTheBoard() {
        var board = new Leaderboard(redis);
        board.replaceAll(List.of(OrderSale.rebuilt("o1", 1_000, Map.of("b1", 2))));

        assertFalse(board.record(new OrderSale("o1", "900", 999, Map.of())), "created before the scan");
        assertEquals(Map.of("b1", 2L), board());
        assertTrue(board.record(new OrderSale("o1", "901", 1_000, Map.of("b1", 3))), "created as the scan began");
        assertEquals(Map.of("b1", 3L), board());
        assertFalse(board.record(new OrderSale("o1", "900", 1_000, Map.of())), "then sequence numbers order it again");
        assertTrue(board.record(new OrderSale("o1", "902", OrderSale.UNKNOWN_TIME, Map.of())));
        assertEquals(Map.of(), board());
    }

    @Test
    void aRecordOfUnknownTimeIsAppliedOverARebuiltOrder() {
        var board = new Leaderboard(redis);
        board.replaceAll(List.of(OrderSale.rebuilt("o1", 1_000, Map.of("b1", 2))));

        assertTrue(board.record(new OrderSale("o1", "5", Map.of("b1", 1))));

        assertEquals(Map.of("b1", 1L), board());
    }

    @Test
    void onlyRebuiltSalesReplaceTheBoard() {
        var board = new Leaderboard(redis);

        assertThrows(IllegalArgumentException.class, () -> board.replaceAll(List.of(new OrderSale("o1", "5", Map.of("b1", 1)))));
        assertThrows(IllegalArgumentException.class, () -> board.replaceAll(List.of(new OrderSale("o1", "0", Map.of("b1", 1)))));
    }

    private void rebuildAt(Clock clock) {
        new LeaderboardRebuild(engines.dynamo(), bookstore.tables().orders(), new Leaderboard(redis), clock).rebuild();
    }

    private List<Record> recordsOf(String orderId) {
        return stream.records().stream().filter(r -> r.dynamodb().keys().get("orderId").s().equals(orderId)).toList();
    }

    private void deliver(List<Record> records) {
        var response = new BestSellerStreamHandler(redis).handleRequest(stream.asEvent(records), null);
        assertEquals(List.of(), response.getBatchItemFailures());
    }

    private static String[] placeOrder(Map<Book, Integer> lines) {
        String customer = UUID.randomUUID().toString();
        lines.forEach((book, quantity) -> bookstore.call(ApiEvent.signedIn(customer, "POST", "/cart")
                .body("{\"bookId\":\"" + book.id() + "\",\"quantity\":" + quantity + "}")));
        ApiResult placed = bookstore.call(ApiEvent.signedIn(customer, "POST", "/orders")
                .header("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, placed.status(), placed.toString());
        return new String[] {customer, placed.body().get("orderId").getAsString()};
    }

    private static Map<String, AttributeValue> orderKey(String[] customerAndOrder) {
        return Map.of("customerId", AttributeValue.fromS(customerAndOrder[0]), "orderId", AttributeValue.fromS(customerAndOrder[1]));
    }

    private static Map<String, Long> board() {
        return new Leaderboard(redis).top(100).stream().collect(Collectors.toMap(Ranking::bookId, Ranking::sold));
    }
}
