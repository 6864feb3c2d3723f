package com.bookstore.contract;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route path such as {@code /cart/{bookId}}: matches raw request paths segment by segment, a placeholder takes one
 * non-empty URL-decoded segment. The functions' router and the local gateway match with this one class.
 */
public final class PathTemplate {

    private final String template;
    private final List<String> segments;

    public PathTemplate(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("path template must start with '/': " + template);
        }
        this.template = template;
        this.segments = split(template);
    }

    public String template() {
        return template;
    }

    /** The placeholder values when {@code rawPath} fits this template. */
    public Optional<Map<String, String>> match(String rawPath) {
        List<String> actual = split(rawPath);
        if (actual.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            String given = actual.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                String value = decode(given);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                values.put(expected.substring(1, expected.length() - 1), value);
            } else if (!expected.equals(given)) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    private static List<String> split(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.equals("/") || trimmed.isEmpty()) {
            return List.of();
        }
        return List.of(trimmed.substring(1).split("/", -1));
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return "";
        }
    }
}
