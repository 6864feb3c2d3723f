package com.bookstore.bestsellers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.bookstore.platform.Environment;
import com.bookstore.contract.BookstoreMetric;
import com.bookstore.platform.RedisClients;
import com.bookstore.platform.telemetry.Metrics;
import com.bookstore.platform.telemetry.Telemetry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.crac.Core;
import org.crac.Resource;
import redis.clients.jedis.JedisPooled;

/**
 * Consumer of the Orders stream (event source mapping with ReportBatchItemFailures). Records are applied
 * in order; at the first one Redis refuses, the handler stops and reports it, so Lambda retries from
 * there and nothing after it is skipped. Applying is idempotent, so the retry may safely repeat records.
 * A record that can never be applied (not an order) is logged and passed over rather than blocking the
 * shard forever.
 */
public final class BestSellerStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse>, Resource {

    private static final Logger LOG = Logger.getLogger(BestSellerStreamHandler.class.getName());

    private final JedisPooled redis;
    private final Leaderboard leaderboard;
    private final Metrics metrics;
    private final Telemetry telemetry;
    private final Clock clock;
    private boolean served;

    public BestSellerStreamHandler() {
        this(RedisClients.pooled(Environment.required("REDIS_URL")));
    }

    /** Telemetry as the Lambda environment says ({@link Telemetry#fromEnvironment}). */
    public BestSellerStreamHandler(JedisPooled redis) {
        this(redis, Telemetry.fromEnvironment(System.getenv(), Clock.systemUTC()), Clock.systemUTC());
    }

    public BestSellerStreamHandler(JedisPooled redis, Telemetry telemetry, Clock clock) {
        this.redis = redis;
        this.leaderboard = new Leaderboard(redis);
        this.telemetry = telemetry;
        this.metrics = telemetry.metrics();
        this.clock = clock;
        Core.getGlobalContext().register(this);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        long started = System.nanoTime();
        int applied = 0;
        int skipped = 0;
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        recordNewestAge(records);
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            OrderSale sale;
            try {
                sale = StreamImages.sale(record);
            } catch (IllegalArgumentException notAnOrder) {
                LOG.log(Level.WARNING, "skipping stream record {0}: {1}",
                        new Object[] {record.getEventID(), notAnOrder.getMessage()});
                continue;
            }
            try {
                if (leaderboard.record(sale)) {
                    applied++;
                    metrics.count(BookstoreMetric.BEST_SELLER_UPDATES_APPLIED);
                } else {
                    skipped++;
                    metrics.count(BookstoreMetric.BEST_SELLER_DUPLICATES_SKIPPED);
                }
            } catch (RuntimeException redisFailure) {
                LOG.log(Level.WARNING, "could not record order " + sale.orderId() + "; reporting a batch item failure",
                        redisFailure);
                failures.add(StreamsEventResponse.BatchItemFailure.builder()
                        .withItemIdentifier(record.getDynamodb().getSequenceNumber()).build());
                break;
            }
        }
        boolean coldStart = !served;
        served = true;
        telemetry.requestLog().streamBatch(context == null ? null : context.getAwsRequestId(), records.size(), applied,
                skipped, failures.size(), (System.nanoTime() - started) / 1_000_000, coldStart);
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    /** How far behind the consumer is: the newest record's creation time (whole seconds in DynamoDB streams). */
    private void recordNewestAge(List<DynamodbEvent.DynamodbStreamRecord> records) {
        records.stream()
                .map(DynamodbEvent.DynamodbStreamRecord::getDynamodb)
                .filter(change -> change != null && change.getApproximateCreationDateTime() != null)
                .mapToLong(change -> change.getApproximateCreationDateTime().getTime())
                .max()
                .ifPresent(newest -> metrics.record(BookstoreMetric.STREAM_RECORD_AGE,
                        Math.max(0, clock.millis() - newest)));
    }

    /** SnapStart: load the Redis client classes before the snapshot, and take no open socket into it. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        try {
            leaderboard.ping();
            leaderboard.top(1);
        } catch (RuntimeException ignored) {
            // priming is best effort: Redis may not be reachable while the snapshot is taken
        }
        redis.getPool().clear();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // connections are opened lazily after restore
    }
}
