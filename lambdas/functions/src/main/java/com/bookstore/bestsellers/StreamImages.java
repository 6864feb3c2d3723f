package com.bookstore.bestsellers;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an Orders stream record as an {@link OrderSale}: INSERT and MODIFY carry the order's new image
 * (a CANCELLED order sells nothing), REMOVE means the order no longer counts.
 */
final class StreamImages {

    private StreamImages() {
    }

    /** @throws IllegalArgumentException for a record that can never be applied (not an order image) */
    static OrderSale sale(DynamodbEvent.DynamodbStreamRecord record) {
        var change = record.getDynamodb();
        if (change == null) {
            throw new IllegalArgumentException("record " + record.getEventID() + " has no dynamodb section");
        }
        String orderId = text(change.getKeys(), "orderId");
        String sequence = change.getSequenceNumber();
        long createdAt = change.getApproximateCreationDateTime() == null ? OrderSale.UNKNOWN_TIME
                : change.getApproximateCreationDateTime().toInstant().getEpochSecond();
        String event = record.getEventName();
        if ("REMOVE".equals(event)) {
            return new OrderSale(orderId, sequence, createdAt, Map.of());
        }
        if (!"INSERT".equals(event) && !"MODIFY".equals(event)) {
            throw new IllegalArgumentException("unknown event " + event);
        }
        Map<String, AttributeValue> image = change.getNewImage();
        if (image == null) {
            throw new IllegalArgumentException("record " + record.getEventID() + " has no new image (stream view type?)");
        }
        if ("CANCELLED".equals(text(image, "status"))) {
            return new OrderSale(orderId, sequence, createdAt, Map.of());
        }
        Map<String, Integer> copies = new HashMap<>();
        List<AttributeValue> lines = image.get("lines") == null ? null : image.get("lines").getL();
        if (lines == null) {
            throw new IllegalArgumentException("order " + orderId + " has no lines");
        }
        for (AttributeValue line : lines) {
            String book = text(line.getM(), "bookId");
            copies.merge(book, Integer.parseInt(text(line.getM(), "quantity", true)), Integer::sum);
        }
        return new OrderSale(orderId, sequence, createdAt, copies);
    }

    private static String text(Map<String, AttributeValue> map, String name) {
        return text(map, name, false);
    }

    private static String text(Map<String, AttributeValue> map, String name, boolean number) {
        AttributeValue value = map == null ? null : map.get(name);
        String text = value == null ? null : number ? value.getN() : value.getS();
        if (text == null) {
            throw new IllegalArgumentException("missing attribute " + name);
        }
        return text;
    }
}
