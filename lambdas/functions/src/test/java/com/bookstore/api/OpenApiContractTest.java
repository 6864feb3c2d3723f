package com.bookstore.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bookstore.platform.AwsSettings;
import com.bookstore.platform.FunctionSettings;
import com.bookstore.platform.LazyRedisPool;
import com.bookstore.platform.TableNames;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import com.bookstore.platform.AwsClients;

/** openapi.yaml and the handler's route table describe the same API, route for route. */
class OpenApiContractTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void specAndRouterHaveTheSameRoutes() throws IOException {
        Set<String> specified = specRoutes();
        // Nothing is called while wiring: the clients only need to exist.
        var settings = new FunctionSettings(TableNames.withPrefix("contract-"),
                AwsSettings.local("eu-west-1", URI.create("http://127.0.0.1:9")), "redis://127.0.0.1:9", "primary");
        Set<String> routed;
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(settings.aws()); var redis = new LazyRedisPool(settings.redisUrl())) {
            routed = new BookstoreApi(settings, dynamo, redis, Clock.systemUTC()).router().routeKeys();
        }

        Set<String> onlyInSpec = new TreeSet<>(specified);
        onlyInSpec.removeAll(routed);
        Set<String> onlyInRouter = new TreeSet<>(routed);
        onlyInRouter.removeAll(specified);
        assertEquals(Set.of(), onlyInSpec, "routes in openapi.yaml that the router does not serve");
        assertEquals(Set.of(), onlyInRouter, "routes the router serves that openapi.yaml does not describe");
        assertEquals(13, routed.size(), "DESIGN.md section 4 lists 13 method+path routes");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> specRoutes() throws IOException {
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/openapi.yaml")) {
            Map<String, Object> spec = new Yaml().load(in);
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
            Set<String> routes = new TreeSet<>();
            paths.forEach((path, item) -> item.keySet().stream().filter(HTTP_METHODS::contains)
                    .forEach(method -> routes.add(method.toUpperCase(Locale.ROOT) + " " + path)));
            return routes;
        }
    }
}
