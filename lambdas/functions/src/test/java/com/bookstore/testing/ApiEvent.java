package com.bookstore.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds HTTP API payload 2.0 events from real API Gateway event JSON (test resources {@code events/}),
 * changing only what a test is about: method, path, query, body, headers and the JWT subject.
 */
public final class ApiEvent {

    private static final Gson GSON = new Gson();

    private final APIGatewayV2HTTPEvent event;
    private final Map<String, String> query = new LinkedHashMap<>();

    private ApiEvent(String template) {
        this.event = load(template);
        event.setQueryStringParameters(null);
        event.setRawQueryString("");
        event.setBody(null);
    }

    /** An anonymous request, as API Gateway sends for a route without authorizer. */
    public static ApiEvent anonymous(String method, String path) {
        return new ApiEvent("events/http-api-v2-public.json").at(method, path);
    }

    /** A request whose JWT the authorizer verified, with this {@code sub}. */
    public static ApiEvent signedIn(String sub, String method, String path) {
        ApiEvent request = new ApiEvent("events/http-api-v2-jwt.json").at(method, path);
        request.event.getRequestContext().getAuthorizer().getJwt().getClaims().put("sub", sub);
        return request;
    }

    /** The signed-in template with its authorizer section removed (a token-less call reaching the handler). */
    public static ApiEvent withoutClaims(String method, String path) {
        ApiEvent request = new ApiEvent("events/http-api-v2-jwt.json").at(method, path);
        request.event.getRequestContext().setAuthorizer(null);
        request.event.getHeaders().remove("authorization");
        return request;
    }

    private ApiEvent at(String method, String path) {
        event.setRawPath(path);
        event.setRouteKey(method + " " + path);
        event.getRequestContext().setRouteKey(method + " " + path);
        event.getRequestContext().getHttp().setMethod(method);
        event.getRequestContext().getHttp().setPath(path);
        return this;
    }

    public ApiEvent query(String name, String value) {
        query.put(name, value);
        event.setQueryStringParameters(new HashMap<>(query));
        event.setRawQueryString(query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        return this;
    }

    public ApiEvent header(String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        event.setHeaders(headers);
        return this;
    }

    public ApiEvent body(String json) {
        event.setBody(json);
        event.setIsBase64Encoded(false);
        return header("content-type", "application/json").header("content-length",
                Integer.toString(json.getBytes(StandardCharsets.UTF_8).length));
    }

    public ApiEvent base64Body(String json) {
        body(json);
        event.setBody(java.util.Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);
        return this;
    }

    /** A body API Gateway marked as base64, taken as it is (it need not be valid base64). */
    public ApiEvent rawBase64Body(String encoded) {
        event.setBody(encoded);
        event.setIsBase64Encoded(true);
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        return event;
    }

    private static APIGatewayV2HTTPEvent load(String resource) {
        try (InputStream in = ApiEvent.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return GSON.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
