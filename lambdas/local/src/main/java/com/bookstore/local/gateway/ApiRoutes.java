package com.bookstore.local.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The HTTP API's route table, matched like API Gateway does: exact method and path, greedy-free. */
public final class ApiRoutes {
    /** The routes of the bookstore's HTTP API (see the OpenAPI document and the infra's RegionalApi). */
    public static final ApiRoutes BOOKSTORE = new ApiRoutes(List.of(
            new ApiRoute("GET", "/books", false),
            new ApiRoute("GET", "/books/{id}", false),
            new ApiRoute("GET", "/bestsellers", false),
            new ApiRoute("GET", "/health", false),
            new ApiRoute("GET", "/region", false),
            new ApiRoute("GET", "/cart", true),
            new ApiRoute("POST", "/cart", true),
            new ApiRoute("GET", "/cart/{bookId}", true),
            new ApiRoute("PUT", "/cart/{bookId}", true),
            new ApiRoute("DELETE", "/cart/{bookId}", true),
            new ApiRoute("GET", "/orders", true),
            new ApiRoute("GET", "/orders/{orderId}", true),
            new ApiRoute("POST", "/orders", true)));

    private final List<ApiRoute> routes;

    public ApiRoutes(List<ApiRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    public record Match(ApiRoute route, Map<String, String> pathParameters) {
    }

    public Optional<Match> find(String method, String rawPath) {
        List<String> decoded = ApiRoute.segments(rawPath).stream()
                .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toList();
        for (ApiRoute route : routes) {
            Optional<Map<String, String>> parameters = route.match(method, decoded);
            if (parameters.isPresent()) {
                return Optional.of(new Match(route, parameters.get()));
            }
        }
        return Optional.empty();
    }

    public List<ApiRoute> all() {
        return routes;
    }
}
