package com.bookstore.api.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.api.ApiHandler;
import com.bookstore.api.BookstoreApi;
import com.bookstore.api.catalogue.Book;
import com.bookstore.ops.CatalogueFile;
import com.bookstore.ops.CatalogueSeeder;
import com.bookstore.platform.LazyRedisPool;
import com.bookstore.platform.TableNames;
import com.bookstore.testing.ApiEvent;
import com.bookstore.testing.ApiResult;
import com.bookstore.testing.Engines;
import com.bookstore.testing.LocalEngines;
import com.bookstore.testing.OpenApiDocument;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The cart at its limits: a full cart, and a line whose book has left the catalogue. Each test seeds its own tables. */
@ExtendWith(LocalEngines.class)
class CartLimitsIT {

    private static final List<Book> BOOKS = CatalogueFile.books();
    private static final OpenApiDocument SPEC = OpenApiDocument.load();
    private Engines engines;
    private TableNames tables;
    private final String customer = UUID.randomUUID().toString();

    @BeforeEach
    void seed(Engines localEngines) {
        engines = localEngines;
        tables = engines.freshTables();
        new CatalogueSeeder(engines.dynamo(), tables.books()).seed(BOOKS);
    }

    @Test
    void aCartOfFiftyBooksRefusesAFiftyFirstByPostAndPutButStillTakesMoreCopies() {
        for (Book book : BOOKS.subList(0, ShoppingCart.MAX_LINES)) {
            assertEquals(200, call("POST", "/cart", "{\"bookId\":\"" + book.id() + "\",\"quantity\":1}").status());
        }
        Book fiftyFirst = BOOKS.get(ShoppingCart.MAX_LINES);

        ApiResult added = call("POST", "/cart", "{\"bookId\":\"" + fiftyFirst.id() + "\",\"quantity\":1}");
        ApiResult put = call("PUT", "/cart/" + fiftyFirst.id(), "{\"quantity\":1}");
        ApiResult more = call("POST", "/cart", "{\"bookId\":\"" + BOOKS.get(0).id() + "\",\"quantity\":2}");
        ApiResult set = call("PUT", "/cart/" + BOOKS.get(1).id(), "{\"quantity\":9}");

        assertEquals(409, added.status(), added.toString());
        assertEquals("cart_full", added.error());
        assertEquals(409, put.status(), put.toString());
        assertEquals("cart_full", put.error());
        assertTrue(SPEC.declares("post", "/cart", 409) && SPEC.declares("put", "/cart/{bookId}", 409),
                "openapi.yaml declares the cart_full answer of both");
        assertEquals(200, more.status(), more.toString());
        assertEquals(200, set.status(), set.toString());
        assertEquals(ShoppingCart.MAX_LINES, set.body().getAsJsonArray("items").size());
        assertEquals(ShoppingCart.MAX_LINES - 2 + 3 + 9, set.body().get("itemCount").getAsInt());
    }

    @Test
    void aLineWhoseBookLeftTheCatalogueStaysVisibleUnpricedAndBlocksCheckoutUntilRemoved() {
        Book kept = BOOKS.get(0);
        Book withdrawn = BOOKS.get(1);
        call("POST", "/cart", "{\"bookId\":\"" + kept.id() + "\",\"quantity\":2}");
        call("POST", "/cart", "{\"bookId\":\"" + withdrawn.id() + "\",\"quantity\":1}");
        engines.dynamo().deleteItem(r -> r.tableName(tables.books()).key(Map.of("id", AttributeValue.fromS(withdrawn.id()))));

        ApiResult cart = call("GET", "/cart", null);
        ApiResult checkout = call("POST", "/orders", null, "Idempotency-Key", UUID.randomUUID().toString());
        ApiResult removed = call("DELETE", "/cart/" + withdrawn.id(), null);
        ApiResult retried = call("POST", "/orders", null, "Idempotency-Key", UUID.randomUUID().toString());

        assertEquals(200, cart.status(), cart.toString());
        JsonObject line = cart.body().getAsJsonArray("items").asList().stream().map(e -> e.getAsJsonObject())
                .filter(l -> l.get("bookId").getAsString().equals(withdrawn.id())).findFirst().orElseThrow();
        assertTrue(line.get("unitPrice").isJsonNull() && line.get("lineTotal").isJsonNull() && line.get("book").isJsonNull(),
                line.toString());
        assertEquals(0, kept.price().multiply(java.math.BigDecimal.valueOf(2)).compareTo(cart.body().get("total").getAsBigDecimal()),
                "the total leaves the unpriced line out");
        assertEquals(422, checkout.status(), checkout.toString());
        assertEquals("unknown_book", checkout.error());
        assertTrue(checkout.body().get("message").getAsString().contains(withdrawn.id()));
        assertTrue(SPEC.declares("post", "/orders", 422));
        assertEquals(1, removed.body().getAsJsonArray("items").size());
        assertEquals(201, retried.status(), retried.toString());
        assertEquals(2, retried.body().get("itemCount").getAsInt());
    }

    private ApiResult call(String method, String path, String body, String... header) {
        ApiEvent request = ApiEvent.signedIn(customer, method, path);
        if (body != null) {
            request.body(body);
        }
        if (header.length == 2) {
            request.header(header[0], header[1]);
        }
        var api = new BookstoreApi(engines.settings(tables, Engines.deadRedisUrl()), engines.dynamo(),
                new LazyRedisPool(Engines.deadRedisUrl()), Clock.systemUTC());
        return ApiResult.of(new ApiHandler(api).handleRequest(request.build(), null));
    }
}
