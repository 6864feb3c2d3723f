package com.bookstore.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.api.BookstoreApi;
import com.bookstore.contract.ApiRoute;
import com.bookstore.api.http.Access;
import com.bookstore.api.http.Route;
import com.bookstore.api.http.Router;
import com.bookstore.platform.AwsSettings;
import com.bookstore.platform.FunctionSettings;
import com.bookstore.platform.LazyRedisPool;
import com.bookstore.platform.TableNames;
import com.bookstore.local.aws.LocalAws;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The gateway's route table is the OpenAPI document's, as API Gateway's is on AWS: the same route keys as the API
 * function's router, and the JWT authorizer exactly on its customer routes.
 */
class ApiRoutesTest {

    @Test
    void gatewayRoutesAreExactlyTheRoutesOfTheApiFunction() throws Exception {
        // Nothing is called: the clients only have to exist for the API to build its route table.
        URI nowhere = URI.create("http://127.0.0.1:9");
        try (var dynamo = new LocalAws(nowhere, "eu-west-1").dynamoDb();
             LazyRedisPool redis = new LazyRedisPool("redis://127.0.0.1:9")) {
            var settings = new FunctionSettings(TableNames.withPrefix("t-"), AwsSettings.local("eu-west-1", nowhere),
                    "redis://127.0.0.1:9", "primary");
            Router router = new BookstoreApi(settings, dynamo, redis, Clock.systemUTC()).router();
            Set<String> apiKeys = router.routeKeys();

            Set<String> gatewayKeys = ApiRoutes.bookstore().all().stream().map(ApiRoute::routeKey)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(apiKeys, gatewayKeys);
            Set<String> customerKeys = router.routes().stream().filter(route -> route.access() == Access.CUSTOMER)
                    .map(Route::key).collect(Collectors.toCollection(TreeSet::new));
            Set<String> jwtKeys = ApiRoutes.bookstore().all().stream().filter(ApiRoute::signedIn)
                    .map(ApiRoute::routeKey).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(customerKeys, jwtKeys);
        }
    }

    @Test
    void customerRoutesAndOnlyThoseNeedAToken() {
        Map<Boolean, Set<String>> byAuth = ApiRoutes.bookstore().all().stream().collect(Collectors.partitioningBy(
                ApiRoute::signedIn, Collectors.mapping(ApiRoute::path, Collectors.toCollection(TreeSet::new))));

        assertTrue(byAuth.get(true).stream().allMatch(path -> path.startsWith("/cart") || path.startsWith("/orders")), byAuth.toString());
        assertTrue(byAuth.get(false).stream().noneMatch(path -> path.startsWith("/cart") || path.startsWith("/orders")), byAuth.toString());
    }

    @Test
    void pathParametersAreDecodedAndMatchOneSegmentEach() {
        var match = ApiRoutes.bookstore().find("GET", "/books/a%2Fb").orElseThrow();
        assertEquals("GET /books/{id}", match.route().routeKey());
        assertEquals(Map.of("id", "a/b"), match.pathParameters());
        assertTrue(ApiRoutes.bookstore().find("GET", "/books/a/b").isEmpty());
        assertTrue(ApiRoutes.bookstore().find("GET", "/books//").isEmpty(), "an empty {id} takes no route");
        assertTrue(ApiRoutes.bookstore().find("GET", "/books/%zz").isEmpty(), "a malformed escape takes no route");
    }
}
