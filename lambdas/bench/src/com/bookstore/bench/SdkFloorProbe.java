package com.bookstore.bench;

import com.bookstore.platform.AwsClients;
import com.bookstore.platform.AwsSettings;
import com.bookstore.platform.TableNames;

/**
 * The floor under any Java function that reads DynamoDB with this SDK setup: a fresh JVM builds the same
 * DynamoDbClient as the handler (HTTP client with its TLS context, credentials, region) and does the Scan
 * a {@code GET /books} does, with no handler, router or JSON around it. Exits non-zero without items.
 */
public final class SdkFloorProbe {

    private SdkFloorProbe() {
    }

    public static void main(String[] args) {
        String books = TableNames.from(System.getenv()).books();
        try (var dynamo = AwsClients.dynamoDb(AwsSettings.from(System.getenv()))) {
            int items = dynamo.scan(r -> r.tableName(books).limit(20)).count();
            System.exit(items > 0 ? 0 : 1);
        }
    }
}
