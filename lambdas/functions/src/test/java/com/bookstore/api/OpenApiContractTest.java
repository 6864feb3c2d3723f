package com.bookstore.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bookstore.api.http.Access;
import com.bookstore.api.http.Router;
import com.bookstore.platform.AwsSettings;
import com.bookstore.platform.FunctionSettings;
import com.bookstore.platform.LazyRedisPool;
import com.bookstore.platform.TableNames;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import com.bookstore.platform.AwsClients;

/** openapi.yaml and the handler's route table describe the same API, route for route, with the same access. */
class OpenApiContractTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void specAndRouterHaveTheSameRoutes() throws IOException {
        Set<String> specified = specRoutes().keySet();
        Set<String> routed = router().routeKeys();

        Set<String> onlyInSpec = new TreeSet<>(specified);
        onlyInSpec.removeAll(routed);
        Set<String> onlyInRouter = new TreeSet<>(routed);
        onlyInRouter.removeAll(specified);
        assertEquals(Set.of(), onlyInSpec, "routes in openapi.yaml that the router does not serve");
        assertEquals(Set.of(), onlyInRouter, "routes the router serves that openapi.yaml does not describe");
        assertEquals(13, routed.size(), "DESIGN.md section 4 lists 13 method+path routes");
    }

    @Test
    void theRoutesTheSpecSecuresAreExactlyTheCustomerRoutes() throws IOException {
        Map<String, Boolean> routerNeedsCustomer = new TreeMap<>();
        router().routes().forEach(route -> routerNeedsCustomer.put(route.key(), route.access() == Access.CUSTOMER));

        assertEquals(specRoutes(), routerNeedsCustomer, "route -> needs a signed-in customer");
    }

    private static Router router() {
        // Nothing is called while wiring: the clients only need to exist.
        var settings = new FunctionSettings(TableNames.withPrefix("contract-"),
                AwsSettings.local("eu-west-1", URI.create("http://127.0.0.1:9")), "redis://127.0.0.1:9", "primary");
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(settings.aws()); var redis = new LazyRedisPool(settings.redisUrl())) {
            return new BookstoreApi(settings, dynamo, redis, Clock.systemUTC()).router();
        }
    }

    /** Each operation of the spec and whether it declares a security requirement (the spec has no global one). */
    @SuppressWarnings("unchecked")
    private static Map<String, Boolean> specRoutes() throws IOException {
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/openapi.yaml")) {
            Map<String, Object> spec = new Yaml().load(in);
            assertEquals(null, spec.get("security"), "a document-wide security requirement; this test reads operations'");
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
            Map<String, Boolean> routes = new TreeMap<>();
            paths.forEach((path, item) -> item.forEach((method, operation) -> {
                if (HTTP_METHODS.contains(method)) {
                    Object security = ((Map<String, Object>) operation).get("security");
                    routes.put(method.toUpperCase(Locale.ROOT) + " " + path,
                            security instanceof List<?> requirements && !requirements.isEmpty());
                }
            }));
            return routes;
        }
    }
}
