package com.bookstore.api.orders;

import com.bookstore.api.errors.BookstoreException;
import com.bookstore.api.http.Access;
import com.bookstore.api.http.HttpResponse;
import com.bookstore.api.http.Route;
import com.bookstore.contract.BookstoreMetric;
import com.bookstore.platform.telemetry.Metrics;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The caller's orders: GET /orders (newest first), GET /orders/{orderId}, POST /orders (checkout). */
public final class OrderRoutes {

    private OrderRoutes() {
    }

    /** The 409s of a checkout that raced or reused a key, as opposed to an empty cart. */
    private static final Set<String> CONFLICTS = Set.of("checkout_conflict", "idempotency_key_reused");
    private static final String RATE_LIMITED = "checkout_rate_limited";

    public record OrderList(List<Order> items) {
    }

    public static List<Route> of(Checkout checkout, OrderTable orders, Metrics metrics) {
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
                    Checkout.Placement placement;
                    try {
                        placement = checkout.checkout(call.customerId(), key);
                    } catch (BookstoreException refused) {
                        if (CONFLICTS.contains(refused.code())) {
                            metrics.count(BookstoreMetric.CHECKOUT_CONFLICTS);
                        } else if (RATE_LIMITED.equals(refused.code())) {
                            metrics.count(BookstoreMetric.CHECKOUTS_RATE_LIMITED);
                        }
                        throw refused;
                    }
                    if (placement.created()) {
                        metrics.count(BookstoreMetric.ORDERS_PLACED);
                        metrics.record(BookstoreMetric.ORDER_VALUE, placement.order().total().doubleValue());
                    } else {
                        metrics.count(BookstoreMetric.IDEMPOTENT_REPLAYS);
                    }
                    return new HttpResponse(placement.created() ? 201 : 200, placement.order(),
                            Map.of("Location", "/orders/" + placement.order().orderId()));
                }));
    }

    private static BookstoreException notFound(String orderId) {
        return BookstoreException.notFound("order_not_found", "no order '" + orderId + "' for this customer");
    }
}
