package com.bookstore.infra.api;

/** A route of the HTTP API ({@link ApiContract}) and whether it needs the caller's Cognito token. */
public record ApiRoute(String method, String path, boolean signedIn) {

    public String routeKey() {
        return method + " " + path;
    }

    /** A resource-name-safe form of the route key, such as {@code get-cart-bookid}. */
    public String slug() {
        return (method + path).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
    }
}
