package com.bookstore.ops.regionswitch;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A local HTTP server playing the ARC Region switch data plane from a recording ({@code region-switch/<name>.json}
 * in the test resources): each operation answers its recorded responses in order, then repeats the last. It keeps
 * every request (target, headers, body) for the tests to check what the tool put on the wire. The recordings'
 * shapes are validated against the service model by the infra tests (RecordedRegionSwitchResponsesTest).
 */
final class RecordedRegionSwitch implements AutoCloseable {

    record Request(String target, Map<String, List<String>> headers, JsonObject body) {}

    private final HttpServer server;
    private final JsonObject recording;
    private final Map<String, Integer> served = new HashMap<>();
    final List<Request> requests = new ArrayList<>();

    RecordedRegionSwitch(String name) throws IOException {
        try (InputStream in = RecordedRegionSwitch.class.getResourceAsStream("/region-switch/" + name + ".json")) {
            this.recording = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            JsonObject body = JsonParser.parseString(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)).getAsJsonObject();
            synchronized (this) {
                requests.add(new Request(target, Map.copyOf(exchange.getRequestHeaders()), body));
            }
            byte[] answer;
            int status;
            if (recording.has(operation)) {
                JsonArray responses = recording.getAsJsonArray(operation);
                int index = served.merge(operation, 1, Integer::sum) - 1;
                JsonObject response = responses.get(Math.min(index, responses.size() - 1)).getAsJsonObject().deepCopy();
                // A recorded error carries its HTTP status; the body is the service's error document.
                status = response.has("_status") ? response.remove("_status").getAsInt() : 200;
                answer = response.toString().getBytes(StandardCharsets.UTF_8);
            } else {
                answer = ("{\"__type\":\"com.amazonaws.arcregionswitch#ValidationException\",\"message\":\"not recorded: "
                        + operation + "\"}").getBytes(StandardCharsets.UTF_8);
                status = 400;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    synchronized List<Request> requests(String operation) {
        return requests.stream().filter(r -> ("ArcRegionSwitch." + operation).equals(r.target())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
