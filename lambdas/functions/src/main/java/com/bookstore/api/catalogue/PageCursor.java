package com.bookstore.api.catalogue;

import com.bookstore.api.errors.BookstoreException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The opaque {@code cursor} of GET /books: DynamoDB's LastEvaluatedKey (string attributes only, which is
 * all the Books keys are) as URL-safe base64 JSON without padding. A cursor that does not decode is a 400,
 * never a 500. openapi.yaml ({@code PageCursor}) states the same shape and bound.
 * <p>
 * The decoded key must have exactly the shape the API hands out: {@code {"id"}} for the Scan, and
 * {@code {"id","category"}} with the requested category for the index Query (a Query's
 * ExclusiveStartKey carries the table key and the index key). Any other attribute would reach DynamoDB
 * as an invalid ExclusiveStartKey, whose ValidationException is a 503, not the 400 openapi.yaml promises.
 */
final class PageCursor {

    /** Far above what a Books key encodes to (an id and a category), far below any URL limit. */
    static final int MAX_LENGTH = 1024;

    private PageCursor() {
    }

    static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        JsonObject json = new JsonObject();
        lastEvaluatedKey.forEach((name, value) -> json.addProperty(name, value.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decode(String cursor, Optional<String> category) {
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("cursor too long");
            }
            String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            JsonObject object = JsonParser.parseString(json).getAsJsonObject();
            Set<String> expected = category.isPresent() ? Set.of("id", "category") : Set.of("id");
            if (!object.keySet().equals(expected)) {
                throw new IllegalArgumentException("cursor is not a key of this listing");
            }
            Map<String, AttributeValue> key = new HashMap<>();
            for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
                if (!entry.getValue().isJsonPrimitive() || !entry.getValue().getAsJsonPrimitive().isString()) {
                    throw new IllegalArgumentException("key attribute is not a string");
                }
                key.put(entry.getKey(), AttributeValue.fromS(entry.getValue().getAsString()));
            }
            if (!BookIds.isPlausible(key.get("id").s())
                    || category.isPresent() && !category.get().equals(key.get("category").s())) {
                throw new IllegalArgumentException("cursor does not belong to this listing");
            }
            return key;
        } catch (RuntimeException e) {
            throw BookstoreException.invalid("invalid_cursor", "the cursor is not one this API handed out");
        }
    }
}
