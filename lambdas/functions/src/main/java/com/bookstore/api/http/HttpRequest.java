package com.bookstore.api.http;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An API request as the domain routes see it, free of API Gateway types. Header names are lower case
 * (as HTTP API delivers them); {@code customerId} is the verified JWT subject, absent for anonymous calls.
 */
public record HttpRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
        String body, Optional<String> customerId) {

    public HttpRequest {
        method = method.toUpperCase(Locale.ROOT);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
