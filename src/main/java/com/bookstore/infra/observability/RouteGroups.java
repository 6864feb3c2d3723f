package com.bookstore.infra.observability;

import com.bookstore.contract.ApiRoute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The API's routes by what a shopper is doing: browsing the catalogue, changing the cart, checking out or reading
 * orders. Each group gets a latency alarm of its own, so a slow checkout is not averaged away by fast book pages.
 * The status routes (/health, /region) are no shopper's path and have none.
 */
final class RouteGroups {

    private static final Map<String, String> GROUP_OF_FIRST_SEGMENT = Map.of(
            "books", "catalogue", "bestsellers", "catalogue", "cart", "cart", "orders", "orders");

    private RouteGroups() {
    }

    /** Group name to its routes, in a stable order. */
    static Map<String, List<ApiRoute>> of(List<ApiRoute> routes) {
        Map<String, List<ApiRoute>> groups = new TreeMap<>();
        for (ApiRoute route : routes) {
            String first = route.path().replaceFirst("^/", "").split("/")[0];
            String group = GROUP_OF_FIRST_SEGMENT.get(first);
            if (group != null) {
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(route);
            }
        }
        return groups;
    }
}
