package com.bookstore.testing;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.bookstore.bestsellers.StreamRecordEvents;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * Reads the Orders table's stream on moto with the DynamoDB Streams API (DescribeStream, GetShardIterator,
 * GetRecords) and hands the records over as the DynamodbEvent Lambda's event source mapping would deliver.
 */
public final class OrderStream {

    private final Engines engines;
    private final String streamArn;

    public OrderStream(Engines engines, String ordersTable) {
        this.engines = engines;
        this.streamArn = engines.dynamo().describeTable(r -> r.tableName(ordersTable)).table().latestStreamArn();
        if (streamArn == null) {
            throw new IllegalStateException(ordersTable + " has no stream");
        }
    }

    /** Every record in the stream so far, oldest first. */
    public List<Record> records() {
        List<Record> records = new ArrayList<>();
        var shards = engines.streams().describeStream(r -> r.streamArn(streamArn)).streamDescription().shards();
        for (var shard : shards) {
            String iterator = engines.streams().getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                var page = engines.streams().getRecords(builder(iterator));
                records.addAll(page.records());
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return records;
    }

    private static software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest builder(String iterator) {
        return software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest.builder().shardIterator(iterator).build();
    }

    public DynamodbEvent asEvent(List<Record> records) {
        return StreamRecordEvents.toEvent(records, streamArn);
    }
}
