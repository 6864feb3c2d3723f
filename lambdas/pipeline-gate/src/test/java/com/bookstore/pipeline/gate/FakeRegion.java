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
 * and told per test how to misbehave (a status, a body, a wrong region header, a delay).
 */
final class FakeRegion implements AutoCloseable {
    static final String BOOK_ID = "b-042";

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Deque<Answer>> firstAnswers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String regionHeader;
    private volatile Duration delay = Duration.ZERO;

    private record Answer(int status, String body) {
    }

    FakeRegion(String region) throws IOException {
        this.regionHeader = region;
        answer("/health", 200, "{\"status\":\"ok\",\"checks\":{\"dynamodb\":\"ok\",\"redis\":\"ok\"}}");
        answer("/region", 200, "{\"region\":\"" + region + "\",\"role\":\"primary\"}");
        answer("/books?limit=1", 200, "{\"items\":[{\"id\":\"" + BOOK_ID + "\",\"title\":\"Dune\",\"category\":\"sci-fi\","
                + "\"price\":9.99}],\"nextCursor\":\"abc\"}");
        answer("/books/" + BOOK_ID, 200, "{\"id\":\"" + BOOK_ID + "\",\"title\":\"Dune\",\"category\":\"sci-fi\",\"price\":9.99}");
        answer("/bestsellers", 200, "{\"items\":[{\"book\":{\"id\":\"" + BOOK_ID + "\",\"title\":\"Dune\"},\"sold\":7}],"
                + "\"stale\":false}");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::serve);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    FakeRegion answer(String pathAndQuery, int status, String body) {
        answers.put(pathAndQuery, new Answer(status, body));
        return this;
    }

    /** Answers the next {@code times} requests of a route this way, then goes back to the standing answer. */
    FakeRegion answerFirst(String pathAndQuery, int times, int status, String body) {
        Deque<Answer> queue = firstAnswers.computeIfAbsent(pathAndQuery, k -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(new Answer(status, body));
        }
        return this;
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

    @Override
    public void close() {
        server.stop(0);
    }
}
