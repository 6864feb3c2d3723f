package com.bookstore.api.orders;

import com.bookstore.api.errors.BookstoreException;
import com.bookstore.api.http.Access;
import com.bookstore.api.http.HttpResponse;
import com.bookstore.api.http.Route;
import java.util.List;
import java.util.Map;

/** The caller's orders: GET /orders (newest first), GET /orders/{orderId}, POST /orders (checkout). */
public final class OrderRoutes {

    private OrderRoutes() {
    }

    public record OrderList(List<Order> items) {
    }

    public static List<Route> of(Checkout checkout, OrderTable orders) {
        return List.of(
                Route.of("GET", "/orders", Access.CUSTOMER,
                        call -> HttpResponse.ok(new OrderList(orders.history(call.customerId())))),
                Route.of("GET", "/orders/{orderId}", Access.CUSTOMER, call -> {
                    String orderId = call.path("orderId");
                    if (!orderId.matches("ord-[0-9a-f]{32}")) {
                        throw notFound(orderId);
                    }
                    return HttpResponse.ok(orders.find(call.customerId(), orderId)
                            .orElseThrow(() -> notFound(orderId)).order());
                }),
                Route.of("POST", "/orders", Access.CUSTOMER, call -> {
                    var key = IdempotencyKey.from(call.request().header("Idempotency-Key"));
                    var placement = checkout.checkout(call.customerId(), key);
                    return new HttpResponse(placement.created() ? 201 : 200, placement.order(),
                            Map.of("Location", "/orders/" + placement.order().orderId()));
                }));
    }

    private static BookstoreException notFound(String orderId) {
        return BookstoreException.notFound("order_not_found", "no order '" + orderId + "' for this customer");
    }
}
