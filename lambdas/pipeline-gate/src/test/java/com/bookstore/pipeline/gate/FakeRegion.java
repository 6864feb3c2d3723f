package com.bookstore.pipeline.gate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Plays one region's public API on 127.0.0.1 (a free port): healthy by default, answering as the bookstore API does,
 * and told per test how to misbehave (a status, a body, a wrong region header, a delay). Every answer must be one
 * the API's OpenAPI document allows ({@link OpenApiContract}), so the gate is tested against the API as specified;
 * an answer that breaks it on purpose (a broken deployment) is scripted with {@link #answerOffContract}.
 */
final class FakeRegion implements AutoCloseable {
    static final String BOOK_ID = "b-042";
    private static final String BOOK = "{\"id\":\"" + BOOK_ID + "\",\"name\":\"Dune\",\"author\":\"Frank Herbert\","
            + "\"category\":\"Science Fiction\",\"price\":9.99,\"rating\":5,\"cover\":\"/covers/" + BOOK_ID + ".svg\"}";

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Deque<Answer>> firstAnswers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String regionHeader;
    private volatile Duration delay = Duration.ZERO;

    private final List<String> violations = new CopyOnWriteArrayList<>();

    /** {@code offContract}: scripted with {@link #answerOffContract}, so not checked when served. */
    private record Answer(int status, String body, boolean offContract) {
        Answer(int status, String body) {
            this(status, body, false);
        }
    }

    FakeRegion(String region) throws IOException {
        this.regionHeader = region;
        answer("/health", 200, health(region, "ok", "ok", "ok"));
        answer("/region", 200, "{\"region\":\"" + region + "\",\"role\":\"primary\"}");
        answer("/books?limit=1", 200, "{\"items\":[" + BOOK + "],\"nextCursor\":\"YjA0Mg\"}");
        answer("/books/" + BOOK_ID, 200, BOOK);
        answer("/bestsellers", 200, "{\"items\":[{\"book\":" + BOOK + ",\"sold\":7}],\"stale\":false}");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::serve);
        server.start();
    }

    /** A /health body as the API's DeepHealthCheck writes it. */
    static String health(String region, String status, String dynamodb, String redis) {
        return "{\"status\":\"" + status + "\",\"region\":\"" + region + "\",\"role\":\"primary\","
                + "\"checks\":{\"dynamodb\":\"" + dynamodb + "\",\"redis\":\"" + redis + "\"}}";
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    FakeRegion answer(String pathAndQuery, int status, String body) {
        requireOnContract(pathAndQuery, status, body);
        answers.put(pathAndQuery, new Answer(status, body));
        return this;
    }

    /**
     * An answer the API's document does not allow, for testing how the gate treats a broken deployment; {@code why}
     * says what is broken. Refused if the answer is in fact valid, so it cannot hide a fixture that drifted.
     */
    FakeRegion answerOffContract(String pathAndQuery, int status, String body, String why) {
        if (OpenApiContract.problems(pathAndQuery, status, body, regionHeader).isEmpty()) {
            throw new IllegalArgumentException("answer for " + pathAndQuery + " is valid per openapi.yaml, so not '" + why
                    + "': script it with answer()");
        }
        answers.put(pathAndQuery, new Answer(status, body, true));
        return this;
    }

    /** Answers the next {@code times} requests of a route this way, then goes back to the standing answer. */
    FakeRegion answerFirst(String pathAndQuery, int times, int status, String body) {
        requireOnContract(pathAndQuery, status, body);
        Deque<Answer> queue = firstAnswers.computeIfAbsent(pathAndQuery, k -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(new Answer(status, body));
        }
        return this;
    }

    private void requireOnContract(String pathAndQuery, int status, String body) {
        List<String> problems = OpenApiContract.problems(pathAndQuery, status, body, regionHeader);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the fake's answer breaks openapi.yaml:\n  " + String.join("\n  ", problems));
        }
    }

    FakeRegion regionHeader(String region) {
        this.regionHeader = region;
        return this;
    }

    FakeRegion delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        requests.add(target);
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Deque<Answer> first = firstAnswers.get(target);
        Answer temporary = first == null ? null : first.poll();
        Answer answer = temporary != null ? temporary : answers.getOrDefault(target, new Answer(404, "{\"error\":\"not_found\",\"message\":\"no route\"}"));
        if (!answer.offContract()) {
            // Checked again as served: the region header may have changed since, and unscripted routes get the 404.
            violations.addAll(OpenApiContract.problems(target, answer.status(), answer.body(), regionHeader));
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (regionHeader != null) {
            exchange.getResponseHeaders().add("X-Bookstore-Region", regionHeader);
        }
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(answer.status(), body.length);
            out.write(body);
        } catch (IOException clientGaveUp) {
            // The gate timed out and closed the connection: expected in the slow-region case.
        }
    }

    /** Stops the server; fails the test if it served anything the API's document does not allow. */
    @Override
    public void close() {
        server.stop(0);
        if (!violations.isEmpty()) {
            throw new AssertionError("the fake region served answers that break openapi.yaml:\n  "
                    + String.join("\n  ", violations));
        }
    }
}
