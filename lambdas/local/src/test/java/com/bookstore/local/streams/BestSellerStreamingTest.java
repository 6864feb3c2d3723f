package com.bookstore.local.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.bookstore.api.BookstoreApi;
import com.bookstore.bestsellers.BestSellerStreamHandler;
import com.bookstore.engines.MotoServer;
import com.bookstore.local.aws.LocalAws;
import com.bookstore.engines.RedisServer;
import com.bookstore.local.lambda.LocalFunction;
import com.bookstore.ops.CatalogueFile;
import com.bookstore.ops.CatalogueSeeder;
import com.bookstore.ops.TableSetup;
import com.bookstore.platform.AwsSettings;
import com.bookstore.platform.FunctionSettings;
import com.bookstore.platform.LazyRedisPool;
import com.bookstore.platform.RedisClients;
import com.bookstore.platform.TableNames;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import redis.clients.jedis.JedisPooled;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The poller with the real best-seller consumer, fed by real checkouts through the API handler:
 * orders reach the leaderboard, and orders placed while Redis is down are counted once it is back,
 * because the consumer's batch item failure makes the poller retry from that record.
 */
class BestSellerStreamingTest {
    private static MotoServer moto;
    private static RedisServer redis;
    private static DynamoDbClient dynamoDb;
    private static DynamoDbStreamsClient streams;
    private LazyRedisPool apiRedis;
    private JedisPooled consumerRedis;
    private BookstoreApi api;
    private StreamPoller poller;
    private TableNames tables;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeAll
    static void startEngines() throws Exception {
        moto = MotoServer.start();
        redis = RedisServer.start();
        dynamoDb = new LocalAws(moto.endpoint(), MotoServer.REGION).dynamoDb();
        streams = new LocalAws(moto.endpoint(), MotoServer.REGION).streams();
    }

    @AfterAll
    static void stopEngines() throws Exception {
        if (redis != null) {
            redis.close();
        }
        if (moto != null) {
            streams.close();
            dynamoDb.close();
            moto.close();
        }
    }

    /** Fresh tables and an empty board for each test; the poller reads the new Orders stream. */
    @BeforeEach
    void startBookstore(TestInfo test) throws Exception {
        tables = TableNames.withPrefix(test.getTestMethod().orElseThrow().getName() + "-");
        new TableSetup(dynamoDb).ensure(tables);
        new CatalogueSeeder(dynamoDb, tables.books()).seed(CatalogueFile.books());
        FunctionSettings settings = new FunctionSettings(tables, AwsSettings.local(MotoServer.REGION, moto.endpoint()),
                redis.url(), "primary");
        apiRedis = new LazyRedisPool(redis.url());
        consumerRedis = RedisClients.pooled(redis.url());
        consumerRedis.flushAll();
        api = new BookstoreApi(settings, dynamoDb, apiRedis, Clock.systemUTC());
        String streamArn = dynamoDb.describeTable(r -> r.tableName(tables.orders())).table().latestStreamArn();
        poller = new StreamPoller(streams, streamArn, MotoServer.REGION,
                new LocalFunction<>("best-sellers", new BestSellerStreamHandler(consumerRedis), 60_000),
                new StreamPoller.Settings(100, Duration.ofMillis(50), Duration.ofMillis(200), -1),
                new PrintStream(log, true, StandardCharsets.UTF_8)).start();
    }

    @AfterEach
    void stopBookstore() {
        if (poller != null) {
            poller.close();
        }
        if (apiRedis != null) {
            apiRedis.close();
        }
        if (consumerRedis != null) {
            consumerRedis.close();
        }
    }

    private APIGatewayV2HTTPResponse call(String customer, String method, String path, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("content-type", "application/json");
        RequestContext.Authorizer authorizer = RequestContext.Authorizer.builder()
                .withJwt(RequestContext.Authorizer.JWT.builder().withClaims(Map.of("sub", customer)).build()).build();
        return api.handle(APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey(method + " " + path).withRawPath(path).withHeaders(headers)
                .withBody(body).withIsBase64Encoded(false)
                .withRequestContext(RequestContext.builder()
                        .withHttp(RequestContext.Http.builder().withMethod(method).withPath(path).build())
                        .withAuthorizer(authorizer).build())
                .build());
    }

    private void buy(String customer, String bookId, int quantity) {
        APIGatewayV2HTTPResponse added = call(customer, "POST", "/cart",
                "{\"bookId\":\"" + bookId + "\",\"quantity\":" + quantity + "}", Map.of());
        assertEquals(200, added.getStatusCode() / 100 * 100, added.getBody());
        APIGatewayV2HTTPResponse placed = call(customer, "POST", "/orders", null,
                Map.of("idempotency-key", UUID.randomUUID().toString()));
        assertEquals(201, placed.getStatusCode(), placed.getBody());
    }

    /**
     * Copies sold per book id, as GET /bestsellers reports them; empty while the API answers from its
     * stale fallback (its pooled Redis connection fails once after a Redis restart).
     */
    private Map<String, Integer> board() {
        APIGatewayV2HTTPResponse response = call("guest", "GET", "/bestsellers", null, Map.of());
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonObject body = JsonParser.parseString(response.getBody()).getAsJsonObject();
        if (body.get("stale").getAsBoolean()) {
            return Map.of();
        }
        Map<String, Integer> sold = new HashMap<>();
        for (JsonElement item : body.getAsJsonArray("items")) {
            sold.put(item.getAsJsonObject().getAsJsonObject("book").get("id").getAsString(),
                    item.getAsJsonObject().get("sold").getAsInt());
        }
        return sold;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void ordersReachTheBestSellersThroughTheStream() throws Exception {
        String first = CatalogueFile.books().get(0).id();
        String second = CatalogueFile.books().get(1).id();

        buy("customer-a", first, 2);
        buy("customer-b", first, 1);
        buy("customer-b", second, 4);

        await(() -> poller.deliveredRecords() >= 3, "three order records delivered");
        await(() -> board().equals(Map.of(first, 3, second, 4)), "the board to show 3 and 4 copies: " + board());
    }

    @Test
    void ordersPlacedWhileRedisIsDownAreCountedOnceItIsBack() throws Exception {
        String book = CatalogueFile.books().get(2).id();
        redis.pause();

        buy("customer-c", book, 5);
        await(() -> log.toString(StandardCharsets.UTF_8).contains("retrying from"),
                "the consumer to report the record and the poller to retry it");
        assertEquals(0, poller.deliveredRecords(), "nothing is checkpointed past the failed record");

        redis.resume();
        await(() -> poller.deliveredRecords() == 1, "the record acknowledged once Redis is back");
        await(() -> board().equals(Map.of(book, 5)), "the five copies on the board, counted once");
        assertTrue(log.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("retrying from")).count() >= 1);
    }

    /**
     * The transaction a checkout makes when its order id exists already (a retry racing the first
     * attempt, or an order that replication brought first) is cancelled. Plain moto strands the
     * stream's iterators on such a cancel, and the board would never move again.
     */
    @Test
    void ordersStillReachTheBoardAfterACheckoutTransactionWasCancelled() throws Exception {
        String book = CatalogueFile.books().get(3).id();
        buy("customer-d", book, 1);
        await(() -> board().equals(Map.of(book, 1)), "the first order on the board");
        Map<String, AttributeValue> placed = dynamoDb.scan(r -> r.tableName(tables.orders())).items().get(0);

        assertThrows(TransactionCanceledException.class, () -> dynamoDb.transactWriteItems(t -> t.transactItems(
                w -> w.put(p -> p.tableName(tables.orders()).item(placed).conditionExpression("attribute_not_exists(orderId)")))));
        buy("customer-d", book, 2);

        await(() -> board().equals(Map.of(book, 3)), "the order after the cancelled checkout on the board: " + board());
    }
}
