package com.bookstore.contract;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP API's routes as the OpenAPI document declares them (docs/architecture.md#api; the document is this
 * module's {@code openapi.yaml}): the Pulumi program deploys API Gateway's routes and authorizer from them and the
 * local gateway serves them, so neither can drift from the document.
 * Needs SnakeYAML on the caller's classpath (an optional dependency of this module).
 */
public final class ApiContract {

    /** The document, packaged in this module's jar. */
    public static final String RESOURCE = "/openapi.yaml";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private ApiContract() {
    }

    /** Every operation of the bundled document, in document order. */
    public static List<ApiRoute> routes() {
        try (InputStream in = ApiContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: it comes with bookstore-api-contract");
            }
            return parse(new Yaml(new SafeConstructor(new LoaderOptions())).load(in), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * The routes of a parsed document. An operation needs a signed-in caller when its security requirement (its
     * own, else the document's) names a scheme in every alternative; {@code security: []} or an empty
     * alternative ({@code {}}) leaves it public.
     */
    public static List<ApiRoute> parse(Object document, String source) {
        if (!(document instanceof Map<?, ?> root) || !(root.get("paths") instanceof Map<?, ?> paths) || paths.isEmpty()) {
            throw new IllegalArgumentException(source + ": no paths, so no routes to build the API with");
        }
        Object documentSecurity = root.get("security");
        List<ApiRoute> routes = new ArrayList<>();
        paths.forEach((path, item) -> {
            if (!(item instanceof Map<?, ?> operations)) {
                throw new IllegalArgumentException(source + ": path " + path + " is not a map of operations");
            }
            operations.forEach((key, operation) -> {
                String method = String.valueOf(key).toLowerCase(Locale.ROOT);
                if (!METHODS.contains(method)) {
                    return; // parameters, summary, servers: shared by the path's operations, not routes
                }
                Object security = operation instanceof Map<?, ?> op && op.containsKey("security")
                        ? op.get("security") : documentSecurity;
                routes.add(new ApiRoute(method.toUpperCase(Locale.ROOT), String.valueOf(path), signedIn(security)));
            });
        });
        return List.copyOf(routes);
    }

    private static boolean signedIn(Object security) {
        return security instanceof List<?> alternatives && !alternatives.isEmpty()
                && alternatives.stream().allMatch(a -> a instanceof Map<?, ?> schemes && !schemes.isEmpty());
    }
}
