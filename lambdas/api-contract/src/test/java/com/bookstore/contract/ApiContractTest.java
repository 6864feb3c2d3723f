package com.bookstore.contract;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the OpenAPI document becomes routes; RegionalApiTest checks the routes the bundled document deploys. */
class ApiContractTest {

    @Test
    void anOperationsOwnSecurityWinsOverTheDocumentsAndAnEmptyListOrAlternativeLeavesItPublic() {
        List<ApiRoute> routes = ApiContract.parse(new Yaml().load("""
                security: [{cognito: []}]
                paths:
                  /cart:
                    get: {}
                  /health:
                    get: {security: []}
                  /books:
                    get: {security: [{}, {cognito: []}]}
                """), "test.yaml");

        assertEquals(List.of(new ApiRoute("GET", "/cart", true), new ApiRoute("GET", "/health", false),
                new ApiRoute("GET", "/books", false)), routes);
    }

    @Test
    void everyMethodOfAPathIsARouteAndItsSharedParametersAreNot() {
        List<ApiRoute> routes = ApiContract.parse(new Yaml().load("""
                paths:
                  /cart/{bookId}:
                    parameters: [{name: bookId, in: path}]
                    summary: one cart line
                    get: {security: [{cognito: []}]}
                    DELETE: {security: [{cognito: []}]}
                """), "test.yaml");

        assertEquals(List.of("GET /cart/{bookId}", "DELETE /cart/{bookId}"),
                routes.stream().map(ApiRoute::routeKey).toList());
    }

    @Test
    void aDocumentWithoutPathsIsRejectedNamingIt() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> ApiContract.parse(new Yaml().load("openapi: 3.0.3\n"), "broken.yaml"));

        assertTrue(error.getMessage().startsWith("broken.yaml: no paths"), error.getMessage());
    }
}
