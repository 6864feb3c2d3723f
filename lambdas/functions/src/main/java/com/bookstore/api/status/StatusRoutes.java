package com.bookstore.api.status;

import com.bookstore.api.errors.BookstoreException;
import com.bookstore.api.errors.ErrorKind;
import com.bookstore.api.http.Access;
import com.bookstore.api.http.HttpResponse;
import com.bookstore.api.http.Route;
import java.util.List;

/** GET /health (with the drill's fault switch in front) and GET /region. */
public final class StatusRoutes {

    private StatusRoutes() {
    }

    public static List<Route> of(DeepHealthCheck health, FaultSwitchReader faultSwitch, RegionInfo region) {
        return List.of(
                Route.of("GET", "/health", Access.PUBLIC, call -> {
                    if (faultSwitch.isOn()) {
                        throw new BookstoreException(ErrorKind.UNAVAILABLE, "fault_injected",
                                "a failover drill has switched region " + region.region() + " to unhealthy");
                    }
                    var result = health.check();
                    return HttpResponse.of(result.healthy() ? 200 : 503, result);
                }),
                Route.of("GET", "/region", Access.PUBLIC, call -> HttpResponse.ok(region)));
    }
}
