package com.bookstore.ops.drill;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The bookstore's HTTP API as a shopper calls it, at one base URL (the front door, or one region's
 * API directly). Never throws for a failed call: a refused connection or a timeout is an answer with
 * status 0, which is what the drill needs to count.
 */
public final class ShopperClient {

    /** What came back: status (0 = no answer), the serving region ({@code X-Bookstore-Region}) and the body. */
    public record Answer(int status, String region, String body) {
        public boolean succeeded() {
            return status >= 200 && status < 300;
        }

        /** The body as JSON, if it is JSON. */
        public Optional<JsonElement> json() {
            try {
                return body == null || body.isBlank() ? Optional.empty() : Optional.of(JsonParser.parseString(body));
            } catch (JsonSyntaxException e) {
                return Optional.empty();
            }
        }
    }

    public static final String REGION_HEADER = "X-Bookstore-Region";

    private final String base;
    private final HttpClient http;
    private final Duration timeout;

    /** @param base the API's base URL, e.g. {@code http://127.0.0.1:8080/api} */
    public ShopperClient(URI base, HttpClient http, Duration timeout) {
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.http = http;
        this.timeout = timeout;
    }

    public String base() {
        return base;
    }

    public Answer get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Answer post(String path, String token, String jsonBody, Map<String, String> headers) {
        return send("POST", path, token, jsonBody, headers);
    }

    public Answer send(String method, String path, String token, String jsonBody, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.headers().firstValue(REGION_HEADER).orElse(null), answer.body());
        } catch (IOException e) {
            return new Answer(0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        }
    }
}
