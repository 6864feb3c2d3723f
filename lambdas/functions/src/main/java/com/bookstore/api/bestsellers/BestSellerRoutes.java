package com.bookstore.api.bestsellers;

import com.bookstore.api.http.Access;
import com.bookstore.api.http.HttpResponse;
import com.bookstore.api.http.Route;
import java.util.List;

/** GET /bestsellers: always 200. */
public final class BestSellerRoutes {

    private BestSellerRoutes() {
    }

    public static List<Route> of(BestSellerBoard board) {
        return List.of(Route.of("GET", "/bestsellers", Access.PUBLIC, call -> HttpResponse.ok(board.top())));
    }
}
