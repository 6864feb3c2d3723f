package com.bookstore.local.gateway;

import com.bookstore.contract.ApiContract;
import com.bookstore.contract.ApiRoute;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The HTTP API's route table, matched like API Gateway does: exact method and path, greedy-free. */
public final class ApiRoutes {

    private final List<ApiRoute> routes;

    public ApiRoutes(List<ApiRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The bookstore's routes as its OpenAPI document declares them, as API Gateway is configured on AWS. */
    public static ApiRoutes bookstore() {
        return new ApiRoutes(ApiContract.routes());
    }

    public record Match(ApiRoute route, Map<String, String> pathParameters) {
    }

    public Optional<Match> find(String method, String rawPath) {
        for (ApiRoute route : routes) {
            Optional<Map<String, String>> parameters = route.match(method, rawPath);
            if (parameters.isPresent()) {
                return Optional.of(new Match(route, parameters.get()));
            }
        }
        return Optional.empty();
    }

    public List<ApiRoute> all() {
        return routes;
    }
}
