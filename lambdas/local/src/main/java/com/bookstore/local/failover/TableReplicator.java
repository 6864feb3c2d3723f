package com.bookstore.local.failover;

import java.io.PrintStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * Plays DynamoDB global tables (version 2019.11.21) between two local regions, which moto keeps apart: stream-driven,
 * applied to the other region after {@code delay}, last writer wins per item by {@link WriteVersion}, a replicated
 * write never replicated back; a region can be {@link #isolate isolated} and {@link #reconnect reconnected}. How
 * faithful it is, and its one known gap: docs/failover.md#what-the-local-mode-emulates-and-how-faithfully.
 */
public final class TableReplicator implements AutoCloseable {

    public record Settings(List<String> tables, Duration delay, Duration pollInterval) {
        public static final Duration DEFAULT_DELAY = Duration.ofSeconds(1);
    }

    /**
     * Counters for logs and tests: writes read from the streams (echoes apart), applied, dropped as older than one
     * already applied, and held for an isolated region; and the stream reads each region's poller has completed,
     * an isolated region's skipped ones included (the moment it would have been read).
     */
    public record Stats(long observed, long applied, long superseded, long echoes, long held, Map<String, Long> polls) {}

    private record ItemKey(String table, String key) {}

    private final Map<String, ReplicaRegion> regions = new HashMap<>();
    private final Settings settings;
    private final PrintStream log;
    private final Map<ItemKey, WriteVersion> newest = new HashMap<>();
    /** Writes this replicator applied and not yet seen in the target's stream, by region and item. */
    private final Map<String, Map<ItemKey, List<String>>> pendingEchoes = new ConcurrentHashMap<>();
    private final Set<String> isolated = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> isolatedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> lastRead = new ConcurrentHashMap<>();
    private final Map<String, Map<String, StreamTail>> tails = new ConcurrentHashMap<>();
    /** Held while a region's streams are read, so that isolating it waits for a read in flight. */
    private final Map<String, Object> readLocks = new HashMap<>();
    private final List<Runnable> heldWrites = new ArrayList<>();
    private final ScheduledExecutorService pollers;
    private final ScheduledExecutorService writer;
    private final AtomicLong observed = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong superseded = new AtomicLong();
    private final AtomicLong echoes = new AtomicLong();
    private final AtomicLong held = new AtomicLong();
    private final Map<String, AtomicLong> polls = new ConcurrentHashMap<>();

    private TableReplicator(ReplicaRegion first, ReplicaRegion second, Settings settings, PrintStream log) {
        if (first.name().equals(second.name())) {
            throw new IllegalArgumentException("the two regions must differ: " + first.name());
        }
        regions.put(first.name(), first);
        regions.put(second.name(), second);
        readLocks.put(first.name(), new Object());
        readLocks.put(second.name(), new Object());
        this.settings = settings;
        this.log = log;
        this.pollers = Executors.newScheduledThreadPool(3, daemon("replicator-stream"));
        // One writer thread: writes due at the same moment are applied in the order they were read.
        this.writer = Executors.newSingleThreadScheduledExecutor(daemon("replicator-writer"));
    }

    /**
     * Turns the streams on where they are off (adding a replica does that on AWS) and starts
     * following both regions' tables from their oldest stream record.
     */
    public static TableReplicator start(ReplicaRegion first, ReplicaRegion second, Settings settings, PrintStream log) {
        TableReplicator replicator = new TableReplicator(first, second, settings, log);
        for (ReplicaRegion region : List.of(first, second)) {
            replicator.pendingEchoes.put(region.name(), new ConcurrentHashMap<>());
            Map<String, StreamTail> tails = new HashMap<>();
            for (String table : settings.tables()) {
                tails.put(table, new StreamTail(region.streams(), streamArn(region, table, log)));
            }
            replicator.tails.put(region.name(), tails);
            replicator.pollers.scheduleWithFixedDelay(() -> replicator.pollRegion(region, tails),
                    0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
        replicator.pollers.scheduleWithFixedDelay(replicator::logStats, 10, 10, TimeUnit.SECONDS);
        log.printf("replicator: %s <-> %s, tables %s, delay %d ms%n", first.name(), second.name(),
                settings.tables(), settings.delay().toMillis());
        return replicator;
    }

    /** The region is unreachable: its writes stay in its stream, writes for it are held. */
    public void isolate(String region) {
        requireKnown(region);
        synchronized (readLocks.get(region)) {
            // Read what the region committed up to now, then cut: of those writes, the ones older than
            // the replication delay had shipped and are delivered; the younger ones are held.
            readStreams(regions.get(region), tails.get(region));
            isolatedAt.put(region, System.currentTimeMillis());
            isolated.add(region);
        }
        log.printf("replicator: %s isolated%n", region);
    }

    public void reconnect(String region) {
        requireKnown(region);
        isolated.remove(region);
        isolatedAt.remove(region);
        List<Runnable> held;
        synchronized (heldWrites) {
            held = new ArrayList<>(heldWrites);
            heldWrites.clear();
        }
        held.forEach(writer::execute);
        log.printf("replicator: %s reconnected, %d held writes released%n", region, held.size());
    }

    public Stats stats() {
        Map<String, Long> completed = new TreeMap<>();
        polls.forEach((region, count) -> completed.put(region, count.get()));
        return new Stats(observed.get(), applied.get(), superseded.get(), echoes.get(), held.get(), completed);
    }

    @Override
    public void close() {
        pollers.shutdownNow();
        writer.shutdownNow();
    }

    private void pollRegion(ReplicaRegion region, Map<String, StreamTail> tails) {
        try {
            synchronized (readLocks.get(region.name())) {
                if (!isolated.contains(region.name())) {
                    readStreams(region, tails);
                    lastRead.put(region.name(), System.currentTimeMillis());
                }
            }
            polls.computeIfAbsent(region.name(), r -> new AtomicLong()).incrementAndGet();
        } catch (Throwable e) {
            // a periodic task that throws is never run again: say so loudly instead of going quiet
            log.printf("replicator: polling %s failed: %s%n", region.name(), e);
            throw e;
        }
    }

    private void logStats() {
        long now = System.currentTimeMillis();
        StringBuilder reads = new StringBuilder();
        lastRead.forEach((region, at) -> reads.append(", ").append(region).append(" read ").append(now - at).append(" ms ago"));
        log.printf("replicator: %s%s%s%n", stats(), reads, isolated.isEmpty() ? "" : ", isolated " + isolated);
    }

    private void readStreams(ReplicaRegion region, Map<String, StreamTail> tails) {
        try {
            for (Map.Entry<String, StreamTail> table : tails.entrySet()) {
                for (Record record : table.getValue().poll()) {
                    observe(region, table.getKey(), record);
                }
            }
        } catch (SdkException e) {
            log.printf("replicator: reading %s failed (%s); retrying%n", region.name(), e.getMessage());
        } catch (RuntimeException e) {
            // never let the scheduled task die: that would silently stop replication
            log.printf("replicator: unexpected error reading %s: %s%n", region.name(), e);
        }
    }

    private void observe(ReplicaRegion source, String table, Record record) {
        Map<String, AttributeValue> keys = record.dynamodb().keys();
        Map<String, AttributeValue> image = record.eventName() == OperationType.REMOVE ? null : record.dynamodb().newImage();
        ItemKey item = new ItemKey(table, ItemImage.canonical(keys));
        if (consumeEcho(source.name(), item, ItemImage.canonical(image))) {
            echoes.incrementAndGet();
            return;
        }
        observed.incrementAndGet();
        WriteVersion version = new WriteVersion(writeTime(record), source.name(),
                new BigInteger(record.dynamodb().sequenceNumber()));
        synchronized (newest) {
            newest.merge(item, version, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        ReplicaRegion target = otherThan(source.name());
        writer.schedule(() -> apply(target, table, item, keys, image, version),
                settings.delay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void apply(ReplicaRegion target, String table, ItemKey item, Map<String, AttributeValue> keys,
                       Map<String, AttributeValue> image, WriteVersion version) {
        if (isolated.contains(target.name()) || !shipped(version)) {
            synchronized (heldWrites) {
                heldWrites.add(() -> apply(target, table, item, keys, image, version));
            }
            held.incrementAndGet();
            return;
        }
        synchronized (newest) {
            if (!version.equals(newest.get(item))) {
                superseded.incrementAndGet();
                return;
            }
        }
        String expected = ItemImage.canonical(image);
        pendingEchoes.get(target.name()).computeIfAbsent(item, k -> new ArrayList<>()).add(expected);
        try {
            if (image == null) {
                target.dynamoDb().deleteItem(DeleteItemRequest.builder().tableName(table).key(keys).build());
            } else {
                target.dynamoDb().putItem(PutItemRequest.builder().tableName(table).item(image).build());
            }
            applied.incrementAndGet();
        } catch (SdkException e) {
            consumeEcho(target.name(), item, expected);
            log.printf("replicator: writing %s to %s failed (%s); retrying in 1 s%n", item, target.name(), e.getMessage());
            writer.schedule(() -> apply(target, table, item, keys, image, version), 1, TimeUnit.SECONDS);
        }
    }

    /**
     * A write from a region that is cut off had shipped only if it was older than the replication
     * delay at the moment of the cut; a younger one stays in that region, like one not yet sent.
     */
    private boolean shipped(WriteVersion version) {
        Long cutAt = isolatedAt.get(version.region());
        return cutAt == null || version.timeMillis() + settings.delay().toMillis() <= cutAt;
    }

    private boolean consumeEcho(String region, ItemKey item, String image) {
        Map<ItemKey, List<String>> pending = pendingEchoes.get(region);
        boolean[] found = {false};
        pending.computeIfPresent(item, (k, images) -> {
            found[0] = images.remove(image);
            return images.isEmpty() ? null : images;
        });
        return found[0];
    }

    /** The stream record's creation time: the moment the source committed the write. */
    private static long writeTime(Record record) {
        var created = record.dynamodb().approximateCreationDateTime();
        return created != null ? created.toEpochMilli() : System.currentTimeMillis();
    }

    private static String streamArn(ReplicaRegion region, String table, PrintStream log) {
        TableDescription description = region.dynamoDb().describeTable(DescribeTableRequest.builder().tableName(table).build()).table();
        StreamSpecification spec = description.streamSpecification();
        if (spec == null || !Boolean.TRUE.equals(spec.streamEnabled())) {
            log.printf("replicator: turning on the stream of %s in %s (global tables need NEW_AND_OLD_IMAGES)%n", table, region.name());
            return region.dynamoDb().updateTable(UpdateTableRequest.builder().tableName(table)
                    .streamSpecification(StreamSpecification.builder().streamEnabled(true)
                            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())
                    .build()).tableDescription().latestStreamArn();
        }
        if (spec.streamViewType() != StreamViewType.NEW_AND_OLD_IMAGES) {
            throw new IllegalStateException(table + " in " + region.name() + " streams " + spec.streamViewType()
                    + "; replication needs NEW_AND_OLD_IMAGES");
        }
        return description.latestStreamArn();
    }

    private ReplicaRegion otherThan(String region) {
        return regions.values().stream().filter(r -> !r.name().equals(region)).findFirst().orElseThrow();
    }

    private void requireKnown(String region) {
        if (!regions.containsKey(region)) {
            throw new IllegalArgumentException("unknown region " + region + "; the replicator serves " + regions.keySet());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
