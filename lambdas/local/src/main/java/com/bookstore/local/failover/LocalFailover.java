package com.bookstore.local.failover;

import com.bookstore.local.aws.LocalAws;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * What turns two local regions into one failover pair: the {@link TableReplicator} between their
 * tables in moto and the {@link FrontDoor} in front of their gateways, plus a small control endpoint
 * on loopback that the drill uses to cut a region's replication ("the region is lost") and restore it.
 *
 * <p>Configured by environment (scripts/drill.sh sets it): {@code AWS_ENDPOINT_URL} (moto),
 * {@code PRIMARY_REGION}, {@code SECONDARY_REGION}, {@code PRIMARY_URL}, {@code SECONDARY_URL} (the
 * regions' gateways), {@code BOOKS_TABLE}, {@code CART_TABLE}, {@code ORDERS_TABLE},
 * {@code REPLICATION_DELAY_MS} (default 1000), {@code FRONT_DOOR_PORT} (default 8080),
 * {@code PROBE_INTERVAL_MS} (default 1000), {@code PROBE_THRESHOLD} (default 3),
 * {@code PROBE_TIMEOUT_MS} (default 2000: Route 53 allows a probe a few seconds too),
 * {@code FAILOVER_CONTROL_PORT} (default 0 = any free port; printed).
 *
 * <p>Control: {@code POST /replication/{region}/isolate}, {@code POST /replication/{region}/reconnect},
 * {@code GET /status}.
 */
public final class LocalFailover implements AutoCloseable {

    private static final Gson GSON = new Gson();

    private final TableReplicator replicator;
    private final FrontDoor frontDoor;
    private final HttpServer control;

    private LocalFailover(TableReplicator replicator, FrontDoor frontDoor, HttpServer control) {
        this.replicator = replicator;
        this.frontDoor = frontDoor;
        this.control = control;
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        LocalFailover failover = start(System.getenv(), out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            failover.close();
            stopped.countDown();
        }, "shutdown"));
        out.printf("Front door is running at http://127.0.0.1:%d (control on http://127.0.0.1:%d)%n",
                failover.frontDoor.port(), failover.control.getAddress().getPort());
        out.flush();
        stopped.await();
    }

    public static LocalFailover start(Map<String, String> env, PrintStream out) throws IOException {
        URI moto = URI.create(required(env, "AWS_ENDPOINT_URL"));
        String primary = required(env, "PRIMARY_REGION");
        String secondary = required(env, "SECONDARY_REGION");
        List<String> tables = Arrays.asList(env.getOrDefault("BOOKS_TABLE", "bookstore-books"),
                env.getOrDefault("CART_TABLE", "bookstore-cart"), env.getOrDefault("ORDERS_TABLE", "bookstore-orders"));
        TableReplicator replicator = TableReplicator.start(region(moto, primary), region(moto, secondary),
                new TableReplicator.Settings(tables, Duration.ofMillis(number(env, "REPLICATION_DELAY_MS", 1000)),
                        Duration.ofMillis(100)), out);
        Duration probeInterval = Duration.ofMillis(number(env, "PROBE_INTERVAL_MS", 1000));
        FrontDoor frontDoor = FrontDoor.start(new FrontDoor.Settings((int) number(env, "FRONT_DOOR_PORT", 8080),
                URI.create(required(env, "PRIMARY_URL")), URI.create(required(env, "SECONDARY_URL")),
                FrontDoor.Settings.DEFAULT_HEALTH_PATH, probeInterval, (int) number(env, "PROBE_THRESHOLD", 3),
                Duration.ofMillis(number(env, "PROBE_TIMEOUT_MS", 2000))), out);
        HttpServer control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                (int) number(env, "FAILOVER_CONTROL_PORT", 0)), 8);
        LocalFailover failover = new LocalFailover(replicator, frontDoor, control);
        control.createContext("/", failover::control);
        control.start();
        return failover;
    }

    public int controlPort() {
        return control.getAddress().getPort();
    }

    public int frontDoorPort() {
        return frontDoor.port();
    }

    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/");
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.length == 2 && path[1].equals("status")) {
                JsonObject status = new JsonObject();
                status.addProperty("frontDoorTarget", frontDoor.target());
                status.add("switches", GSON.toJsonTree(frontDoor.switches().stream().map(Object::toString).toList()));
                status.add("replication", GSON.toJsonTree(replicator.stats()));
                reply(exchange, 200, status.toString());
            } else if (method.equals("POST") && path.length == 4 && path[1].equals("replication")
                    && (path[3].equals("isolate") || path[3].equals("reconnect"))) {
                try {
                    if (path[3].equals("isolate")) {
                        replicator.isolate(path[2]);
                    } else {
                        replicator.reconnect(path[2]);
                    }
                    reply(exchange, 200, "{\"region\":\"" + path[2] + "\",\"replication\":\"" + path[3] + "\"}");
                } catch (IllegalArgumentException e) {
                    reply(exchange, 404, "{\"error\":\"unknown_region\"}");
                }
            } else {
                reply(exchange, 404, "{\"error\":\"not_found\"}");
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static ReplicaRegion region(URI moto, String name) {
        LocalAws aws = new LocalAws(moto, name);
        return new ReplicaRegion(name, aws.dynamoDb(), aws.streams());
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " must be set (scripts/drill.sh sets it)");
        }
        return value;
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        try {
            return env.containsKey(name) ? Long.parseLong(env.get(name)) : fallback;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a whole number, was '" + env.get(name) + "'");
        }
    }

    @Override
    public void close() {
        control.stop(0);
        frontDoor.close();
        replicator.close();
    }
}
