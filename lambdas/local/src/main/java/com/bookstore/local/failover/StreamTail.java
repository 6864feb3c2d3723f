package com.bookstore.local.failover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Follows one table's stream from its oldest record: every call to {@link #poll()} returns the records
 * written since the last call, shard by shard (a parent shard before its children, as the shards are
 * listed). Not thread-safe: one replicator thread owns it.
 */
final class StreamTail {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    /** Open iterator per shard; null once a shard is closed and drained. */
    private final Map<String, String> iterators = new LinkedHashMap<>();

    StreamTail(DynamoDbStreamsClient streams, String streamArn) {
        this.streams = streams;
        this.streamArn = streamArn;
    }

    List<Record> poll() {
        discoverShards();
        List<Record> records = new ArrayList<>();
        for (Map.Entry<String, String> shard : iterators.entrySet()) {
            String iterator = shard.getValue();
            while (iterator != null) {
                GetRecordsResponse page = streams.getRecords(GetRecordsRequest.builder().shardIterator(iterator).limit(1000).build());
                records.addAll(page.records());
                iterator = page.nextShardIterator();
                if (page.records().isEmpty()) {
                    break;
                }
            }
            shard.setValue(iterator);
        }
        return records;
    }

    private void discoverShards() {
        for (Shard shard : streams.describeStream(DescribeStreamRequest.builder().streamArn(streamArn).build())
                .streamDescription().shards()) {
            if (!iterators.containsKey(shard.shardId())) {
                iterators.put(shard.shardId(), streams.getShardIterator(GetShardIteratorRequest.builder()
                        .streamArn(streamArn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON).build()).shardIterator());
            }
        }
    }
}
