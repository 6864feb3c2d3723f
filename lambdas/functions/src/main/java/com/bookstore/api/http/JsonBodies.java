package com.bookstore.api.http;

import com.bookstore.api.errors.BookstoreException;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import java.math.BigDecimal;

/**
 * Reads request bodies field by field (types and ranges are checked here, not trusted to reflection)
 * and writes responses with one Gson instance.
 */
public final class JsonBodies {

    /** Nulls are written (a {@code nextCursor: null} says "no more pages" explicitly). */
    public static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private JsonBodies() {
    }

    public static String write(Object body) {
        return GSON.toJson(body);
    }

    /** The body as a JSON object, or a 400 naming what is wrong with it. */
    public static JsonObject object(HttpRequest request) {
        String body = request.body();
        if (body == null || body.isBlank()) {
            throw BookstoreException.invalid("missing_body", "a JSON object body is required");
        }
        JsonElement parsed;
        try {
            var reader = new com.google.gson.stream.JsonReader(new java.io.StringReader(body));
            reader.setStrictness(Strictness.STRICT);
            parsed = JsonParser.parseReader(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new JsonParseException("data after the JSON value");
            }
        } catch (JsonParseException | java.io.IOException | StackOverflowError e) {
            throw BookstoreException.invalid("malformed_json", "the body is not valid JSON");
        }
        if (!parsed.isJsonObject()) {
            throw BookstoreException.invalid("malformed_json", "the body must be a JSON object");
        }
        return parsed.getAsJsonObject();
    }

    public static String requiredString(JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw BookstoreException.invalid("invalid_" + snake(field), "'" + field + "' must be a string");
        }
        return value.getAsString();
    }

    /** A whole number: 3 or 3.0 are accepted, "3", 3.5, true and 1e40 are not. */
    public static long requiredWholeNumber(JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null || !value.isJsonPrimitive() || !((JsonPrimitive) value).isNumber()) {
            throw BookstoreException.invalid("invalid_" + snake(field), "'" + field + "' must be a whole number");
        }
        try {
            return new BigDecimal(value.getAsString()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw BookstoreException.invalid("invalid_" + snake(field), "'" + field + "' must be a whole number");
        }
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
