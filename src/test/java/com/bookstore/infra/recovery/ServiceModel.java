package com.bookstore.infra.recovery;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * An AWS service's published API model, as botocore ships it ({@code botocore/data/<service>/<version>/service-2.json.gz}
 * in the project's {@code .venv}, pinned in scripts/python-requirements.txt), used to check a request the program
 * renders: required members, unknown members, types, enums, lengths, ranges, patterns and unions (exactly one
 * member set), the rules the service itself applies to its input.
 */
public final class ServiceModel {

    private final JsonObject operations;
    private final JsonObject shapes;

    private ServiceModel(JsonObject model) {
        this.operations = model.getAsJsonObject("operations");
        this.shapes = model.getAsJsonObject("shapes");
    }

    /** The model of {@code service} in the project's virtual environment; fails with what to run when it is missing. */
    public static ServiceModel botocore(String service) {
        Path venvLib = Path.of(".venv", "lib");
        try (Stream<Path> files = Files.exists(venvLib) ? Files.walk(venvLib) : Stream.empty()) {
            Path model = files.filter(p -> p.endsWith("service-2.json.gz")
                            && p.getParent().getParent().getFileName().toString().equals(service)
                            && p.toString().contains("botocore"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no botocore model of " + service + " under "
                            + venvLib.toAbsolutePath() + ": run scripts/bootstrap.sh moto (make infra-test does)"));
            try (var reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(model)), StandardCharsets.UTF_8)) {
                return new ServiceModel(JsonParser.parseReader(reader).getAsJsonObject());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shape an operation takes as input. */
    public String inputOf(String operation) {
        return operations.getAsJsonObject(operation).getAsJsonObject("input").get("shape").getAsString();
    }

    /** The shape an operation answers with. */
    String outputOf(String operation) {
        return operations.getAsJsonObject(operation).getAsJsonObject("output").get("shape").getAsString();
    }

    /** Whether {@code shapeName} is one of the service's error shapes. */
    boolean isError(String shapeName) {
        JsonObject shape = shapes.getAsJsonObject(shapeName);
        return shape != null && shape.has("exception") && shape.get("exception").getAsBoolean();
    }

    /** The HTTP status the model gives an error shape. */
    int httpStatus(String errorShape) {
        return shapes.getAsJsonObject(errorShape).getAsJsonObject("error").get("httpStatusCode").getAsInt();
    }

    /** Every way {@code value} breaks shape {@code shapeName}, each as {@code path: problem}; empty when it conforms. */
    public List<String> problems(String shapeName, JsonElement value) {
        List<String> problems = new ArrayList<>();
        check(shapeName, value, "$", problems);
        return problems;
    }

    /** The values of an enum shape. */
    Set<String> enumValues(String shapeName) {
        JsonArray values = shapes.getAsJsonObject(shapeName).getAsJsonArray("enum");
        Set<String> result = new java.util.LinkedHashSet<>();
        values.forEach(v -> result.add(v.getAsString()));
        return result;
    }

    private void check(String shapeName, JsonElement value, String path, List<String> problems) {
        JsonObject shape = shapes.getAsJsonObject(shapeName);
        String type = shape.get("type").getAsString();
        switch (type) {
            case "structure" -> structure(shapeName, shape, value, path, problems);
            case "list" -> {
                if (!value.isJsonArray()) {
                    problems.add(path + ": expected a list (" + shapeName + ")");
                    return;
                }
                JsonArray items = value.getAsJsonArray();
                range(shape, items.size(), path, "items", problems);
                String member = shape.getAsJsonObject("member").get("shape").getAsString();
                for (int i = 0; i < items.size(); i++) {
                    check(member, items.get(i), path + "[" + i + "]", problems);
                }
            }
            case "map" -> {
                if (!value.isJsonObject()) {
                    problems.add(path + ": expected a map (" + shapeName + ")");
                    return;
                }
                String keyShape = shape.getAsJsonObject("key").get("shape").getAsString();
                String valueShape = shape.getAsJsonObject("value").get("shape").getAsString();
                range(shape, value.getAsJsonObject().size(), path, "entries", problems);
                value.getAsJsonObject().entrySet().forEach(e -> {
                    check(keyShape, new com.google.gson.JsonPrimitive(e.getKey()), path + ".<key " + e.getKey() + ">", problems);
                    check(valueShape, e.getValue(), path + "." + e.getKey(), problems);
                });
            }
            case "string" -> {
                if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                    problems.add(path + ": expected a string (" + shapeName + ")");
                    return;
                }
                String text = value.getAsString();
                range(shape, text.length(), path, "characters", problems);
                if (shape.has("enum") && !enumValues(shapeName).contains(text)) {
                    problems.add(path + ": '" + text + "' is not one of " + enumValues(shapeName) + " (" + shapeName + ")");
                }
                // Smithy patterns are not anchored: a value conforms when the pattern matches somewhere in it.
                if (shape.has("pattern") && !Pattern.compile(shape.get("pattern").getAsString()).matcher(text).find()) {
                    problems.add(path + ": '" + text + "' does not match " + shape.get("pattern").getAsString()
                            + " (" + shapeName + ")");
                }
            }
            case "integer", "long" -> {
                if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()
                        || value.getAsDouble() != Math.rint(value.getAsDouble())) {
                    problems.add(path + ": expected a whole number (" + shapeName + ")");
                    return;
                }
                range(shape, value.getAsLong(), path, "", problems);
            }
            case "float", "double" -> {
                if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
                    problems.add(path + ": expected a number (" + shapeName + ")");
                }
            }
            case "timestamp" -> {
                // The JSON protocols carry timestamps as epoch seconds.
                if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
                    problems.add(path + ": expected epoch seconds (" + shapeName + ")");
                }
            }
            case "boolean" -> {
                if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
                    problems.add(path + ": expected true or false (" + shapeName + ")");
                }
            }
            default -> problems.add(path + ": shape type " + type + " is not checked by this validator");
        }
    }

    private void structure(String shapeName, JsonObject shape, JsonElement value, String path, List<String> problems) {
        if (!value.isJsonObject()) {
            problems.add(path + ": expected a structure (" + shapeName + ")");
            return;
        }
        JsonObject object = value.getAsJsonObject();
        JsonObject members = shape.getAsJsonObject("members");
        for (String key : object.keySet()) {
            if (!members.has(key)) {
                problems.add(path + ": unknown member '" + key + "' (" + shapeName + " has " + members.keySet() + ")");
            }
        }
        if (shape.has("required")) {
            for (JsonElement required : shape.getAsJsonArray("required")) {
                if (!object.has(required.getAsString()) || object.get(required.getAsString()).isJsonNull()) {
                    problems.add(path + ": missing required member '" + required.getAsString() + "' (" + shapeName + ")");
                }
            }
        }
        if (shape.has("union") && shape.get("union").getAsBoolean() && object.size() != 1) {
            problems.add(path + ": a union (" + shapeName + ") sets exactly one member, got " + object.keySet());
        }
        for (String key : object.keySet()) {
            if (members.has(key) && !object.get(key).isJsonNull()) {
                check(members.getAsJsonObject(key).get("shape").getAsString(), object.get(key), path + "." + key, problems);
            }
        }
    }

    private static void range(JsonObject shape, long actual, String path, String unit, List<String> problems) {
        String what = unit.isEmpty() ? String.valueOf(actual) : actual + " " + unit;
        if (shape.has("min") && actual < shape.get("min").getAsLong()) {
            problems.add(path + ": " + what + ", fewer than the minimum " + shape.get("min").getAsLong());
        }
        if (shape.has("max") && actual > shape.get("max").getAsLong()) {
            problems.add(path + ": " + what + ", more than the maximum " + shape.get("max").getAsLong());
        }
    }
}
