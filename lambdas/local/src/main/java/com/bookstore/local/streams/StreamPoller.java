package com.bookstore.local.streams;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.bookstore.local.lambda.LocalFunction;
import java.io.PrintStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Lambda's DynamoDB event source mapping, locally: reads every shard of a stream in order (parents before
 * children), invokes the consumer with batches, and checkpoints in memory. With ReportBatchItemFailures
 * semantics: a reported failure makes the next batch start at the lowest failed sequence number; a thrown
 * error or an unusable failure report retries the whole batch. Retries back off and, like the mapping's
 * MaximumRetryAttempts, are unlimited unless a limit is set.
 */
public final class StreamPoller implements AutoCloseable {

    /** Batch size, idle poll interval and retry policy of the mapping. {@code maxRetryAttempts} -1 = unlimited. */
    public record Settings(int batchSize, Duration pollInterval, Duration maxBackoff, int maxRetryAttempts) {
        public static Settings defaults() {
            return new Settings(100, Duration.ofMillis(200), Duration.ofSeconds(5), -1);
        }
    }

    /** Where reading a shard resumes: the iterator type and, for AT/AFTER, the sequence number. */
    private record Position(ShardIteratorType type, String sequenceNumber) {
        static final Position START = new Position(ShardIteratorType.TRIM_HORIZON, null);
    }

    private static final class ShardState {
        Position position = Position.START;
        String iterator;
        int failedAttempts;
        boolean finished;
    }

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final LocalFunction<DynamodbEvent, StreamsEventResponse> consumer;
    private final StreamRecordConverter converter;
    private final Settings settings;
    private final PrintStream log;
    private final Map<String, ShardState> shards = new HashMap<>();
    private final AtomicLong deliveredRecords = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public StreamPoller(DynamoDbStreamsClient streams, String streamArn, String region,
                        LocalFunction<DynamodbEvent, StreamsEventResponse> consumer, Settings settings, PrintStream log) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.consumer = consumer;
        this.converter = new StreamRecordConverter(streamArn, region);
        this.settings = settings;
        this.log = log;
        this.thread = new Thread(this::run, "stream-poller");
        this.thread.setDaemon(true);
    }

    public StreamPoller start() {
        thread.start();
        return this;
    }

    /** Records the consumer has acknowledged (checkpointed past), for tests and the start-up report. */
    public long deliveredRecords() {
        return deliveredRecords.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            boolean progressed = false;
            try {
                for (Shard shard : readableShards()) {
                    progressed |= running && poll(shard);
                }
            } catch (RuntimeException failure) {
                if (!running) {
                    return;
                }
                // moto restarting or briefly unreachable: report once per failed poll and keep going
                log.println("[streams] cannot read " + streamArn + ": " + failure.getMessage());
            }
            if (!progressed && !pause(settings.pollInterval())) {
                return;
            }
        }
    }

    /** Open shards whose parent (if still listed) has been read to its end, as the mapping orders them. */
    private List<Shard> readableShards() {
        List<Shard> all = new ArrayList<>();
        String exclusiveStart = null;
        do {
            String start = exclusiveStart;
            StreamDescription description = streams.describeStream(request -> request
                    .streamArn(streamArn).exclusiveStartShardId(start)).streamDescription();
            all.addAll(description.shards());
            exclusiveStart = description.lastEvaluatedShardId();
        } while (exclusiveStart != null);
        List<String> listed = all.stream().map(Shard::shardId).toList();
        return all.stream()
                .filter(shard -> !state(shard.shardId()).finished)
                .filter(shard -> shard.parentShardId() == null || !listed.contains(shard.parentShardId())
                        || state(shard.parentShardId()).finished)
                .toList();
    }

    private ShardState state(String shardId) {
        return shards.computeIfAbsent(shardId, id -> new ShardState());
    }

    /** Reads one batch from the shard and delivers it; true if records were delivered. */
    private boolean poll(Shard shard) {
        ShardState state = state(shard.shardId());
        GetRecordsResponse batch;
        try {
            if (state.iterator == null) {
                state.iterator = iterator(shard.shardId(), state.position);
            }
            String iterator = state.iterator;
            batch = streams.getRecords(request -> request.shardIterator(iterator).limit(settings.batchSize()));
        } catch (ExpiredIteratorException expired) {
            state.iterator = null;
            return false;
        } catch (TrimmedDataAccessException trimmed) {
            log.println("[streams] " + shard.shardId() + ": records trimmed before they were read, restarting at the horizon");
            state.position = Position.START;
            state.iterator = null;
            return false;
        }
        if (batch.records().isEmpty()) {
            state.iterator = batch.nextShardIterator();
            if (state.iterator == null) {
                state.finished = true;
            }
            return false;
        }
        deliver(shard.shardId(), state, batch);
        return true;
    }

    private String iterator(String shardId, Position position) {
        return streams.getShardIterator(request -> request
                .streamArn(streamArn).shardId(shardId)
                .shardIteratorType(position.type()).sequenceNumber(position.sequenceNumber())).shardIterator();
    }

    private void deliver(String shardId, ShardState state, GetRecordsResponse batch) {
        List<Record> records = batch.records();
        String last = records.get(records.size() - 1).dynamodb().sequenceNumber();
        Optional<String> retryFrom;
        try {
            StreamsEventResponse response = consumer.invoke(converter.event(records), null);
            retryFrom = firstFailure(records, response);
        } catch (RuntimeException | Error failure) {
            log.println("[streams] " + consumer.name() + " failed on a batch of " + records.size() + ": " + failure);
            retryFrom = Optional.of(records.get(0).dynamodb().sequenceNumber());
        }
        if (retryFrom.isEmpty()) {
            acknowledge(state, records.size(), new Position(ShardIteratorType.AFTER_SEQUENCE_NUMBER, last), batch.nextShardIterator());
            return;
        }
        String failedAt = retryFrom.get();
        long succeeded = records.stream().takeWhile(record -> !record.dynamodb().sequenceNumber().equals(failedAt)).count();
        deliveredRecords.addAndGet(succeeded);
        state.failedAttempts++;
        if (settings.maxRetryAttempts() >= 0 && state.failedAttempts > settings.maxRetryAttempts()) {
            log.printf("[streams] %s: giving up on records %s..%s after %d retries (Lambda would send them to the on-failure destination)%n",
                    shardId, failedAt, last, settings.maxRetryAttempts());
            acknowledge(state, records.size() - succeeded, new Position(ShardIteratorType.AFTER_SEQUENCE_NUMBER, last), batch.nextShardIterator());
            return;
        }
        log.printf("[streams] %s: retrying from %s (attempt %d)%n", shardId, failedAt, state.failedAttempts);
        state.position = new Position(ShardIteratorType.AT_SEQUENCE_NUMBER, failedAt);
        state.iterator = null;
        pause(backoff(state.failedAttempts));
    }

    private void acknowledge(ShardState state, long records, Position next, String nextIterator) {
        deliveredRecords.addAndGet(records);
        state.position = next;
        state.iterator = nextIterator;
        state.failedAttempts = 0;
        if (nextIterator == null) {
            state.finished = true;
        }
    }

    /**
     * The sequence number to resume at: the lowest reported failure, or the whole batch when the report
     * names a record that is not in it (Lambda treats that as a failure of the entire batch).
     */
    static Optional<String> firstFailure(List<Record> records, StreamsEventResponse response) {
        if (response == null || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
            return Optional.empty();
        }
        List<String> inBatch = records.stream().map(record -> record.dynamodb().sequenceNumber()).toList();
        List<String> reported = response.getBatchItemFailures().stream()
                .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList();
        if (reported.stream().anyMatch(id -> id == null || id.isBlank() || !inBatch.contains(id))) {
            return Optional.of(inBatch.get(0));
        }
        return reported.stream().filter(Objects::nonNull).min((a, b) -> new BigInteger(a).compareTo(new BigInteger(b)));
    }

    private Duration backoff(int attempt) {
        long millis = Math.min(settings.maxBackoff().toMillis(), 100L << Math.min(attempt, 16));
        return Duration.ofMillis(millis);
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
