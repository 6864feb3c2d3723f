package com.bookstore.api.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.ops.CatalogueFile;
import com.bookstore.testing.ApiEvent;
import com.bookstore.testing.ApiResult;
import com.bookstore.testing.Engines;
import com.bookstore.testing.LocalEngines;
import com.bookstore.testing.OpenApiDocument;
import com.bookstore.testing.TestBookstore;
import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalEngines.class)
class CatalogueApiIT {

    private static TestBookstore bookstore;

    @BeforeAll
    static void seed(Engines engines) {
        bookstore = TestBookstore.seeded(engines);
    }

    @Test
    void pagingWithCursorsVisitsEveryBookOnce() {
        Set<String> seen = visitAllPages(null, 10);

        assertEquals(CatalogueFile.books().stream().map(Book::id).collect(Collectors.toSet()), seen);
    }

    @Test
    void pagingThroughACategoryVisitsEachOfItsBooksOnce() {
        // the category Query pages from its cursor too (a cursor dropped there would repeat page one)
        Set<String> seen = visitAllPages("Database", 3);

        assertEquals(CatalogueFile.books().stream().filter(b -> b.category().equals("Database")).map(Book::id)
                .collect(Collectors.toSet()), seen);
    }

    /** Every page of the catalogue (or one category) from the first, following nextCursor; no book twice. */
    private static Set<String> visitAllPages(String category, int limit) {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiEvent request = ApiEvent.anonymous("GET", "/books").query("limit", Integer.toString(limit));
            if (category != null) {
                request.query("category", category);
            }
            if (cursor != null) {
                request.query("cursor", cursor);
            }
            ApiResult page = bookstore.call(request);
            assertEquals(200, page.status(), page.toString());
            for (JsonElement book : page.body().getAsJsonArray("items")) {
                assertTrue(seen.add(book.getAsJsonObject().get("id").getAsString()), "book seen twice on page " + (pages + 1));
            }
            JsonElement next = page.body().get("nextCursor");
            cursor = next.isJsonNull() ? null : next.getAsString();
            pages++;
        } while (cursor != null && pages < 30);
        assertTrue(pages >= 2, "more than one page of " + limit + " (" + category + "): " + pages);
        return seen;
    }

    @Test
    void everyCursorTheApiHandsOutHasTheShapeTheSpecDeclares() {
        var declared = OpenApiDocument.load().componentSchema("PageCursor");
        List<String> cursors = new ArrayList<>();
        for (String category : new String[] {null, "Database"}) {
            String cursor = null;
            do {
                ApiEvent request = ApiEvent.anonymous("GET", "/books").query("limit", "3");
                if (category != null) {
                    request.query("category", category);
                }
                if (cursor != null) {
                    request.query("cursor", cursor);
                }
                JsonElement next = bookstore.call(request).body().get("nextCursor");
                cursor = next.isJsonNull() ? null : next.getAsString();
                if (cursor != null) {
                    cursors.add(cursor);
                }
            } while (cursor != null && cursors.size() < 40);
        }

        assertTrue(cursors.size() >= 2, "both the Scan and the category Query hand out cursors: " + cursors);
        cursors.forEach(cursor -> assertTrue(declared.accepts(cursor), "openapi.yaml's PageCursor refuses " + cursor));
    }

    @Test
    void categoryQueriesTheIndexAndReturnsOnlyThatCategory() {
        ApiResult page = bookstore.call(ApiEvent.anonymous("GET", "/books").query("category", "Database").query("limit", "100"));

        long expected = CatalogueFile.books().stream().filter(b -> b.category().equals("Database")).count();
        assertEquals(expected, page.body().getAsJsonArray("items").size());
        page.body().getAsJsonArray("items").forEach(book ->
                assertEquals("Database", book.getAsJsonObject().get("category").getAsString()));
    }

    @Test
    void bookByIdCarriesPriceFromTheTableAndASelfHostedCover() {
        Book expected = CatalogueFile.books().get(0);

        ApiResult result = bookstore.call(ApiEvent.anonymous("GET", "/books/" + expected.id()));

        assertEquals(200, result.status());
        assertEquals(expected.name(), result.body().get("name").getAsString());
        assertEquals(0, expected.price().compareTo(result.body().get("price").getAsBigDecimal()));
        assertEquals("/covers/" + expected.id() + ".svg", result.body().get("cover").getAsString());
        assertEquals(Engines.REGION, result.headers().get("X-Bookstore-Region"));
    }

    @Test
    void unknownOrImplausibleBookIsNotFound() {
        assertEquals(404, bookstore.call(ApiEvent.anonymous("GET", "/books/no-such-book")).status());
        assertEquals(404, bookstore.call(ApiEvent.anonymous("GET", "/books/" + "x".repeat(3000))).status());
        assertEquals("book_not_found", bookstore.call(ApiEvent.anonymous("GET", "/books/%00")).error());
    }

    @Test
    void theLimitsAndTheCategoryLengthAreAcceptedUpToTheirBounds() {
        ApiResult one = bookstore.call(ApiEvent.anonymous("GET", "/books").query("limit", "1"));
        ApiResult hundred = bookstore.call(ApiEvent.anonymous("GET", "/books").query("limit", Integer.toString(Catalogue.MAX_PAGE_SIZE)));
        ApiResult longest = bookstore.call(ApiEvent.anonymous("GET", "/books").query("category", "c".repeat(64)));
        ApiResult tooLong = bookstore.call(ApiEvent.anonymous("GET", "/books").query("category", "c".repeat(65)));

        assertEquals(1, one.body().getAsJsonArray("items").size(), one.toString());
        assertEquals(CatalogueFile.books().size(), hundred.body().getAsJsonArray("items").size(), hundred.toString());
        assertEquals(200, longest.status(), "a 64-character category is a category no book has: " + longest);
        assertEquals(0, longest.body().getAsJsonArray("items").size());
        assertEquals(400, tooLong.status(), tooLong.toString());
        assertEquals("invalid_category", tooLong.error());
    }

    @Test
    void aBlankCategoryOrCursorIsNoFilterAndNoCursor() {
        ApiResult first = bookstore.call(ApiEvent.anonymous("GET", "/books").query("limit", "5"));
        ApiResult blank = bookstore.call(ApiEvent.anonymous("GET", "/books").query("limit", "5")
                .query("category", " ").query("cursor", ""));

        assertEquals(200, blank.status(), blank.toString());
        assertEquals(first.body(), blank.body(), "the first page of the whole catalogue");
    }

    @Test
    void badLimitsAndForgedCursorsAre400() {
        for (String limit : new String[] {"0", "101", "-1", "ten", "1.5", ""}) {
            ApiResult result = bookstore.call(ApiEvent.anonymous("GET", "/books").query("limit", limit));
            assertEquals(400, result.status(), "limit=" + limit + " " + result);
        }
        // well-formed attributes, but longer than any cursor the API hands out (PageCursor.MAX_LENGTH)
        String overLong = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"id\":\"b1\",\"a\":\"" + "x".repeat(250) + "\",\"b\":\"" + "x".repeat(250) + "\",\"c\":\""
                        + "x".repeat(250) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertTrue(overLong.length() > PageCursor.MAX_LENGTH);
        for (String cursor : new String[] {"garbage!", "e30", "eyJpZCI6IiJ9", "W10", overLong}) {
            ApiResult result = bookstore.call(ApiEvent.anonymous("GET", "/books").query("cursor", cursor));
            assertEquals(400, result.status(), "cursor=" + cursor.substring(0, Math.min(40, cursor.length())) + " " + result);
            assertEquals("invalid_cursor", result.error());
        }
    }

    @Test
    void cursorsOfAnyOtherShapeAre400NeverA5xx() {
        // each decodes to JSON that the old check let through to DynamoDB as an invalid ExclusiveStartKey (a 503)
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("{\"id\":\"x\",\"foo\":\"y\"}", null);
        forged.put("{\"id\":\"b1\",\"category\":\"Database\"}", null);
        forged.put("{\"id\":\"b1\"}", "Database");
        forged.put("{\"id\":\"b1\",\"category\":\"Cars\"}", "Database");
        forged.put("{\"id\":1}", null);
        forged.put("{\"id\":{\"S\":\"b1\"}}", null);
        forged.put("{\"id\":\"has space\"}", null);
        forged.forEach((json, category) -> {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
            ApiEvent request = ApiEvent.anonymous("GET", "/books").query("cursor", cursor);
            if (category != null) {
                request.query("category", category);
            }
            ApiResult result = bookstore.call(request);
            assertEquals(400, result.status(), json + " category=" + category + " " + result);
            assertEquals("invalid_cursor", result.error());
        });
        // the shape the API hands out still pages
        String scan = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"id\":\"" + CatalogueFile.books().get(0).id() + "\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, bookstore.call(ApiEvent.anonymous("GET", "/books").query("cursor", scan)).status());
    }

    @Test
    void wrongMethodIs405AndUnknownRouteIs404() {
        ApiResult wrongMethod = bookstore.call(ApiEvent.anonymous("DELETE", "/books"));
        assertEquals(405, wrongMethod.status());
        assertEquals("GET", wrongMethod.headers().get("Allow"));

        assertEquals(404, bookstore.call(ApiEvent.anonymous("GET", "/authors")).status());
    }
}
