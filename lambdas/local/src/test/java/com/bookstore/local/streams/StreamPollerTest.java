package com.bookstore.local.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.bookstore.engines.MotoServer;
import com.bookstore.local.aws.LocalAws;
import com.bookstore.local.lambda.LocalFunction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The poller against moto's DynamoDB Streams, with consumers that fail on purpose, to pin down the
 * event source mapping's delivery rules: batches in order, retry from the first reported failure,
 * whole-batch retry on an error, give-up after the retry limit.
 */
class StreamPollerTest {
    private static MotoServer moto;
    private static DynamoDbClient dynamoDb;
    private static DynamoDbStreamsClient streams;
    private static final Settings FAST = new Settings();

    /** Short intervals so a test sees several polls in well under a second. */
    private static final class Settings {
        StreamPoller.Settings withRetries(int maxRetryAttempts) {
            return new StreamPoller.Settings(100, Duration.ofMillis(50), Duration.ofMillis(100), maxRetryAttempts);
        }
    }

    /** A consumer that records every batch it sees and answers with what the test decides. */
    private static final class ScriptedConsumer implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        final List<DynamodbEvent> events = new CopyOnWriteArrayList<>();
        private final BiFunction<Integer, DynamodbEvent, StreamsEventResponse> answer;

        ScriptedConsumer(BiFunction<Integer, DynamodbEvent, StreamsEventResponse> answer) {
            this.answer = answer;
        }

        @Override
        public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
            events.add(event);
            List<String> orderIds = event.getRecords().stream()
                    .map(record -> record.getDynamodb().getKeys().get("orderId").getS()).toList();
            batches.add(orderIds);
            return answer.apply(batches.size(), event);
        }

        static StreamsEventResponse failing(String sequenceNumber) {
            return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumber)));
        }
    }

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start();
        dynamoDb = new LocalAws(moto.endpoint(), MotoServer.REGION).dynamoDb();
        streams = new LocalAws(moto.endpoint(), MotoServer.REGION).streams();
    }

    @AfterAll
    static void stopMoto() throws Exception {
        if (moto != null) {
            streams.close();
            dynamoDb.close();
            moto.close();
        }
    }

    /** A fresh Orders-shaped table with a NEW_AND_OLD_IMAGES stream and {@code orders} written to it. */
    private static String ordersStream(String table, int orders) {
        String arn = dynamoDb.createTable(request -> request
                .tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("customerId").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("orderId").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("customerId").keyType(KeyType.HASH),
                        k -> k.attributeName("orderId").keyType(KeyType.RANGE))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription().latestStreamArn();
        for (int i = 1; i <= orders; i++) {
            String orderId = "o" + i;
            dynamoDb.putItem(request -> request.tableName(table).item(Map.of(
                    "customerId", AttributeValue.fromS("c1"),
                    "orderId", AttributeValue.fromS(orderId),
                    "total", AttributeValue.fromN("12.50"),
                    "lines", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                            "bookId", AttributeValue.fromS("b1"), "quantity", AttributeValue.fromN("2"))))),
                    "gift", AttributeValue.fromBool(false))));
        }
        return arn;
    }

    private static StreamPoller poller(String streamArn, ScriptedConsumer consumer, int maxRetries, ByteArrayOutputStream log) {
        return new StreamPoller(streams, streamArn, MotoServer.REGION,
                new LocalFunction<>("best-sellers", consumer, 60_000), FAST.withRetries(maxRetries),
                new PrintStream(log, true, StandardCharsets.UTF_8)).start();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void recordsArriveAsTheLambdaEventWithImagesAndSourceArn() throws Exception {
        String arn = ordersStream("orders-shape", 1);
        ScriptedConsumer consumer = new ScriptedConsumer((call, event) -> new StreamsEventResponse(List.of()));

        try (StreamPoller poller = poller(arn, consumer, -1, new ByteArrayOutputStream())) {
            await(() -> poller.deliveredRecords() == 1, "one record delivered");
        }

        DynamodbEvent.DynamodbStreamRecord record = consumer.events.get(0).getRecords().get(0);
        assertEquals("INSERT", record.getEventName());
        assertEquals("aws:dynamodb", record.getEventSource());
        assertEquals(arn, record.getEventSourceARN());
        assertEquals(MotoServer.REGION, record.getAwsRegion());
        assertEquals("NEW_AND_OLD_IMAGES", record.getDynamodb().getStreamViewType());
        var image = record.getDynamodb().getNewImage();
        assertEquals("12.50", image.get("total").getN());
        assertEquals("2", image.get("lines").getL().get(0).getM().get("quantity").getN());
        assertEquals(false, image.get("gift").getBOOL());
    }

    @Test
    void reportedFailureResumesAtTheFirstFailedRecord() throws Exception {
        String arn = ordersStream("orders-partial", 5);
        ScriptedConsumer consumer = new ScriptedConsumer((call, event) -> call == 1
                // o4 and o3 failed: the mapping resumes at the lower sequence number, o3's.
                ? new StreamsEventResponse(List.of(failureOf(event, 3), failureOf(event, 2)))
                : new StreamsEventResponse(List.of()));

        try (StreamPoller poller = poller(arn, consumer, -1, new ByteArrayOutputStream())) {
            await(() -> poller.deliveredRecords() == 5, "all five records acknowledged");
        }

        assertEquals(List.of(List.of("o1", "o2", "o3", "o4", "o5"), List.of("o3", "o4", "o5")), consumer.batches);
    }

    private static StreamsEventResponse.BatchItemFailure failureOf(DynamodbEvent event, int index) {
        return new StreamsEventResponse.BatchItemFailure(event.getRecords().get(index).getDynamodb().getSequenceNumber());
    }

    @Test
    void thrownErrorRedeliversTheWholeBatch() throws Exception {
        String arn = ordersStream("orders-error", 3);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ScriptedConsumer consumer = new ScriptedConsumer((call, event) -> {
            if (call <= 2) {
                throw new IllegalStateException("redis unavailable");
            }
            return new StreamsEventResponse(List.of());
        });

        try (StreamPoller poller = poller(arn, consumer, -1, log)) {
            await(() -> poller.deliveredRecords() == 3, "three records acknowledged");
        }

        assertEquals(3, consumer.batches.size());
        consumer.batches.forEach(batch -> assertEquals(List.of("o1", "o2", "o3"), batch));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("redis unavailable"));
    }

    @Test
    void failureNamingNoRecordOfTheBatchRetriesAllOfIt() throws Exception {
        String arn = ordersStream("orders-unknown-id", 2);
        ScriptedConsumer consumer = new ScriptedConsumer((call, event) -> call == 1
                ? ScriptedConsumer.failing("not-a-sequence-number")
                : new StreamsEventResponse(List.of()));

        try (StreamPoller poller = poller(arn, consumer, -1, new ByteArrayOutputStream())) {
            await(() -> poller.deliveredRecords() == 2, "two records acknowledged");
        }

        assertEquals(List.of(List.of("o1", "o2"), List.of("o1", "o2")), consumer.batches);
    }

    @Test
    void afterTheRetryLimitTheBatchIsSkippedAndLaterRecordsFlow() throws Exception {
        String arn = ordersStream("orders-poison", 2);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ScriptedConsumer consumer = new ScriptedConsumer((call, event) -> {
            if (event.getRecords().get(0).getDynamodb().getKeys().get("orderId").getS().equals("o1")) {
                throw new IllegalStateException("poison record");
            }
            return new StreamsEventResponse(List.of());
        });

        try (StreamPoller poller = poller(arn, consumer, 2, log)) {
            await(() -> poller.deliveredRecords() == 2, "the poison batch given up");
            dynamoDb.putItem(request -> request.tableName("orders-poison").item(Map.of(
                    "customerId", AttributeValue.fromS("c1"), "orderId", AttributeValue.fromS("o3"))));
            await(() -> poller.deliveredRecords() == 3, "the next order delivered");
        }

        assertEquals(3, consumer.batches.stream().filter(batch -> batch.contains("o1")).count(), "first try + 2 retries");
        assertEquals(List.of("o3"), consumer.batches.get(consumer.batches.size() - 1));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("giving up"));
    }

    @Test
    void recordsWrittenWhilePollingAreDeliveredInOrder() throws Exception {
        String arn = ordersStream("orders-live", 0);
        ScriptedConsumer consumer = new ScriptedConsumer((call, event) -> new StreamsEventResponse(List.of()));

        try (StreamPoller poller = poller(arn, consumer, -1, new ByteArrayOutputStream())) {
            for (int i = 1; i <= 3; i++) {
                String orderId = "live" + i;
                dynamoDb.putItem(request -> request.tableName("orders-live").item(Map.of(
                        "customerId", AttributeValue.fromS("c1"), "orderId", AttributeValue.fromS(orderId))));
            }
            dynamoDb.deleteItem(request -> request.tableName("orders-live").key(Map.of(
                    "customerId", AttributeValue.fromS("c1"), "orderId", AttributeValue.fromS("live1"))));
            await(() -> poller.deliveredRecords() == 4, "three inserts and a remove");
        }

        List<String> delivered = consumer.batches.stream().flatMap(List::stream).toList();
        assertEquals(List.of("live1", "live2", "live3", "live1"), delivered);
        List<String> names = consumer.events.stream().flatMap(event -> event.getRecords().stream())
                .map(DynamodbEvent.DynamodbStreamRecord::getEventName).toList();
        assertEquals("REMOVE", names.get(3));
    }
}
