package com.bookstore.local.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP API route: {@code GET /books/{id}}. {@code routeKey} is what API Gateway puts in the event;
 * {@code requiresJwt} says whether the route has the JWT authorizer attached.
 */
public record ApiRoute(String method, String pathTemplate, boolean requiresJwt) {

    public String routeKey() {
        return method + " " + pathTemplate;
    }

    /** The path parameters if this route matches, e.g. {@code {id=42}}; empty if it does not. */
    public Optional<Map<String, String>> match(String method, List<String> decodedSegments) {
        if (!this.method.equals(method)) {
            return Optional.empty();
        }
        List<String> template = segments(pathTemplate);
        if (template.size() != decodedSegments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String expected = template.get(i);
            String actual = decodedSegments.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (actual.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }
}
