package com.bookstore.bestsellers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.bookstore.testing.Engines;
import com.bookstore.testing.LocalEngines;
import com.bookstore.testing.OrderStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The event the local poller and the tests hand the stream consumer, built from real stream records read from
 * moto: every field Lambda's event source mapping fills, and every attribute type, arrives as in the record, so
 * what the consumer sees locally is what it would see on AWS.
 */
@ExtendWith(LocalEngines.class)
class StreamRecordEventsIT {

    private static final byte[] BYTES = "cover".getBytes(StandardCharsets.UTF_8);

    @Test
    void everyFieldOfTheRecordsAndEveryAttributeTypeReachTheEvent(Engines engines) {
        String table = "stream-events-" + UUID.randomUUID();
        engines.dynamo().createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        Map<String, AttributeValue> item = Map.of(
                "id", AttributeValue.fromS("a"),
                "count", AttributeValue.fromN("3"),
                "cover", AttributeValue.fromB(SdkBytes.fromByteArray(BYTES)),
                "tags", AttributeValue.fromSs(List.of("x", "y")),
                "sizes", AttributeValue.fromNs(List.of("1", "2")),
                "blobs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(BYTES))),
                "line", AttributeValue.fromM(Map.of("bookId", AttributeValue.fromS("b-1"))),
                "lines", AttributeValue.fromL(List.of(AttributeValue.fromN("7"))),
                "gift", AttributeValue.fromBool(true),
                "note", AttributeValue.fromNul(true));
        engines.dynamo().putItem(r -> r.tableName(table).item(item));
        engines.dynamo().updateItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS("a")))
                .updateExpression("SET #c = :four").expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":four", AttributeValue.fromN("4"))));
        OrderStream stream = new OrderStream(engines, table);
        List<Record> records = stream.records();
        String streamArn = engines.dynamo().describeTable(r -> r.tableName(table)).table().latestStreamArn();

        DynamodbEvent event = stream.asEvent(records);

        assertEquals(2, event.getRecords().size());
        for (int i = 0; i < records.size(); i++) {
            Record record = records.get(i);
            DynamodbEvent.DynamodbStreamRecord converted = event.getRecords().get(i);
            assertNotNull(record.eventID());
            assertEquals(record.eventID(), converted.getEventID());
            assertEquals(record.eventNameAsString(), converted.getEventName());
            assertEquals(record.eventVersion(), converted.getEventVersion());
            assertEquals("aws:dynamodb", converted.getEventSource());
            // moto 5.2.5 stamps its stream records "us-east-1" whatever the client's region: compared, not assumed.
            assertNotNull(record.awsRegion());
            assertEquals(record.awsRegion(), converted.getAwsRegion());
            assertEquals(streamArn, converted.getEventSourceARN());
            StreamRecord change = converted.getDynamodb();
            assertEquals(record.dynamodb().sequenceNumber(), change.getSequenceNumber());
            assertEquals(record.dynamodb().sizeBytes(), change.getSizeBytes());
            assertTrue(change.getSizeBytes() > 0);
            assertEquals("NEW_AND_OLD_IMAGES", change.getStreamViewType());
            assertEquals("a", change.getKeys().get("id").getS());
        }
        StreamRecord insert = event.getRecords().get(0).getDynamodb();
        StreamRecord modify = event.getRecords().get(1).getDynamodb();
        assertEquals(List.of("INSERT", "MODIFY"), event.getRecords().stream().map(DynamodbEvent.DynamodbStreamRecord::getEventName).toList());
        assertNull(insert.getOldImage(), "an INSERT has no old image");
        assertEquals("3", modify.getOldImage().get("count").getN());
        assertEquals("4", modify.getNewImage().get("count").getN());

        var image = insert.getNewImage();
        assertEquals("a", image.get("id").getS());
        assertArrayEquals(BYTES, bytes(image.get("cover").getB()));
        assertEquals(List.of("x", "y"), image.get("tags").getSS().stream().sorted().toList());
        assertEquals(List.of("1", "2"), image.get("sizes").getNS().stream().sorted().toList());
        assertArrayEquals(BYTES, bytes(image.get("blobs").getBS().get(0)));
        assertEquals("b-1", image.get("line").getM().get("bookId").getS());
        assertEquals("7", image.get("lines").getL().get(0).getN());
        assertEquals(Boolean.TRUE, image.get("gift").getBOOL());
        assertEquals(Boolean.TRUE, image.get("note").getNULL());
        assertNull(image.get("gift").getNULL(), "each attribute carries only its own type");
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
