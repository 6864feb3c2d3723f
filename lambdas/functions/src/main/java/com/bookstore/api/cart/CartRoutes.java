package com.bookstore.api.cart;

import com.bookstore.api.http.Access;
import com.bookstore.api.http.HttpResponse;
import com.bookstore.api.http.JsonBodies;
import com.bookstore.api.http.Route;
import com.bookstore.contract.BookstoreMetric;
import com.bookstore.platform.telemetry.Metrics;
import java.util.List;

/** The caller's cart: GET/POST /cart and GET/PUT/DELETE /cart/{bookId}. */
public final class CartRoutes {

    private CartRoutes() {
    }

    public static List<Route> of(ShoppingCart cart, Metrics metrics) {
        return List.of(
                Route.of("GET", "/cart", Access.CUSTOMER, call -> HttpResponse.ok(cart.view(call.customerId()))),
                Route.of("POST", "/cart", Access.CUSTOMER, call -> {
                    var body = JsonBodies.object(call.request());
                    var added = cart.add(call.customerId(), JsonBodies.requiredString(body, "bookId"),
                            JsonBodies.requiredWholeNumber(body, "quantity"));
                    metrics.count(BookstoreMetric.CART_OPERATIONS);
                    return HttpResponse.ok(added);
                }),
                Route.of("GET", "/cart/{bookId}", Access.CUSTOMER,
                        call -> HttpResponse.ok(cart.line(call.customerId(), call.path("bookId")))),
                Route.of("PUT", "/cart/{bookId}", Access.CUSTOMER, call -> {
                    var body = JsonBodies.object(call.request());
                    var set = cart.set(call.customerId(), call.path("bookId"), JsonBodies.requiredWholeNumber(body, "quantity"));
                    metrics.count(BookstoreMetric.CART_OPERATIONS);
                    return HttpResponse.ok(set);
                }),
                Route.of("DELETE", "/cart/{bookId}", Access.CUSTOMER, call -> {
                    var removed = cart.remove(call.customerId(), call.path("bookId"));
                    metrics.count(BookstoreMetric.CART_OPERATIONS);
                    return HttpResponse.ok(removed);
                }));
    }
}
