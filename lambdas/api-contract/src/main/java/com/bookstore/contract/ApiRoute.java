package com.bookstore.contract;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A route of the HTTP API ({@link ApiContract}), such as {@code GET /books/{id}}, and whether it needs the caller's
 * Cognito token (API Gateway attaches the JWT authorizer to it).
 */
public record ApiRoute(String method, String path, boolean signedIn) {

    public ApiRoute {
        new PathTemplate(path); // refuses a path that is not a template
    }

    /** What API Gateway puts in the event's {@code routeKey}. */
    public String routeKey() {
        return method + " " + path;
    }

    /** A resource-name-safe form of the route key, such as {@code get-cart-bookid}. */
    public String slug() {
        return (method + path).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
    }

    /** The path parameters when a request with this method and raw path takes this route. */
    public Optional<Map<String, String>> match(String requestMethod, String rawPath) {
        return method.equals(requestMethod) ? new PathTemplate(path).match(rawPath) : Optional.empty();
    }
}
