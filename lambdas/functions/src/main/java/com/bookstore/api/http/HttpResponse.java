package com.bookstore.api.http;

import java.util.Map;

/** A status, a body to render as JSON, and extra headers (the adapter adds the common ones). */
public record HttpResponse(int status, Object body, Map<String, String> headers) {

    public HttpResponse {
        headers = Map.copyOf(headers);
    }

    public static HttpResponse ok(Object body) {
        return new HttpResponse(200, body, Map.of());
    }

    public static HttpResponse created(Object body) {
        return new HttpResponse(201, body, Map.of());
    }

    public static HttpResponse of(int status, Object body) {
        return new HttpResponse(status, body, Map.of());
    }
}
