package com.bookstore.bestsellers;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Builds the {@link DynamodbEvent} an event source mapping would deliver from records read with the
 * DynamoDB Streams API (GetRecords). On AWS Lambda's poller does this; the local stream poller and the
 * integration tests use this class to feed the consumer real stream records from moto.
 */
public final class StreamRecordEvents {

    private StreamRecordEvents() {
    }

    public static DynamodbEvent toEvent(List<Record> records, String streamArn) {
        List<DynamodbEvent.DynamodbStreamRecord> converted = new ArrayList<>();
        for (Record record : records) {
            var event = new DynamodbEvent.DynamodbStreamRecord();
            event.setEventID(record.eventID());
            event.setEventName(record.eventNameAsString());
            event.setEventVersion(record.eventVersion());
            event.setEventSource(record.eventSource());
            event.setAwsRegion(record.awsRegion());
            event.setEventSourceARN(streamArn);
            var change = record.dynamodb();
            var stream = new StreamRecord();
            stream.setKeys(image(change.keys()));
            stream.setNewImage(change.hasNewImage() ? image(change.newImage()) : null);
            stream.setOldImage(change.hasOldImage() ? image(change.oldImage()) : null);
            stream.setSequenceNumber(change.sequenceNumber());
            stream.setSizeBytes(change.sizeBytes());
            if (change.streamViewType() != null && change.streamViewType() != software.amazon.awssdk.services.dynamodb.model.StreamViewType.UNKNOWN_TO_SDK_VERSION) {
                stream.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(change.streamViewType().toString()));
            }
            if (change.approximateCreationDateTime() != null) {
                stream.setApproximateCreationDateTime(Date.from(change.approximateCreationDateTime()));
            }
            event.setDynamodb(stream);
            converted.add(event);
        }
        var event = new DynamodbEvent();
        event.setRecords(converted);
        return event;
    }

    private static Map<String, AttributeValue> image(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        Map<String, AttributeValue> converted = new LinkedHashMap<>();
        item.forEach((name, value) -> converted.put(name, value(value)));
        return converted;
    }

    private static AttributeValue value(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        var converted = new AttributeValue();
        switch (value.type()) {
            case S -> converted.setS(value.s());
            case N -> converted.setN(value.n());
            case B -> converted.setB(value.b().asByteBuffer());
            case SS -> converted.setSS(value.ss());
            case NS -> converted.setNS(value.ns());
            case BS -> converted.setBS(value.bs().stream().map(b -> b.asByteBuffer()).toList());
            case M -> converted.setM(image(value.m()));
            case L -> converted.setL(value.l().stream().map(StreamRecordEvents::value).toList());
            case BOOL -> converted.setBOOL(value.bool());
            case NUL -> converted.setNULL(Boolean.TRUE);
            default -> throw new IllegalArgumentException("unsupported attribute type " + value.type());
        }
        return converted;
    }
}
