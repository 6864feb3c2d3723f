package com.bookstore.ops.drill;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A stand-in for the two-region bookstore, for testing the drill's orchestration in this module
 * (the real API and local runtime live in other modules): two regions that speak the API's routes,
 * honour the fault switch in their own SSM as docs/interfaces.md specifies, and copy orders to each
 * other after a delay; and a front door that routes to the primary until its health fails
 * {@code threshold} probes in a row. The drill's own logic is what is under test, not this.
 */
final class ToyBookstore implements AutoCloseable {

    /** One region: its orders (id -> customer and book) and its health as its SSM switch says. */
    final class Region {
        final String name;
        final Map<String, String[]> orders = new ConcurrentHashMap<>();
        final SsmClient ssm;
        final HttpServer server;
        Region peer;

        Region(String name, SsmClient ssm) throws IOException {
            this.name = name;
            this.ssm = ssm;
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.createContext("/api/", this::handle);
            server.setExecutor(workers);
            server.start();
        }

        URI api() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
        }

        boolean faultOn() {
            try {
                return "on".equals(ssm.getParameter(b -> b.name(FaultSwitchWriter.DEFAULT_PARAMETER)).parameter().value());
            } catch (software.amazon.awssdk.services.ssm.model.ParameterNotFoundException e) {
                return false;
            }
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath().substring("/api".length());
                String method = exchange.getRequestMethod();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (path.equals("/health")) {
                    reply(exchange, faultOn() ? 503 : 200, faultOn() ? "{\"error\":\"fault_injected\"}" : "{\"status\":\"ok\"}");
                } else if (path.equals("/books")) {
                    reply(exchange, 200, "{\"items\":[{\"id\":\"b-1\"},{\"id\":\"b-2\"},{\"id\":\"b-3\"}],\"nextCursor\":null}");
                } else if (path.equals("/bestsellers")) {
                    Map<String, Long> sold = orders.values().stream().collect(Collectors.groupingBy(o -> o[1], Collectors.counting()));
                    String items = sold.entrySet().stream()
                            .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                            .map(e -> "{\"book\":{\"id\":\"" + e.getKey() + "\"},\"sold\":" + e.getValue() + "}")
                            .collect(Collectors.joining(",", "[", "]"));
                    reply(exchange, 200, "{\"items\":" + items + ",\"stale\":false}");
                } else if (path.equals("/cart") && method.equals("POST")) {
                    carts.put(customer(exchange), JsonParser.parseString(body).getAsJsonObject().get("bookId").getAsString());
                    reply(exchange, 200, "{}");
                } else if (path.equals("/orders") && method.equals("POST")) {
                    String customer = customer(exchange);
                    String id = "ord-" + Integer.toHexString((customer + exchange.getRequestHeaders().getFirst("Idempotency-Key")).hashCode());
                    String book = carts.remove(customer);
                    if (orders.containsKey(id)) {
                        reply(exchange, 200, "{\"orderId\":\"" + id + "\"}");
                    } else if (book == null) {
                        reply(exchange, 422, "{\"error\":\"cart_empty\"}");
                    } else {
                        orders.put(id, new String[] {customer, book});
                        replication.schedule(() -> peer.orders.putIfAbsent(id, new String[] {customer, book}),
                                replicationDelayMillis, TimeUnit.MILLISECONDS);
                        reply(exchange, 201, "{\"orderId\":\"" + id + "\"}");
                    }
                } else if (path.startsWith("/orders/") && method.equals("GET")) {
                    String[] order = orders.get(path.substring("/orders/".length()));
                    boolean mine = order != null && order[0].equals(customer(exchange));
                    reply(exchange, mine ? 200 : 404, mine ? "{}" : "{\"error\":\"order_not_found\"}");
                } else {
                    reply(exchange, 404, "{\"error\":\"not_found\"}");
                }
            }
        }

        private void reply(HttpExchange exchange, int status, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("X-Bookstore-Region", name);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private final java.util.concurrent.ExecutorService workers = Executors.newFixedThreadPool(16);
    /** Carts are shared by both regions (replicated instantly): only orders matter to the drill. */
    private final Map<String, String> carts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService replication = Executors.newScheduledThreadPool(1);
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor();
    private final long replicationDelayMillis;
    final Region primary;
    final Region secondary;
    private final HttpServer frontDoor;
    private volatile Region routed;
    private int failedProbes;
    private int goodProbes;

    ToyBookstore(SsmClient primarySsm, SsmClient secondarySsm, long replicationDelayMillis, long probeMillis, int threshold)
            throws IOException {
        this.replicationDelayMillis = replicationDelayMillis;
        primary = new Region("eu-west-1", primarySsm);
        secondary = new Region("ap-southeast-1", secondarySsm);
        primary.peer = secondary;
        secondary.peer = primary;
        routed = primary;
        frontDoor = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        frontDoor.createContext("/", exchange -> routed.handle(exchange));
        frontDoor.setExecutor(workers);
        frontDoor.start();
        prober.scheduleWithFixedDelay(() -> {
            boolean healthy = !primary.faultOn();
            failedProbes = healthy ? 0 : failedProbes + 1;
            goodProbes = healthy ? goodProbes + 1 : 0;
            if (failedProbes >= threshold) {
                routed = secondary;
            } else if (goodProbes >= threshold) {
                routed = primary;
            }
        }, 0, probeMillis, TimeUnit.MILLISECONDS);
    }

    URI frontDoorApi() {
        return URI.create("http://127.0.0.1:" + frontDoor.getAddress().getPort() + "/api");
    }

    private static String customer(HttpExchange exchange) {
        String token = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
        JsonObject claims = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8)).getAsJsonObject();
        return claims.get("sub").getAsString();
    }

    @Override
    public void close() {
        prober.shutdownNow();
        replication.shutdownNow();
        frontDoor.stop(0);
        primary.server.stop(0);
        secondary.server.stop(0);
        workers.shutdownNow();
    }

}
