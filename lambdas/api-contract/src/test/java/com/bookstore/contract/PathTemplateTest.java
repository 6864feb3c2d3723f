package com.bookstore.contract;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one path matcher of the functions' router and the local gateway. */
class PathTemplateTest {

    private final PathTemplate cartLine = new PathTemplate("/cart/{bookId}");

    @Test
    void aPlaceholderTakesOneDecodedSegment() {
        assertEquals(Optional.of(Map.of("bookId", "a/b c+")), cartLine.match("/cart/a%2Fb%20c+"));
        assertEquals(Optional.empty(), cartLine.match("/cart/a/b"));
    }

    @Test
    void anEmptyOrMalformedPlaceholderTakesNoRoute() {
        assertEquals(Optional.empty(), cartLine.match("/cart//"));
        assertEquals(Optional.empty(), cartLine.match("/cart/%zz"));
    }

    @Test
    void literalSegmentsMatchExactlyAndOneTrailingSlashIsIgnored() {
        assertEquals(Optional.of(Map.of()), new PathTemplate("/books").match("/books/"));
        assertEquals(Optional.empty(), new PathTemplate("/books").match("/Books"));
        assertEquals(Optional.of(Map.of()), new PathTemplate("/").match("/"));
    }

    @Test
    void aTemplateMustBeAnAbsolutePath() {
        assertThrows(IllegalArgumentException.class, () -> new PathTemplate("cart/{bookId}"));
        assertThrows(IllegalArgumentException.class, () -> new ApiRoute("GET", "cart", false));
    }

    @Test
    void aRouteMatchesItsOwnMethodOnly() {
        ApiRoute route = new ApiRoute("DELETE", "/cart/{bookId}", true);
        assertEquals(Optional.of(Map.of("bookId", "42")), route.match("DELETE", "/cart/42"));
        assertEquals(Optional.empty(), route.match("GET", "/cart/42"));
        assertEquals("delete-cart-bookid", route.slug());
    }
}
