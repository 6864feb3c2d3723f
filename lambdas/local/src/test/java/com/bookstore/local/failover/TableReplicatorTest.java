package com.bookstore.local.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.local.aws.LocalAws;
import com.bookstore.engines.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The replicator between two regions of one real moto server. */
class TableReplicatorTest {

    private static final String PRIMARY = "eu-west-1";
    private static final String SECONDARY = "ap-southeast-1";
    private static final Duration DELAY = Duration.ofMillis(800);

    private static MotoServer moto;
    private static ReplicaRegion primary;
    private static ReplicaRegion secondary;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private String table;
    private TableReplicator replicator;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start();
        primary = region(PRIMARY);
        secondary = region(SECONDARY);
    }

    @AfterAll
    static void stopMoto() throws Exception {
        moto.close();
    }

    private static ReplicaRegion region(String name) {
        LocalAws aws = new LocalAws(moto.endpoint(), name);
        return new ReplicaRegion(name, aws.dynamoDb(), aws.streams());
    }

    /** A fresh Orders-shaped table per test, in both regions: the primary's with its stream on, the secondary's without. */
    @BeforeEach
    void createTables() {
        table = "orders-" + UUID.randomUUID();
        createTable(primary.dynamoDb(), true);
        createTable(secondary.dynamoDb(), false);
    }

    @AfterEach
    void stopReplicator() {
        if (replicator != null) {
            replicator.close();
        }
    }

    private void createTable(DynamoDbClient dynamoDb, boolean stream) {
        dynamoDb.createTable(b -> {
            b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("customerId").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("orderId").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("customerId").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("orderId").keyType(KeyType.RANGE).build());
            if (stream) {
                b.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
            }
        });
    }

    private void startReplicator(Duration delay) {
        replicator = TableReplicator.start(primary, secondary,
                new TableReplicator.Settings(List.of(table), delay, Duration.ofMillis(50)),
                new PrintStream(logged, true, StandardCharsets.UTF_8));
    }

    private void put(ReplicaRegion region, String orderId, String status) {
        region.dynamoDb().putItem(b -> b.tableName(table).item(Map.of(
                "customerId", AttributeValue.fromS("c-1"), "orderId", AttributeValue.fromS(orderId),
                "status", AttributeValue.fromS(status))));
    }

    private Optional<String> status(ReplicaRegion region, String orderId) {
        Map<String, AttributeValue> item = region.dynamoDb().getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "customerId", AttributeValue.fromS("c-1"), "orderId", AttributeValue.fromS(orderId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get("status").s());
    }

    private static <T> T await(Supplier<T> value, java.util.function.Predicate<T> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T current = value.get();
        while (!done.test(current) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            current = value.get();
        }
        return current;
    }

    /** Every write read so far has been applied or dropped as superseded: nothing is left in flight. */
    private TableReplicator.Stats settled(long writes) throws InterruptedException {
        return await(replicator::stats, s -> s.observed() >= writes && s.applied() + s.superseded() == s.observed(),
                Duration.ofSeconds(10));
    }

    /**
     * The region's poller has read (or, isolated, skipped) its streams at least once since this call: one
     * poll in progress may have started before, so two more must complete.
     */
    private void awaitPollAfterNow(String region) throws InterruptedException {
        long before = replicator.stats().polls().getOrDefault(region, 0L);
        long polled = await(() -> replicator.stats().polls().getOrDefault(region, 0L), n -> n >= before + 2, Duration.ofSeconds(10));
        assertTrue(polled >= before + 2, region + " was not polled again");
    }

    /** Returns once the clock has moved on a millisecond, so the next write is stamped later than the last one. */
    private static void nextMillisecond() {
        long now = System.currentTimeMillis();
        while (System.currentTimeMillis() <= now) {
            Thread.onSpinWait();
        }
    }

    private long streamRecordCount(ReplicaRegion region) {
        String arn = region.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();
        return new StreamTail(region.streams(), arn).poll().size();
    }

    @Test
    void aWriteReachesTheOtherRegionOnlyAfterTheReplicationDelay() throws Exception {
        startReplicator(DELAY);

        long written = System.nanoTime();
        put(primary, "ord-1", "PLACED");

        // checked from the first moment on: had it arrived before the delay, the wait would have ended sooner
        assertEquals(Optional.of("PLACED"), await(() -> status(secondary, "ord-1"), Optional::isPresent, Duration.ofSeconds(10)));
        Duration arrivedAfter = Duration.ofNanos(System.nanoTime() - written);
        assertTrue(arrivedAfter.compareTo(DELAY) >= 0, "replicated before the delay: " + arrivedAfter);
    }

    @Test
    void theSecondarysMissingStreamIsTurnedOnAndItsWritesFlowBack() throws Exception {
        startReplicator(Duration.ZERO);

        put(secondary, "ord-2", "PLACED-IN-SECONDARY");

        assertEquals(Optional.of("PLACED-IN-SECONDARY"),
                await(() -> status(primary, "ord-2"), Optional::isPresent, Duration.ofSeconds(10)));
        assertTrue(logged.toString(StandardCharsets.UTF_8).contains("turning on the stream of " + table + " in " + SECONDARY));
    }

    @Test
    void aReplicatedWriteIsNeverReplicatedBack() throws Exception {
        startReplicator(Duration.ZERO);

        put(primary, "ord-3", "PLACED");
        await(() -> status(secondary, "ord-3"), Optional::isPresent, Duration.ofSeconds(10));
        // the replicated write has come back through the secondary's stream: the moment it could be echoed
        await(() -> replicator.stats().echoes(), echoes -> echoes >= 1, Duration.ofSeconds(10));

        assertEquals(1, streamRecordCount(primary), "the primary's item was written again: replication echoed back");
        assertEquals(1, streamRecordCount(secondary));
        TableReplicator.Stats stats = replicator.stats();
        assertEquals(1, stats.applied());
        assertEquals(1, stats.echoes());
    }

    @Test
    void successiveWritesArriveInOrderAndADeleteReplicates() throws Exception {
        startReplicator(Duration.ofMillis(300));

        for (String status : List.of("PLACED", "PAID", "SHIPPED")) {
            put(primary, "ord-4", status);
        }
        put(primary, "ord-5", "PLACED");
        primary.dynamoDb().deleteItem(b -> b.tableName(table).key(Map.of(
                "customerId", AttributeValue.fromS("c-1"), "orderId", AttributeValue.fromS("ord-5"))));
        put(primary, "ord-6", "LAST");

        await(() -> status(secondary, "ord-6"), Optional::isPresent, Duration.ofSeconds(10));
        settled(6);
        assertEquals(Optional.of("SHIPPED"), status(secondary, "ord-4"));
        assertEquals(Optional.empty(), status(secondary, "ord-5"));
    }

    @Test
    void concurrentWritesInBothRegionsConvergeOnTheLastWriter() throws Exception {
        startReplicator(DELAY);

        put(secondary, "ord-7", "EARLIER-IN-SECONDARY");
        nextMillisecond();
        put(primary, "ord-7", "LATER-IN-PRIMARY");
        put(primary, "ord-8", "EARLIER-IN-PRIMARY");
        nextMillisecond();
        put(secondary, "ord-8", "LATER-IN-SECONDARY");

        TableReplicator.Stats settled = settled(4);
        assertEquals(4, settled.observed(), settled.toString());
        assertEquals(Optional.of("LATER-IN-PRIMARY"), status(primary, "ord-7"));
        assertEquals(Optional.of("LATER-IN-PRIMARY"), status(secondary, "ord-7"));
        assertEquals(Optional.of("LATER-IN-SECONDARY"), status(primary, "ord-8"));
        assertEquals(Optional.of("LATER-IN-SECONDARY"), status(secondary, "ord-8"));
        assertTrue(replicator.stats().superseded() >= 2, "the losing writes must have been dropped: " + replicator.stats());
    }

    @Test
    void anIsolatedRegionsWritesAreDeliveredWhenItReconnects() throws Exception {
        startReplicator(Duration.ZERO);
        replicator.isolate(PRIMARY);

        put(primary, "ord-9", "PLACED-WHILE-CUT-OFF");
        awaitPollAfterNow(PRIMARY);
        assertEquals(0, replicator.stats().observed(), "an isolated region's stream must not be read");
        assertFalse(status(secondary, "ord-9").isPresent(), "an isolated region must not replicate");

        replicator.reconnect(PRIMARY);
        assertEquals(Optional.of("PLACED-WHILE-CUT-OFF"),
                await(() -> status(secondary, "ord-9"), Optional::isPresent, Duration.ofSeconds(10)));
    }

    @Test
    void writesAlreadyReadFromARegionThatIsCutOffAreHeldUntilItReconnects() throws Exception {
        startReplicator(Duration.ofSeconds(2));
        put(primary, "ord-10", "IN-FLIGHT");
        await(() -> replicator.stats().observed(), observed -> observed >= 1, Duration.ofSeconds(10));

        replicator.isolate(PRIMARY);
        // the write came due after the delay and was held, not applied
        assertEquals(1, await(() -> replicator.stats().held(), held -> held >= 1, Duration.ofSeconds(10)),
                "the write due for the cut-off region was not held");
        assertEquals(0, replicator.stats().applied());
        assertFalse(status(secondary, "ord-10").isPresent(), "a write in flight from a lost region must not arrive");

        replicator.reconnect(PRIMARY);
        assertEquals(Optional.of("IN-FLIGHT"), await(() -> status(secondary, "ord-10"), Optional::isPresent, Duration.ofSeconds(10)));
    }

    @Test
    void withZeroDelayARegionCutOffRightAfterAWriteStillShipsIt() throws Exception {
        startReplicator(Duration.ZERO);
        put(primary, "ord-11", "COMMITTED-BEFORE-THE-CUT");

        replicator.isolate(PRIMARY);

        assertEquals(Optional.of("COMMITTED-BEFORE-THE-CUT"),
                await(() -> status(secondary, "ord-11"), Optional::isPresent, Duration.ofSeconds(10)));
    }

    /**
     * A checkout retried with its key while the first attempt commits ends in a cancelled transaction.
     * Plain moto swaps the tables for copies on a cancel and strands every open stream iterator: this
     * is the drill's "replicator lost track of writes" (scripts/moto/atomic_moto_server.py).
     */
    @Test
    void replicationCarriesOnAfterATransactionInTheSourceRegionIsCancelled() throws Exception {
        startReplicator(Duration.ZERO);
        put(primary, "ord-12", "PLACED");
        await(() -> status(secondary, "ord-12"), Optional::isPresent, Duration.ofSeconds(10));

        assertThrows(TransactionCanceledException.class, () -> primary.dynamoDb().transactWriteItems(t -> t.transactItems(
                w -> w.put(p -> p.tableName(table).conditionExpression("attribute_not_exists(orderId)").item(Map.of(
                        "customerId", AttributeValue.fromS("c-1"), "orderId", AttributeValue.fromS("ord-12"),
                        "status", AttributeValue.fromS("PLACED-TWICE")))))));
        put(primary, "ord-13", "PLACED-AFTER-THE-CANCELLED-ONE");

        assertEquals(Optional.of("PLACED-AFTER-THE-CANCELLED-ONE"),
                await(() -> status(secondary, "ord-13"), Optional::isPresent, Duration.ofSeconds(10)));
        assertEquals(Optional.of("PLACED"), status(secondary, "ord-12"), "the cancelled write must not replicate");
    }
}
