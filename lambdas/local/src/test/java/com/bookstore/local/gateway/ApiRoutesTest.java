package com.bookstore.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.api.BookstoreApi;
import com.bookstore.platform.AwsSettings;
import com.bookstore.platform.FunctionSettings;
import com.bookstore.platform.LazyRedisPool;
import com.bookstore.platform.TableNames;
import com.bookstore.local.aws.LocalAws;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The gateway's route table is the API's: same route keys, and the JWT authorizer on customer routes. */
class ApiRoutesTest {

    @Test
    void gatewayRoutesAreExactlyTheRoutesOfTheApiFunction() throws Exception {
        // Nothing is called: the clients only have to exist for the API to build its route table.
        URI nowhere = URI.create("http://127.0.0.1:9");
        try (var dynamo = new LocalAws(nowhere, "eu-west-1").dynamoDb();
             LazyRedisPool redis = new LazyRedisPool("redis://127.0.0.1:9")) {
            var settings = new FunctionSettings(TableNames.withPrefix("t-"), AwsSettings.local("eu-west-1", nowhere),
                    "redis://127.0.0.1:9", "primary");
            Set<String> apiKeys = new BookstoreApi(settings, dynamo, redis, Clock.systemUTC()).router().routeKeys();

            Set<String> gatewayKeys = ApiRoutes.BOOKSTORE.all().stream().map(ApiRoute::routeKey)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(apiKeys, gatewayKeys);
        }
    }

    @Test
    void customerRoutesAndOnlyThoseNeedAToken() {
        Map<Boolean, Set<String>> byAuth = ApiRoutes.BOOKSTORE.all().stream().collect(Collectors.partitioningBy(
                ApiRoute::requiresJwt, Collectors.mapping(ApiRoute::pathTemplate, Collectors.toCollection(TreeSet::new))));

        assertTrue(byAuth.get(true).stream().allMatch(path -> path.startsWith("/cart") || path.startsWith("/orders")), byAuth.toString());
        assertTrue(byAuth.get(false).stream().noneMatch(path -> path.startsWith("/cart") || path.startsWith("/orders")), byAuth.toString());
    }

    @Test
    void pathParametersAreDecodedAndMatchOneSegmentEach() {
        var match = ApiRoutes.BOOKSTORE.find("GET", "/books/a%2Fb").orElseThrow();
        assertEquals("GET /books/{id}", match.route().routeKey());
        assertEquals(Map.of("id", "a/b"), match.pathParameters());
        assertTrue(ApiRoutes.BOOKSTORE.find("GET", "/books/a/b").isEmpty());
        assertTrue(ApiRoutes.BOOKSTORE.find("GET", "/books/").isEmpty());
    }
}
