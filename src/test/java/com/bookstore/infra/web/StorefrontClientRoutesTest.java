package com.bookstore.infra.web;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deep links work whatever status S3 gives a missing key: S3 answers 403 (not 404) to a reader that may not list the
 * bucket, which is what Origin Access Control with {@code s3:GetObject} alone is. So client-side routes are rewritten
 * to {@code /index.html} before the origin is asked, and a missing object never fails over to the other region.
 */
class StorefrontClientRoutesTest {

    @Test
    void clientRoutesAreRewrittenAtTheViewerAndNoErrorStatusOfAMissingKeyTriggersFailover() {
        Plan primary = Plans.primary();
        var distribution = Plans.one(primary, "aws:cloudfront/distribution:Distribution");
        var function = Plans.named(primary, "aws:cloudfront/function:Function", "bookstore-storefront-client-routes");

        assertEquals("cloudfront-js-2.0", input(function, "runtime"));
        assertEquals(true, input(function, "publish"));
        assertEquals(List.of(Map.of("eventType", "viewer-request", "functionArn",
                        "arn:aws:cloudfront::123456789012:function/bookstore-storefront-client-routes")),
                input(distribution, "defaultCacheBehavior.functionAssociations"));
        assertEquals(List.of(500L, 502L, 503L, 504L), input(distribution, "originGroups.failoverCriteria.statusCodes"));
        // The old rule mapped 404 to the app, which S3's 403 never reached; no error page rewrites statuses now.
        assertNull(input(distribution, "customErrorResponses"));
    }

    @Test
    void theFunctionServesTheAppForExtensionlessPathsOnlyInARealJavaScriptEngine(@TempDir Path dir) throws Exception {
        // cloudfront-js-2.0 is ECMAScript 5.1 with some later features; Node runs that subset unchanged.
        Path script = dir.resolve("run.js");
        Files.writeString(script, StorefrontDistribution.clientRoutesCode() + """

                const uris = JSON.parse(process.argv[2]);
                console.log(JSON.stringify(uris.map(uri => handler({ request: { uri: uri } }).uri)));
                """);
        List<String> uris = List.of("/", "/books/123", "/cart", "/orders/", "/index.html", "/config.json",
                "/assets/index-3f2a.js", "/favicon.ico", "/books/9780.141", "/robots.txt");

        String rewritten = run("node", script.toString(), new com.google.gson.Gson().toJson(uris));

        assertEquals(new com.google.gson.Gson().toJson(List.of("/index.html", "/index.html", "/index.html",
                "/index.html", "/index.html", "/config.json", "/assets/index-3f2a.js", "/favicon.ico",
                "/books/9780.141", "/robots.txt")), rewritten.trim());
    }

    @Test
    void theApiFunctionDropsTheApiPrefixAndKeepsTheRestOfThePathInARealJavaScriptEngine(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("run.js");
        Files.writeString(script, StorefrontDistribution.functionCode(StorefrontDistribution.API_PREFIX_FUNCTION) + """

                const uris = JSON.parse(process.argv[2]);
                console.log(JSON.stringify(uris.map(uri => handler({ request: { uri: uri } }).uri)));
                """);

        String rewritten = run("node", script.toString(), new com.google.gson.Gson().toJson(
                List.of("/api/books", "/api/books/abc%20def", "/api/health", "/api/cart/items/1")));

        assertEquals(new com.google.gson.Gson().toJson(List.of("/books", "/books/abc%20def", "/health", "/cart/items/1")),
                rewritten.trim());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertTrue(!output.isBlank(), "no output");
        return output;
    }
}
