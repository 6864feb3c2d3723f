package com.bookstore.api.cart;

import com.bookstore.api.http.Access;
import com.bookstore.api.http.HttpResponse;
import com.bookstore.api.http.JsonBodies;
import com.bookstore.api.http.Route;
import java.util.List;

/** The caller's cart: GET/POST /cart and GET/PUT/DELETE /cart/{bookId}. */
public final class CartRoutes {

    private CartRoutes() {
    }

    public static List<Route> of(ShoppingCart cart) {
        return List.of(
                Route.of("GET", "/cart", Access.CUSTOMER, call -> HttpResponse.ok(cart.view(call.customerId()))),
                Route.of("POST", "/cart", Access.CUSTOMER, call -> {
                    var body = JsonBodies.object(call.request());
                    return HttpResponse.ok(cart.add(call.customerId(), JsonBodies.requiredString(body, "bookId"),
                            JsonBodies.requiredWholeNumber(body, "quantity")));
                }),
                Route.of("GET", "/cart/{bookId}", Access.CUSTOMER,
                        call -> HttpResponse.ok(cart.line(call.customerId(), call.path("bookId")))),
                Route.of("PUT", "/cart/{bookId}", Access.CUSTOMER, call -> {
                    var body = JsonBodies.object(call.request());
                    return HttpResponse.ok(cart.set(call.customerId(), call.path("bookId"),
                            JsonBodies.requiredWholeNumber(body, "quantity")));
                }),
                Route.of("DELETE", "/cart/{bookId}", Access.CUSTOMER,
                        call -> HttpResponse.ok(cart.remove(call.customerId(), call.path("bookId")))));
    }
}
