package com.bookstore.local.gateway;

import com.bookstore.contract.SiteHeaders;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Serves the built storefront ({@code ui/dist}) as S3 + CloudFront do: each file with the headers the stack
 * uploads it with ({@link SiteHeaders}), compressed as the edge compresses ({@link EdgeCompression}), every page
 * with the Content-Security-Policy CloudFront adds, and {@code index.html} for any other path so the client-side
 * router can take over.
 */
final class StaticSite implements HttpHandler {
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String HTML = "text/html";

    private final Path root;
    private final SiteHeaders headers;
    private final SiteHeaders.Origins origins;

    /** {@code origins}: what this gateway's pages may reach besides itself (its blog). */
    StaticSite(Path root, SiteHeaders.Origins origins) {
        this.root = root.toAbsolutePath().normalize();
        this.headers = SiteHeaders.load();
        this.origins = origins;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            Responses.send(exchange, 405, TEXT, "Method Not Allowed\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Path index = root.resolve("index.html");
        if (!Files.isRegularFile(index)) {
            Responses.send(exchange, 503, TEXT,
                    ("The storefront is not built: " + index + " is missing (make local builds it).\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8);
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root) || headers.isLocalOnly(path)) {
            notFound(exchange);
            return;
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!Files.isRegularFile(file)) {
            String last = path.substring(path.lastIndexOf('/') + 1);
            if (last.contains(".")) {
                notFound(exchange); // a missing asset is a real 404; only routes fall back to the app shell
                return;
            }
            file = index;
        }
        String key = root.relativize(file).toString().replace('\\', '/');
        String contentType = headers.contentType(key);
        byte[] body = Files.readAllBytes(file);
        var response = exchange.getResponseHeaders();
        response.set("Cache-Control", headers.cacheControl(key));
        if (contentType.startsWith(HTML)) {
            // From the page served: a rebuild while the gateway runs changes the inline style's hash.
            response.set("Content-Security-Policy",
                    headers.contentSecurityPolicy(origins, new String(body, StandardCharsets.UTF_8)));
        }
        if (EdgeCompression.compressible(contentType, body.length)) {
            response.set("Vary", "Accept-Encoding");
            Path brotliCopy = root.resolve(headers.precompressed(key));
            Optional<String> encoding = EdgeCompression.choose(
                    exchange.getRequestHeaders().getFirst("Accept-Encoding"), Files.isRegularFile(brotliCopy));
            if (encoding.isPresent()) {
                response.set("Content-Encoding", encoding.get());
                body = encoding.get().equals(EdgeCompression.BROTLI)
                        ? Files.readAllBytes(brotliCopy) : EdgeCompression.gzip(body);
            }
        }
        Responses.send(exchange, 200, contentType, body);
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        Responses.send(exchange, 404, TEXT, "Not Found\n".getBytes(StandardCharsets.UTF_8));
    }
}
