package com.bookstore.local.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The HTTP API's route table, matched like API Gateway does: exact method and path, greedy-free. */
public final class ApiRoutes {

    /** The API's contract, in the functions jar; the infra builds API Gateway's routes from the same file. */
    static final String OPENAPI = "/openapi.yaml";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private final List<ApiRoute> routes;

    public ApiRoutes(List<ApiRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The bookstore's routes as its OpenAPI document declares them, as API Gateway is configured on AWS. */
    public static ApiRoutes bookstore() {
        try (InputStream in = ApiRoutes.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI + " is not on the classpath: it comes with the functions jar");
            }
            return fromOpenApi(new Yaml(new SafeConstructor(new LoaderOptions())).load(in), OPENAPI);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OPENAPI, e);
        }
    }

    /**
     * Every operation under {@code paths}; it needs a JWT when its security requirement (its own, else the
     * document's) names a scheme in every alternative, as API Gateway attaches the authorizer.
     */
    static ApiRoutes fromOpenApi(Object document, String source) {
        if (!(document instanceof Map<?, ?> root) || !(root.get("paths") instanceof Map<?, ?> paths) || paths.isEmpty()) {
            throw new IllegalArgumentException(source + ": no paths, so the gateway would serve no API");
        }
        List<ApiRoute> routes = new ArrayList<>();
        for (Map.Entry<?, ?> path : paths.entrySet()) {
            if (!(path.getValue() instanceof Map<?, ?> item)) {
                throw new IllegalArgumentException(source + ": path " + path.getKey() + " is not a map of operations");
            }
            for (Map.Entry<?, ?> operation : item.entrySet()) {
                String method = String.valueOf(operation.getKey()).toLowerCase(Locale.ROOT);
                if (METHODS.contains(method)) { // not the path's shared parameters or summary
                    Object security = operation.getValue() instanceof Map<?, ?> op && op.containsKey("security")
                            ? op.get("security") : root.get("security");
                    routes.add(new ApiRoute(method.toUpperCase(Locale.ROOT), String.valueOf(path.getKey()),
                            namesAScheme(security)));
                }
            }
        }
        return new ApiRoutes(routes);
    }

    private static boolean namesAScheme(Object security) {
        return security instanceof List<?> alternatives && !alternatives.isEmpty()
                && alternatives.stream().allMatch(a -> a instanceof Map<?, ?> schemes && !schemes.isEmpty());
    }

    public record Match(ApiRoute route, Map<String, String> pathParameters) {
    }

    public Optional<Match> find(String method, String rawPath) {
        List<String> decoded = ApiRoute.segments(rawPath).stream()
                .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
                .toList();
        for (ApiRoute route : routes) {
            Optional<Map<String, String>> parameters = route.match(method, decoded);
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
