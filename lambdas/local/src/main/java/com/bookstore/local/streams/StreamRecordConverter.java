package com.bookstore.local.streams;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Turns records read with the DynamoDB Streams API (SDK v2 model) into the records of the
 * {@link DynamodbEvent} Lambda's event source mapping delivers, including the stream ARN it adds.
 */
final class StreamRecordConverter {
    private final String streamArn;
    private final String region;

    StreamRecordConverter(String streamArn, String region) {
        this.streamArn = streamArn;
        this.region = region;
    }

    DynamodbEvent event(List<Record> records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records.stream().map(this::record).toList());
        return event;
    }

    DynamodbEvent.DynamodbStreamRecord record(Record source) {
        var stream = source.dynamodb();
        StreamRecord data = new StreamRecord()
                .withSequenceNumber(stream.sequenceNumber())
                .withSizeBytes(stream.sizeBytes())
                .withStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(stream.streamViewTypeAsString()))
                .withKeys(image(stream.keys()));
        if (stream.approximateCreationDateTime() != null) {
            data.setApproximateCreationDateTime(Date.from(stream.approximateCreationDateTime()));
        }
        if (stream.hasNewImage()) {
            data.setNewImage(image(stream.newImage()));
        }
        if (stream.hasOldImage()) {
            data.setOldImage(image(stream.oldImage()));
        }
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventSourceARN(streamArn);
        record.withEventID(source.eventID())
                .withEventName(source.eventNameAsString())
                .withEventVersion(source.eventVersion())
                .withEventSource(source.eventSource())
                // moto reports every stream record as us-east-1; Lambda reports the table's region.
                .withAwsRegion(region)
                .withDynamodb(data);
        return record;
    }

    private static Map<String, AttributeValue> image(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image) {
        Map<String, AttributeValue> converted = new LinkedHashMap<>();
        image.forEach((name, value) -> converted.put(name, value(value)));
        return converted;
    }

    static AttributeValue value(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        AttributeValue converted = new AttributeValue();
        switch (value.type()) {
            case S -> converted.setS(value.s());
            case N -> converted.setN(value.n());
            case B -> converted.setB(bytes(value.b()));
            case SS -> converted.setSS(value.ss());
            case NS -> converted.setNS(value.ns());
            case BS -> converted.setBS(value.bs().stream().map(StreamRecordConverter::bytes).toList());
            case M -> converted.setM(image(value.m()));
            case L -> converted.setL(value.l().stream().map(StreamRecordConverter::value).toList());
            case BOOL -> converted.setBOOL(value.bool());
            case NUL -> converted.setNULL(value.nul());
            default -> throw new IllegalArgumentException("unknown attribute type in stream record: " + value);
        }
        return converted;
    }

    private static ByteBuffer bytes(SdkBytes bytes) {
        return ByteBuffer.wrap(bytes.asByteArray());
    }
}
