package com.bookstore.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Serves the built storefront ({@code ui/dist}) as S3 + CloudFront do: files as they are, hashed assets
 * cached for good, and {@code index.html} for any other path so the client-side router can take over.
 */
final class StaticSite implements HttpHandler {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("map", "application/json"), Map.entry("webmanifest", "application/manifest+json"));

    private final Path root;

    StaticSite(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            Responses.send(exchange, 405, "text/plain; charset=utf-8", "Method Not Allowed\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Path index = root.resolve("index.html");
        if (!Files.isRegularFile(index)) {
            Responses.send(exchange, 503, "text/plain; charset=utf-8",
                    ("The storefront is not built: " + index + " is missing (make local builds it).\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8);
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root)) {
            Responses.send(exchange, 404, "text/plain; charset=utf-8", "Not Found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!Files.isRegularFile(file)) {
            String last = path.substring(path.lastIndexOf('/') + 1);
            if (last.contains(".")) {
                // A missing asset is a real 404; only routes fall back to the app shell.
                Responses.send(exchange, 404, "text/plain; charset=utf-8", "Not Found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            file = index;
        }
        boolean hashedAsset = root.relativize(file).startsWith("assets");
        exchange.getResponseHeaders().set("Cache-Control", hashedAsset ? "public, max-age=31536000, immutable" : "no-cache");
        Responses.send(exchange, 200, contentType(file), Files.readAllBytes(file));
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
