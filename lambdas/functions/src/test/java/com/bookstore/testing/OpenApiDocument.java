package com.bookstore.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The shipped {@code openapi.yaml} (read from the jar's classpath, as deployed), for tests that hold the
 * handler to what the document promises.
 */
public final class OpenApiDocument {

    private final Map<String, Object> spec;

    private OpenApiDocument(Map<String, Object> spec) {
        this.spec = spec;
    }

    public static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi.yaml")) {
            return new OpenApiDocument(new Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> paths() {
        return (Map<String, Map<String, Object>>) spec.get("paths");
    }

    /** Whether the operation declares a response with this status, e.g. {@code ("post", "/orders", 409)}. */
    public boolean declares(String method, String path, int status) {
        return map(map(paths().get(path), method), "responses").containsKey(Integer.toString(status));
    }

    /** A schema of {@code components.schemas}. */
    public StringSchema componentSchema(String name) {
        return new StringSchema(map(map(map(spec, "components"), "schemas"), name));
    }

    /** The schema of a parameter declared on an operation, e.g. {@code ("post", "/orders", "Idempotency-Key")}. */
    @SuppressWarnings("unchecked")
    public StringSchema parameterSchema(String method, String path, String parameter) {
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) map(paths().get(path), method).get("parameters");
        return new StringSchema(map(parameters.stream().filter(p -> parameter.equals(p.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no parameter " + parameter + " on " + method + " " + path)), "schema"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        if (!(child instanceof Map)) {
            throw new AssertionError("openapi.yaml has no object at " + key);
        }
        return (Map<String, Object>) child;
    }

    /**
     * A string schema's constraints as a client or schemathesis reads them. The patterns are ECMA 262; the
     * ones this document uses ({@code ^[...]+$} with {@code \xHH} ranges) mean the same in Java.
     */
    public record StringSchema(Map<String, Object> schema) {

        public boolean accepts(String value) {
            Object min = schema.get("minLength");
            Object max = schema.get("maxLength");
            Object pattern = schema.get("pattern");
            return (min == null || value.length() >= ((Number) min).intValue())
                    && (max == null || value.length() <= ((Number) max).intValue())
                    && (pattern == null || Pattern.compile((String) pattern).matcher(value).find());
        }
    }
}
