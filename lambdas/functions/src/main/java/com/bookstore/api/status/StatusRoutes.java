package com.bookstore.api.status;

import com.bookstore.api.http.Access;
import com.bookstore.api.http.HttpResponse;
import com.bookstore.api.http.Route;
import java.util.List;

/** GET /health and GET /region. */
public final class StatusRoutes {

    private StatusRoutes() {
    }

    public static List<Route> of(HealthCheck health, RegionInfo region) {
        return List.of(
                Route.of("GET", "/health", Access.PUBLIC, call -> {
                    var result = health.check();
                    return HttpResponse.of(result.healthy() ? 200 : 503, result);
                }),
                Route.of("GET", "/region", Access.PUBLIC, call -> HttpResponse.ok(region)));
    }
}
