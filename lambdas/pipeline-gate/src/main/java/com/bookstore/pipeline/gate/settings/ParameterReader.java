package com.bookstore.pipeline.gate.settings;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of one JSON object of the user parameters. Every error names the full path of the field, so a
 * mistyped pipeline definition fails with a message that says what to fix.
 */
final class ParameterReader {
    private final JsonObject object;
    private final String path;

    ParameterReader(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    String requiredString(String name) {
        return optionalString(name).orElseThrow(() -> missing(name));
    }

    Optional<String> optionalString(String name) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (!(value instanceof JsonPrimitive primitive) || !primitive.isString() || primitive.getAsString().isBlank()) {
            throw new InvalidSettingsException(fieldPath(name) + " must be a non-empty string");
        }
        return Optional.of(primitive.getAsString());
    }

    long positiveLong(String name, long defaultValue) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return defaultValue;
        }
        if (!(value instanceof JsonPrimitive primitive) || !primitive.isNumber() || primitive.getAsDouble() <= 0
                || primitive.getAsDouble() != Math.rint(primitive.getAsDouble())) {
            throw new InvalidSettingsException(fieldPath(name) + " must be a positive whole number");
        }
        return primitive.getAsLong();
    }

    boolean bool(String name, boolean defaultValue) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return defaultValue;
        }
        if (!(value instanceof JsonPrimitive primitive) || !primitive.isBoolean()) {
            throw new InvalidSettingsException(fieldPath(name) + " must be true or false");
        }
        return primitive.getAsBoolean();
    }

    Optional<ParameterReader> optionalObject(String name) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            return Optional.empty();
        }
        if (!value.isJsonObject()) {
            throw new InvalidSettingsException(fieldPath(name) + " must be an object");
        }
        return Optional.of(new ParameterReader(value.getAsJsonObject(), fieldPath(name)));
    }

    List<String> nonEmptyStrings(String name) {
        List<String> strings = new ArrayList<>();
        JsonArray array = nonEmptyArray(name);
        for (int i = 0; i < array.size(); i++) {
            JsonElement item = array.get(i);
            if (!(item instanceof JsonPrimitive primitive) || !primitive.isString() || primitive.getAsString().isBlank()) {
                throw new InvalidSettingsException(fieldPath(name) + "[" + i + "] must be a non-empty string");
            }
            strings.add(primitive.getAsString());
        }
        return strings;
    }

    List<ParameterReader> nonEmptyObjects(String name) {
        List<ParameterReader> readers = new ArrayList<>();
        JsonArray array = nonEmptyArray(name);
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isJsonObject()) {
                throw new InvalidSettingsException(fieldPath(name) + "[" + i + "] must be an object");
            }
            readers.add(new ParameterReader(array.get(i).getAsJsonObject(), fieldPath(name) + "[" + i + "]"));
        }
        return readers;
    }

    private JsonArray nonEmptyArray(String name) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            throw missing(name);
        }
        if (!value.isJsonArray() || value.getAsJsonArray().isEmpty()) {
            throw new InvalidSettingsException(fieldPath(name) + " must be a non-empty array");
        }
        return value.getAsJsonArray();
    }

    private InvalidSettingsException missing(String name) {
        return new InvalidSettingsException(fieldPath(name) + " is required");
    }

    private String fieldPath(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
