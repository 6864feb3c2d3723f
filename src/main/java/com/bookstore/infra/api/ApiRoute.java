package com.bookstore.infra.api;

import java.util.List;

/** A route of the HTTP API (DESIGN §4) and whether it needs the caller's Cognito token. */
public record ApiRoute(String method, String path, boolean signedIn) {

    /** Every route the API handler serves; the handler dispatches on the route key. */
    public static final List<ApiRoute> ALL = List.of(
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
            new ApiRoute("POST", "/orders", true));

    public String routeKey() {
        return method + " " + path;
    }

    /** A resource-name-safe form of the route key, such as {@code get-cart-bookid}. */
    public String slug() {
        return (method + path).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
    }
}
