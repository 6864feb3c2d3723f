package com.bookstore.api.http;

import com.bookstore.api.errors.BookstoreException;
import com.bookstore.api.errors.ErrorKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the route for a request. A known path with an unknown method is a 405 (with Allow), an unknown
 * path a 404; CUSTOMER routes without a verified subject are a 401 before any domain code runs.
 */
public final class Router {

    private final List<Route> routes;

    public Router(List<Route> routes) {
        Set<String> keys = new LinkedHashSet<>();
        for (Route route : routes) {
            if (!keys.add(route.key())) {
                throw new IllegalArgumentException("route defined twice: " + route.key());
            }
        }
        this.routes = List.copyOf(routes);
    }

    public HttpResponse route(HttpRequest request) {
        List<String> allowed = new ArrayList<>();
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.path().match(request.path());
            if (parameters.isEmpty()) {
                continue;
            }
            if (!route.method().equals(request.method())) {
                allowed.add(route.method());
                continue;
            }
            if (route.access() == Access.CUSTOMER && request.customerId().isEmpty()) {
                throw new BookstoreException(ErrorKind.UNAUTHENTICATED, "unauthenticated",
                        "this route needs a signed-in customer");
            }
            return route.handler().handle(new Call(request, parameters.get()));
        }
        if (!allowed.isEmpty()) {
            throw new MethodNotAllowed(request.method(), allowed);
        }
        throw BookstoreException.notFound("route_not_found", "no route for " + request.method() + " " + request.path());
    }

    /** Every route key, e.g. {@code GET /books/{id}}; the OpenAPI contract test compares against this. */
    public Set<String> routeKeys() {
        Set<String> keys = new TreeSet<>();
        routes.forEach(route -> keys.add(route.key()));
        return keys;
    }

    public List<Route> routes() {
        return routes;
    }

    /** A 405 that knows which methods the path does take, for the Allow header. */
    public static final class MethodNotAllowed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String allow;

        MethodNotAllowed(String method, List<String> allowed) {
            super(method + " is not allowed here; use " + String.join(", ", allowed));
            this.allow = String.join(", ", allowed);
        }

        public String allow() {
            return allow;
        }
    }
}
