package com.bookstore.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.bookstore.api.errors.BookstoreException;
import com.bookstore.api.errors.ErrorKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = new Router(List.of(
            Route.of("GET", "/books/{id}", Access.PUBLIC, call -> HttpResponse.ok(Map.of("id", call.path("id")))),
            Route.of("GET", "/cart/{bookId}", Access.CUSTOMER, call -> HttpResponse.ok(Map.of("who", call.customerId()))),
            Route.of("PUT", "/cart/{bookId}", Access.CUSTOMER, call -> HttpResponse.ok(Map.of()))));

    private static HttpRequest request(String method, String path, Optional<String> customer) {
        return new HttpRequest(method, path, Map.of(), Map.of(), null, customer);
    }

    @Test
    void matchesTemplateAndDecodesPathParameter() {
        HttpResponse response = router.route(request("GET", "/books/a%20b", Optional.empty()));

        assertEquals(200, response.status());
        assertEquals(Map.of("id", "a b"), response.body());
    }

    @Test
    void trailingSlashMatchesTheSameRoute() {
        assertEquals(200, router.route(request("get", "/books/x/", Optional.empty())).status());
    }

    @Test
    void unknownPathIsNotFound() {
        var failure = assertThrows(BookstoreException.class, () -> router.route(request("GET", "/nope", Optional.empty())));
        assertEquals(ErrorKind.NOT_FOUND, failure.kind());
    }

    @Test
    void knownPathWithOtherMethodIsMethodNotAllowedListingTheAllowedOnes() {
        var failure = assertThrows(Router.MethodNotAllowed.class,
                () -> router.route(request("DELETE", "/cart/b1", Optional.of("c1"))));
        assertEquals("GET, PUT", failure.allow());
        assertEquals(405, ErrorResponses.of(failure).status());
        assertEquals("GET, PUT", ErrorResponses.of(failure).headers().get("Allow"));
    }

    @Test
    void customerRouteWithoutSubjectIsUnauthenticatedBeforeTheHandlerRuns() {
        var failure = assertThrows(BookstoreException.class, () -> router.route(request("GET", "/cart/b1", Optional.empty())));
        assertEquals(ErrorKind.UNAUTHENTICATED, failure.kind());
        assertEquals(401, ErrorResponses.of(failure).status());
    }

    @Test
    void customerRouteSeesTheSubject() {
        assertEquals(Map.of("who", "c1"), router.route(request("GET", "/cart/b1", Optional.of("c1"))).body());
    }

    @Test
    void emptyPathSegmentDoesNotMatchAPlaceholder() {
        assertThrows(BookstoreException.class, () -> router.route(request("GET", "/books//", Optional.empty())));
    }

    @Test
    void duplicateRoutesAreRejected() {
        RouteHandler handler = call -> HttpResponse.ok(Map.of());
        assertThrows(IllegalArgumentException.class, () -> new Router(List.of(
                Route.of("GET", "/a", Access.PUBLIC, handler), Route.of("GET", "/a", Access.PUBLIC, handler))));
    }
}
