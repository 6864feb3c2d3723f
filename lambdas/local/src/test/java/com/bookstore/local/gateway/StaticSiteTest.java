package com.bookstore.local.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.contract.SiteHeaders;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storefront as the gateway serves it: CloudFront's compression and the headers the stack uploads with. */
class StaticSiteTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String BLOG = "https://blog.example.test";
    private static final String STYLE = "body{margin:0}";
    /** printf 'body{margin:0}' | openssl dgst -sha256 -binary | base64 */
    private static final String STYLE_HASH = "'sha256-IAdwN3biDCQ3brrgp1m8kBEsPQYyqfREKOEfeoREopc='";

    @TempDir
    static Path dist;

    private static HttpServer server;
    private static String script;
    private static byte[] brotliCopy;

    @BeforeAll
    static void start() throws IOException {
        script = "export const books = [];\n".repeat(200); // about 5 KB: inside CloudFront's compressed sizes
        brotliCopy = new byte[] {0x1b, 0x13, 0x00, 0x00, 0x04}; // stands for the build's copy: sent as is
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(dist.resolve("index.html"), "<!doctype html><title>shell</title><style>" + STYLE + "</style>"
                + "<!-- -->".repeat(200));
        Files.writeString(dist.resolve("assets/app-1a2b.js"), script);
        Files.write(dist.resolve("assets/app-1a2b.js.br"), brotliCopy);
        Files.writeString(dist.resolve("assets/index-3c4d.css"), "body{margin:0}".repeat(100));
        Files.writeString(dist.resolve("assets/tiny-5e6f.js"), "export {};");
        Files.write(dist.resolve("assets/logo-7a8b.png"), new byte[4_000]);
        Files.writeString(dist.resolve("favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", new StaticSite(dist, new SiteHeaders.Origins(List.of(), List.of(), List.of(BLOG))));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
    }

    @Test
    void hashedAssetsAreCachedForGoodAndEverythingElseIsRevalidated() throws Exception {
        assertEquals(IMMUTABLE, header(get("/assets/app-1a2b.js", null), "Cache-Control").orElseThrow());
        assertEquals(IMMUTABLE, header(get("/assets/logo-7a8b.png", null), "Cache-Control").orElseThrow());
        assertEquals("no-cache", header(get("/", null), "Cache-Control").orElseThrow());
        assertEquals("no-cache", header(get("/category/cookbooks", null), "Cache-Control").orElseThrow(),
                "a client-side route is the app shell");
        assertEquals("no-cache", header(get("/favicon.svg", null), "Cache-Control").orElseThrow());
    }

    @Test
    void contentTypesComeFromTheSharedDefinition() throws Exception {
        assertEquals("text/javascript; charset=utf-8", header(get("/assets/app-1a2b.js", null), "Content-Type").orElseThrow());
        assertEquals("text/css; charset=utf-8", header(get("/assets/index-3c4d.css", null), "Content-Type").orElseThrow());
        assertEquals("image/svg+xml", header(get("/favicon.svg", null), "Content-Type").orElseThrow());
    }

    @Test
    void aViewerThatAcceptsGzipGetsGzip() throws Exception {
        HttpResponse<byte[]> response = get("/assets/app-1a2b.js", "gzip, deflate");

        assertEquals("gzip", header(response, "Content-Encoding").orElseThrow());
        assertEquals("Accept-Encoding", header(response, "Vary").orElseThrow());
        assertTrue(response.body().length < script.length() / 4, "compressed: " + response.body().length + " bytes");
        try (var gunzip = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertEquals(script, new String(gunzip.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void brotliIsPreferredWhenTheViewerAcceptsBoth() throws Exception {
        HttpResponse<byte[]> response = get("/assets/app-1a2b.js", "gzip, deflate, br, zstd");

        assertEquals("br", header(response, "Content-Encoding").orElseThrow());
        assertArrayEquals(brotliCopy, response.body());
    }

    @Test
    void withoutABrotliCopyBrotliViewersGetGzip() throws Exception {
        HttpResponse<byte[]> response = get("/assets/index-3c4d.css", "br, gzip");

        assertEquals("gzip", header(response, "Content-Encoding").orElseThrow());
    }

    @Test
    void refusedCodingsAreNotUsed() throws Exception {
        assertEquals("gzip", header(get("/assets/app-1a2b.js", "br;q=0, gzip;q=0.5"), "Content-Encoding").orElseThrow());
        HttpResponse<byte[]> identity = get("/assets/app-1a2b.js", "gzip;q=0");
        assertTrue(header(identity, "Content-Encoding").isEmpty());
        assertEquals(script, new String(identity.body(), StandardCharsets.UTF_8));
        assertTrue(header(get("/assets/app-1a2b.js", null), "Content-Encoding").isEmpty());
    }

    @Test
    void smallFilesAndTypesCloudFrontDoesNotCompressAreSentAsTheyAre() throws Exception {
        HttpResponse<byte[]> tiny = get("/assets/tiny-5e6f.js", "br, gzip");
        assertTrue(header(tiny, "Content-Encoding").isEmpty(), "under 1,000 bytes");
        assertTrue(header(tiny, "Vary").isEmpty());
        assertEquals("export {};", new String(tiny.body(), StandardCharsets.UTF_8));

        HttpResponse<byte[]> image = get("/assets/logo-7a8b.png", "br, gzip");
        assertTrue(header(image, "Content-Encoding").isEmpty(), "image/png is not on CloudFront's list");
        assertEquals(4_000, image.body().length);
    }

    @Test
    void theAppShellIsCompressedToo() throws Exception {
        HttpResponse<byte[]> shell = get("/books/some-id", "gzip");

        assertEquals("gzip", header(shell, "Content-Encoding").orElseThrow());
        assertEquals("text/html; charset=utf-8", header(shell, "Content-Type").orElseThrow());
    }

    @Test
    void brotliCopiesAreNotServedOnTheirOwnAsTheBucketHasNone() throws Exception {
        assertEquals(404, get("/assets/app-1a2b.js.br", null).statusCode());
    }

    @Test
    void everyPageCarriesTheContentSecurityPolicyAndOtherFilesDoNot() throws Exception {
        for (String page : List.of("/", "/index.html", "/books/some-id", "/category/cookbooks")) {
            String policy = header(get(page, "gzip"), "Content-Security-Policy").orElseThrow(() -> new AssertionError(page));
            assertTrue(policy.contains("script-src 'self';"), page + ": " + policy);
            assertTrue(policy.contains("connect-src 'self' " + BLOG + ";"), page + ": " + policy);
            assertTrue(policy.contains("style-src 'self' " + STYLE_HASH + ";"), page + ": " + policy);
            assertFalse(policy.contains("unsafe-inline"), policy);
        }
        for (String file : List.of("/assets/app-1a2b.js", "/assets/index-3c4d.css", "/favicon.svg")) {
            assertTrue(header(get(file, null), "Content-Security-Policy").isEmpty(), file);
        }
    }
}
