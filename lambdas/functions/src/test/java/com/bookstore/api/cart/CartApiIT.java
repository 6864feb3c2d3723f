package com.bookstore.api.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bookstore.api.catalogue.Book;
import com.bookstore.ops.CatalogueFile;
import com.bookstore.testing.ApiEvent;
import com.bookstore.testing.ApiResult;
import com.bookstore.testing.Engines;
import com.bookstore.testing.LocalEngines;
import com.bookstore.testing.TestBookstore;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalEngines.class)
class CartApiIT {

    private static TestBookstore bookstore;
    private static final List<Book> BOOKS = CatalogueFile.books();

    @BeforeAll
    static void seed(Engines engines) {
        bookstore = TestBookstore.seeded(engines);
    }

    private static String newCustomer() {
        return UUID.randomUUID().toString();
    }

    private static ApiResult add(String customer, String bookId, Object quantity) {
        return bookstore.call(ApiEvent.signedIn(customer, "POST", "/cart")
                .body("{\"bookId\":\"" + bookId + "\",\"quantity\":" + quantity + "}"));
    }

    @Test
    void addingTwiceIncrementsAndPricesComeFromTheCatalogueNotTheClient() {
        String customer = newCustomer();
        Book book = BOOKS.get(3);

        add(customer, book.id(), 2);
        ApiResult cart = bookstore.call(ApiEvent.signedIn(customer, "POST", "/cart")
                .body("{\"bookId\":\"" + book.id() + "\",\"quantity\":1,\"price\":0.01}"));

        assertEquals(200, cart.status(), cart.toString());
        var line = cart.body().getAsJsonArray("items").get(0).getAsJsonObject();
        assertEquals(3, line.get("quantity").getAsInt());
        assertEquals(0, book.price().compareTo(line.get("unitPrice").getAsBigDecimal()));
        assertEquals(0, book.price().multiply(BigDecimal.valueOf(3)).compareTo(cart.body().get("total").getAsBigDecimal()));
    }

    @Test
    void putSetsGetReadsAndDeleteRemovesALine() {
        String customer = newCustomer();
        Book book = BOOKS.get(5);

        ApiResult put = bookstore.call(ApiEvent.signedIn(customer, "PUT", "/cart/" + book.id()).body("{\"quantity\":7}"));
        ApiResult line = bookstore.call(ApiEvent.signedIn(customer, "GET", "/cart/" + book.id()));
        ApiResult deleted = bookstore.call(ApiEvent.signedIn(customer, "DELETE", "/cart/" + book.id()));
        ApiResult deletedAgain = bookstore.call(ApiEvent.signedIn(customer, "DELETE", "/cart/" + book.id()));
        ApiResult gone = bookstore.call(ApiEvent.signedIn(customer, "GET", "/cart/" + book.id()));

        assertEquals(200, put.status(), put.toString());
        assertEquals(7, line.body().get("quantity").getAsInt());
        assertEquals(book.name(), line.body().getAsJsonObject("book").get("name").getAsString());
        assertEquals(0, deleted.body().getAsJsonArray("items").size());
        assertEquals(200, deletedAgain.status());
        assertEquals(404, gone.status());
        assertEquals("not_in_cart", gone.error());
    }

    @Test
    void quantitiesOutside1To99AndWrongTypesAre400() {
        String customer = newCustomer();
        String id = BOOKS.get(0).id();
        for (Object quantity : List.of(0, 100, -1, 3.5, "\"3\"", "true", "null", "1e40", "99999999999999999999")) {
            ApiResult result = add(customer, id, quantity);
            assertEquals(400, result.status(), "quantity " + quantity + ": " + result);
            assertEquals("invalid_quantity", result.error());
        }
        assertEquals(400, bookstore.call(ApiEvent.signedIn(customer, "POST", "/cart").body("{\"quantity\":1}")).status());
        assertEquals(400, bookstore.call(ApiEvent.signedIn(customer, "POST", "/cart").body("{\"bookId\":5,\"quantity\":1}")).status());
        assertEquals(400, bookstore.call(ApiEvent.signedIn(customer, "PUT", "/cart/" + id).body("{}")).status());
        assertEquals(400, bookstore.call(ApiEvent.signedIn(customer, "POST", "/cart")).status());
        assertEquals(0, bookstore.call(ApiEvent.signedIn(customer, "GET", "/cart")).body().getAsJsonArray("items").size());
    }

    @Test
    void oneAndNinetyNineAreQuantitiesAPutTakes() {
        String customer = newCustomer();
        String id = BOOKS.get(2).id();

        for (int quantity : new int[] {99, 1}) {
            ApiResult put = bookstore.call(ApiEvent.signedIn(customer, "PUT", "/cart/" + id).body("{\"quantity\":" + quantity + "}"));
            assertEquals(200, put.status(), "quantity " + quantity + ": " + put);
            assertEquals(quantity, put.body().getAsJsonArray("items").get(0).getAsJsonObject().get("quantity").getAsInt());
        }
    }

    @Test
    void aLineNeverPasses99Copies() {
        String customer = newCustomer();
        String id = BOOKS.get(1).id();

        assertEquals(200, add(customer, id, 60).status());
        ApiResult over = add(customer, id, 40);
        ApiResult exactly = add(customer, id, 39);

        assertEquals(422, over.status());
        assertEquals("quantity_limit", over.error());
        assertEquals(200, exactly.status());
        assertEquals(99, exactly.body().getAsJsonArray("items").get(0).getAsJsonObject().get("quantity").getAsInt());
    }

    @Test
    void unknownBooksCannotBeAdded() {
        String customer = newCustomer();

        ApiResult unknown = add(customer, "no-such-book", 1);
        ApiResult implausible = bookstore.call(ApiEvent.signedIn(customer, "PUT", "/cart/" + "%2F..%2F").body("{\"quantity\":1}"));

        assertEquals(422, unknown.status());
        assertEquals("unknown_book", unknown.error());
        assertEquals(422, implausible.status());
    }

    @Test
    void oneCustomerCannotSeeOrChangeAnothersCart() {
        String alice = newCustomer();
        String mallory = newCustomer();
        String id = BOOKS.get(2).id();
        add(alice, id, 2);

        ApiResult malloryCart = bookstore.call(ApiEvent.signedIn(mallory, "GET", "/cart"));
        ApiResult malloryLine = bookstore.call(ApiEvent.signedIn(mallory, "GET", "/cart/" + id));
        bookstore.call(ApiEvent.signedIn(mallory, "DELETE", "/cart/" + id));
        bookstore.call(ApiEvent.signedIn(mallory, "PUT", "/cart/" + id).body("{\"quantity\":9}"));
        ApiResult aliceCart = bookstore.call(ApiEvent.signedIn(alice, "GET", "/cart"));

        assertEquals(0, malloryCart.body().getAsJsonArray("items").size());
        assertEquals(404, malloryLine.status());
        assertEquals(2, aliceCart.body().getAsJsonArray("items").get(0).getAsJsonObject().get("quantity").getAsInt());
    }

    @Test
    void cartRoutesWithoutAVerifiedTokenAre401() {
        for (String[] route : new String[][] {{"GET", "/cart"}, {"POST", "/cart"}, {"PUT", "/cart/x"}, {"DELETE", "/cart/x"},
                {"GET", "/orders"}, {"POST", "/orders"}, {"GET", "/orders/x"}}) {
            ApiResult result = bookstore.call(ApiEvent.withoutClaims(route[0], route[1]));
            assertEquals(401, result.status(), route[0] + " " + route[1]);
        }
    }
}
