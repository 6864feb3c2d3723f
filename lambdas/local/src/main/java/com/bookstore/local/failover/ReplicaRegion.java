package com.bookstore.local.failover;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** One region's tables as the replicator sees them: its DynamoDB and its DynamoDB Streams. */
public record ReplicaRegion(String name, DynamoDbClient dynamoDb, DynamoDbStreamsClient streams) {}
