package com.bookstore.local.failover;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A region's gateway as the front door sees it, on a free loopback port: {@code /api/health} answers
 * the status the test sets; every other path echoes the request it got and names its region.
 */
final class RegionServer implements AutoCloseable {

    private final HttpServer server;
    final AtomicInteger healthStatus = new AtomicInteger(200);
    /** How long the health path waits before answering (a slow or stalled region). */
    final AtomicInteger healthDelayMillis = new AtomicInteger();

    RegionServer(String region) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/api/health", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                pause(healthDelayMillis.get());
                if (healthStatus.get() / 100 == 3) {
                    exchange.getResponseHeaders().set("Location", "/elsewhere");
                }
                exchange.sendResponseHeaders(healthStatus.get(), -1);
            }
        });
        server.createContext("/", exchange -> {
            try (exchange) {
                JsonObject echo = new JsonObject();
                echo.addProperty("method", exchange.getRequestMethod());
                echo.addProperty("uri", exchange.getRequestURI().toString());
                echo.addProperty("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
                echo.addProperty("idempotencyKey", exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                echo.addProperty("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] body = echo.toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("X-Bookstore-Region", region);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(201, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
