package com.bookstore.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.bookstore.api.errors.BookstoreException;
import com.bookstore.api.http.Access;
import com.bookstore.api.http.Route;
import com.bookstore.api.orders.IdempotencyKey;
import com.bookstore.platform.AwsClients;
import com.bookstore.platform.AwsSettings;
import com.bookstore.platform.FunctionSettings;
import com.bookstore.platform.LazyRedisPool;
import com.bookstore.platform.TableNames;
import com.bookstore.testing.OpenApiDocument;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** openapi.yaml and the handler describe the same API: route for route, and the same input constraints. */
class OpenApiContractTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void specAndRouterHaveTheSameRoutes() {
        Set<String> specified = specRoutes();
        Set<String> routed = new TreeSet<>();
        routerRoutes().forEach(route -> routed.add(route.key()));

        Set<String> onlyInSpec = new TreeSet<>(specified);
        onlyInSpec.removeAll(routed);
        Set<String> onlyInRouter = new TreeSet<>(routed);
        onlyInRouter.removeAll(specified);
        assertEquals(Set.of(), onlyInSpec, "routes in openapi.yaml that the router does not serve");
        assertEquals(Set.of(), onlyInRouter, "routes the router serves that openapi.yaml does not describe");
        assertFalse(routed.isEmpty(), "two empty route sets would agree vacuously");
    }

    @Test
    void routesThatNeedAJwtInTheSpecAreTheRoutersCustomerRoutesAndDeclareTheAuthorizers401() {
        Map<String, Map<String, Object>> paths = OpenApiDocument.load().paths();
        for (Route route : routerRoutes()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> operation = (Map<String, Object>) paths.get(route.path().template())
                    .get(route.method().toLowerCase(Locale.ROOT));
            boolean needsJwt = operation.containsKey("security");
            assertEquals(route.access() == Access.CUSTOMER, needsJwt, route.key() + ": security in openapi.yaml vs the router's access");
            if (needsJwt) {
                @SuppressWarnings("unchecked")
                Map<String, Object> unauthorized = (Map<String, Object>) ((Map<String, Object>) operation.get("responses")).get("401");
                assertEquals(Map.of("$ref", "#/components/responses/Unauthorized"), unauthorized,
                        route.key() + " must declare the 401 whose body may be API Gateway's own");
            }
        }
    }

    /** The router as the handler wires it; nothing is called while wiring, so the clients only need to exist. */
    private static List<Route> routerRoutes() {
        var settings = new FunctionSettings(TableNames.withPrefix("contract-"),
                AwsSettings.local("eu-west-1", URI.create("http://127.0.0.1:9")), "redis://127.0.0.1:9", "primary");
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(settings.aws()); var redis = new LazyRedisPool(settings.redisUrl())) {
            return new BookstoreApi(settings, dynamo, redis, Clock.systemUTC()).router().routes();
        }
    }

    @Test
    void idempotencyKeyConstraintsOfTheSpecAreExactlyWhatCheckoutAccepts() {
        var specified = OpenApiDocument.load().parameterSchema("post", "/orders", "Idempotency-Key");
        List<String> keys = List.of("1234567", "12345678", "8c0e4f4e-1c1e-4d7a-9f0c-3a1f5e2b7d90", "k".repeat(128),
                "k".repeat(129), "with space", "tab\tinside", "caf\u00e9-latte-1", "del\u007fcharacter", "!#$%&'*+-.^_`|~09",
                "\"quoted\"{}[]<>");
        for (String key : keys) {
            assertEquals(acceptedByCheckout(key), specified.accepts(key),
                    "openapi.yaml and IdempotencyKey disagree about " + key.replace("\t", "\\t"));
        }
    }

    private static boolean acceptedByCheckout(String key) {
        try {
            IdempotencyKey.from(Optional.of(key));
            return true;
        } catch (BookstoreException rejected) {
            return false;
        }
    }

    private static Set<String> specRoutes() {
        Set<String> routes = new TreeSet<>();
        OpenApiDocument.load().paths().forEach((path, item) -> item.keySet().stream().filter(HTTP_METHODS::contains)
                .forEach(method -> routes.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return routes;
    }
}
