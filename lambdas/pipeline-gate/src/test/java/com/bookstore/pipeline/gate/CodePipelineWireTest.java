package com.bookstore.pipeline.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;

/**
 * The real CodePipeline client (the 2.40.2 service module on 2.57.8 core, the only combination the registry
 * offers) against a local endpoint: proves the job-result calls the mocks stand for are what reaches the wire.
 */
class CodePipelineWireTest {
    private record Recorded(String target, JsonObject body) {
    }

    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private CodePipelineClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            recorded.add(new Recorded(exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                    JsonParser.parseString(body).getAsJsonObject()));
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        client = CodePipelineClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void waitingOutcomeSendsPutJobSuccessResultWithTheContinuationToken() {
        Continuation next = new Continuation(Instant.parse("2026-11-27T10:00:00Z"), 3);

        new JobResultReporter(client).report("job-7", new GateOutcome.Waiting("primary not healthy yet", next, 40));

        Recorded call = recorded.get(0);
        assertEquals("CodePipeline_20150709.PutJobSuccessResult", call.target());
        assertEquals("job-7", call.body().get("jobId").getAsString());
        assertEquals(next.toToken(), call.body().get("continuationToken").getAsString());
        assertEquals("primary not healthy yet", call.body().getAsJsonObject("executionDetails").get("summary").getAsString());
        assertEquals(40, call.body().getAsJsonObject("executionDetails").get("percentComplete").getAsInt());
    }

    @Test
    void rejectedOutcomeSendsPutJobFailureResultCutToTheApiLimit() {
        String longSummary = "primary (eu-west-1) failed verification\n" + "x".repeat(6_000);

        new JobResultReporter(client).report("job-8", new GateOutcome.Rejected(longSummary));

        Recorded call = recorded.get(0);
        assertEquals("CodePipeline_20150709.PutJobFailureResult", call.target());
        JsonObject details = call.body().getAsJsonObject("failureDetails");
        assertEquals("JobFailed", details.get("type").getAsString());
        String message = details.get("message").getAsString();
        assertEquals(JobResultReporter.FAILURE_MESSAGE_LIMIT, message.length());
        assertTrue(message.startsWith("primary (eu-west-1) failed verification") && message.endsWith("..."));
    }
}
