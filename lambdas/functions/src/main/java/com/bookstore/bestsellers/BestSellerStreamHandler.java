package com.bookstore.bestsellers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.bookstore.platform.Environment;
import com.bookstore.platform.RedisClients;
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

    public BestSellerStreamHandler() {
        this(RedisClients.pooled(Environment.required("REDIS_URL")));
    }

    public BestSellerStreamHandler(JedisPooled redis) {
        this.redis = redis;
        this.leaderboard = new Leaderboard(redis);
        Core.getGlobalContext().register(this);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
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
                leaderboard.record(sale);
            } catch (RuntimeException redisFailure) {
                LOG.log(Level.WARNING, "could not record order " + sale.orderId() + "; reporting a batch item failure",
                        redisFailure);
                failures.add(StreamsEventResponse.BatchItemFailure.builder()
                        .withItemIdentifier(record.getDynamodb().getSequenceNumber()).build());
                break;
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
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
