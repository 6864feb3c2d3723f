package com.bookstore.pipeline.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.FailureType;
import software.amazon.awssdk.services.codepipeline.model.PutJobFailureResultRequest;
import software.amazon.awssdk.services.codepipeline.model.PutJobSuccessResultRequest;

/**
 * The gate end to end: CodePipeline's event in, the region played by a local HTTP server, and the two AWS APIs that
 * cannot run here stood in by Mockito (CodePipeline job results; CloudWatch, see {@link RegionalCloudWatch}), so each
 * case asserts the one result call the gate makes and the message a person reads in the console.
 */
class VerifyGateHandlerTest {
    private static final String PRIMARY = "eu-west-1";
    private static final String SECONDARY = "ap-southeast-1";
    /** Leaves room for exactly one round of checks: the gate must then hand back a continuation. */
    private static final Duration ONE_ROUND = Duration.ofSeconds(4);
    /** Leaves room for several rounds within one invocation. */
    private static final Duration MANY_ROUNDS = Duration.ofSeconds(30);
    /** The gate's clock stands still, so waits it reports are exact whatever the machine's speed. */
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    // Mockito, not moto: moto 5.2.5's CodePipeline has pipelines and executions but no job calls
    // (PutJobSuccessResult, PutJobFailureResult), which are all the gate makes.
    private final CodePipelineClient codePipeline = mock(CodePipelineClient.class);
    private final RegionalCloudWatch cloudWatch = new RegionalCloudWatch();
    private FakeRegion region;
    private VerifyGateHandler handler;

    @BeforeEach
    void startRegion() throws IOException {
        region = new FakeRegion(PRIMARY);
        handler = new VerifyGateHandler(codePipeline, cloudWatch::in,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stopRegion() {
        region.close();
    }

    @Test
    void healthyRegionIsVerifiedWithOneSuccessResult() throws IOException {
        replicationLatencies("bookstore-orders", 120, 900, 300);

        invoke(userParameters(), null, MANY_ROUNDS);

        PutJobSuccessResultRequest success = successResult();
        assertNull(success.continuationToken(), "a verified region must not ask to be called again");
        String summary = success.executionDetails().summary();
        assertTrue(summary.startsWith("primary (eu-west-1) verified"), summary);
        assertTrue(summary.contains("[OK] health: /health answered 200"), summary);
        assertTrue(summary.contains("[OK] smoke: /region, /books?limit=1, /books/b-042, /bestsellers answered 200 from eu-west-1"), summary);
        assertTrue(summary.contains("[OK] replication: max 900 ms <= 5000 ms over the last 10 min"), summary);
        assertEquals(100, success.executionDetails().percentComplete());
        assertTrue(region.requests().contains("/books/b-042"), "the book fetched must be the one the page returned");
    }

    @Test
    void unhealthyRegionAsksToBeCalledAgainWithinTheMaxWait() throws IOException {
        region.answer("/health", 503, FakeRegion.health(PRIMARY, "unhealthy", "ok", "failed"));

        invoke(userParameters(), null, ONE_ROUND);

        PutJobSuccessResultRequest success = successResult();
        Continuation next = Continuation.fromToken(success.continuationToken()).orElseThrow();
        assertEquals(2, next.invocations());
        String summary = success.executionDetails().summary();
        assertTrue(summary.startsWith("primary (eu-west-1) not healthy yet, checking again"), summary);
        assertTrue(summary.contains("[WAIT] health: /health answered 503: {\"status\":\"unhealthy\""), summary);
    }

    @Test
    void unhealthyRegionFailsOnceTheMaxWaitIsSpent() throws IOException {
        region.answer("/health", 503, FakeRegion.health(PRIMARY, "unhealthy", "ok", "failed"));
        String token = new Continuation(NOW.minus(Duration.ofMinutes(25)), 9).toToken();

        invoke(userParameters(), token, ONE_ROUND);

        PutJobFailureResultRequest failure = failureResult();
        assertEquals(FailureType.JOB_FAILED, failure.failureDetails().type());
        String message = failure.failureDetails().message();
        assertTrue(message.startsWith("primary (eu-west-1) still not healthy after 25m00s (max wait 20m00s)"), message);
        assertTrue(message.contains("[WAIT] health: /health answered 503"), message);
    }

    @Test
    void regionThatRecoversWithinTheInvocationIsVerifiedWithoutContinuation() throws IOException {
        region.answerFirst("/health", 2, 503, FakeRegion.health(PRIMARY, "unhealthy", "failed", "ok"));

        invoke(userParameters(), null, MANY_ROUNDS);

        PutJobSuccessResultRequest success = successResult();
        assertNull(success.continuationToken());
        long healthCalls = region.requests().stream().filter("/health"::equals).count();
        assertTrue(healthCalls >= 3, "two 503s, then the healthy answer");
        assertTrue(success.executionDetails().summary().contains("(invocation 1, round " + healthCalls + ")"),
                success.executionDetails().summary());
    }

    @Test
    void slowRegionTimesOutAndContinuesTheSameWait() throws IOException {
        region.delay(Duration.ofMillis(1_500));
        JsonObject parameters = userParameters();
        parameters.addProperty("requestTimeoutMillis", 300);
        Instant firstAttempt = NOW.minus(Duration.ofMinutes(3));
        String token = new Continuation(firstAttempt, 4).toToken();

        invoke(parameters, token, ONE_ROUND);

        PutJobSuccessResultRequest success = successResult();
        Continuation next = Continuation.fromToken(success.continuationToken()).orElseThrow();
        assertEquals(new Continuation(firstAttempt, 5), next, "the wait must count from the job's first attempt");
        String summary = success.executionDetails().summary();
        assertTrue(summary.contains("[WAIT] health: /health timed out"), summary);
        assertTrue(summary.contains("[WAIT] smoke: /region timed out"), summary);
        assertTrue(summary.contains("(waited 3m0"), summary);
    }

    @Test
    void wrongRegionHeaderFailsAtOnce() throws IOException {
        region.regionHeader(SECONDARY);

        invoke(userParameters(), null, MANY_ROUNDS);

        String message = failureResult().failureDetails().message();
        assertTrue(message.startsWith("primary (eu-west-1) failed verification"), message);
        assertTrue(message.contains("[FAIL] smoke: /region: X-Bookstore-Region is 'ap-southeast-1', expected 'eu-west-1'"),
                message);
        assertEquals(1, region.requests().stream().filter("/health"::equals).count(),
                "a definitive failure must not be retried");
    }

    @Test
    void malformedJsonFailsAtOnceNamingTheRoute() throws IOException {
        region.answerOffContract("/bestsellers", 200, "{\"items\": [{\"book\": ", "a truncated body");

        invoke(userParameters(), null, MANY_ROUNDS);

        String message = failureResult().failureDetails().message();
        assertTrue(message.contains("[FAIL] smoke: /bestsellers did not return valid JSON "
                + "(answered: /region, /books?limit=1, /books/b-042)"), message);
    }

    @Test
    void laggingReplicationWaitsForTheReplicaToCatchUp() throws IOException {
        replicationLatencies("bookstore-books", 300, 450);
        replicationLatencies("bookstore-orders", 2_000, 8_400, 6_100);

        invoke(userParameters(), null, ONE_ROUND);

        PutJobSuccessResultRequest success = successResult();
        assertTrue(success.continuationToken() != null, "lag is worth waiting for");
        String summary = success.executionDetails().summary();
        assertTrue(summary.contains("[OK] health"), summary);
        assertTrue(summary.contains("[WAIT] replication: replication latency above 5000 ms over the last 10 min: "
                + "bookstore-orders eu-west-1 -> ap-southeast-1 8400 ms"), summary);
        assertTrue(!summary.contains("bookstore-books eu-west-1 -> ap-southeast-1 450"), summary);
    }

    @Test
    void laggingReplicationFailsOnceTheMaxWaitIsSpent() throws IOException {
        replicationLatencies("bookstore-orders", 9_000);
        String token = new Continuation(NOW.minus(Duration.ofMinutes(21)), 12).toToken();

        invoke(userParameters(), token, ONE_ROUND);

        String message = failureResult().failureDetails().message();
        assertTrue(message.contains("still not healthy after 21m"), message);
        assertTrue(message.contains("bookstore-orders eu-west-1 -> ap-southeast-1 9000 ms"), message);
    }

    @Test
    void replicationIsReadInTheSourceRegionOfEachRoute() throws IOException {
        // Lag recorded in the secondary's CloudWatch only: a route from the secondary must see it.
        replicationLatencies(SECONDARY, "bookstore-orders", PRIMARY, 7_500);
        JsonObject parameters = userParameters();
        JsonObject route = new JsonObject();
        route.addProperty("sourceRegion", SECONDARY);
        route.addProperty("receivingRegion", PRIMARY);
        parameters.getAsJsonObject("replication").getAsJsonArray("routes").add(route);

        invoke(parameters, null, ONE_ROUND);

        String summary = successResult().executionDetails().summary();
        assertTrue(summary.contains("bookstore-orders ap-southeast-1 -> eu-west-1 7500 ms"), summary);
        assertEquals(List.of(PRIMARY, SECONDARY), cloudWatch.queriedRegions(), "one GetMetricData per source region");
    }

    @Test
    void quietTablesPassUnlessDataPointsAreRequired() throws IOException {
        invoke(userParameters(), null, MANY_ROUNDS);
        assertTrue(successResult().executionDetails().summary()
                .contains("[OK] replication: no ReplicationLatency data points over the last 10 min (no replicated writes)"));
    }

    @Test
    void invalidUserParametersAreAConfigurationError() throws IOException {
        JsonObject parameters = userParameters();
        parameters.remove("apiBaseUrl");
        parameters.getAsJsonObject("replication").addProperty("maxLatencyMillis", -5);

        invoke(parameters, null, MANY_ROUNDS);

        PutJobFailureResultRequest failure = failureResult();
        assertEquals(FailureType.CONFIGURATION_ERROR, failure.failureDetails().type());
        assertEquals("verify gate misconfigured: apiBaseUrl is required", failure.failureDetails().message());
        assertTrue(region.requests().isEmpty(), "a misconfigured gate must not call the region");
    }

    @Test
    void anUnexpectedErrorFailsTheJobAtOnceNamingTheStackAndTheError() throws IOException {
        region.answer("/health", 200, FakeRegion.health(PRIMARY, "ok", "ok", "ok"));
        handler = new VerifyGateHandler(codePipeline, sourceRegion -> {
            throw new IllegalStateException("no CloudWatch endpoint for " + sourceRegion);
        }, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build(), Clock.systemUTC());

        invoke(userParameters(), null, MANY_ROUNDS);

        PutJobFailureResultRequest failure = failureResult();
        assertEquals(FailureType.JOB_FAILED, failure.failureDetails().type());
        assertEquals("primary (eu-west-1) verify gate error: java.lang.IllegalStateException: no CloudWatch endpoint for "
                + PRIMARY, failure.failureDetails().message());
    }

    @Test
    void aGarbledContinuationTokenStartsTheWaitAfresh() throws IOException {
        region.answer("/health", 503, FakeRegion.health(PRIMARY, "unhealthy", "ok", "failed"));

        invoke(userParameters(), "{\"firstAttempt\":\"yesterday\",\"invocations\":", ONE_ROUND);

        Continuation next = Continuation.fromToken(successResult().continuationToken()).orElseThrow();
        assertEquals(2, next.invocations(), "the garbled token counts as no token: this was invocation 1");
        assertEquals(NOW, next.firstAttempt(), "the wait starts now (the handler's clock), not at a time read from the token");
    }

    private void invoke(JsonObject userParameters, String continuationToken, Duration remaining) throws IOException {
        String event = CodePipelineEvents.jobEvent(userParameters.toString(), continuationToken);
        TestLambdaContext context = new TestLambdaContext(remaining);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context);
        assertTrue(context.log().startsWith("job " + CodePipelineEvents.JOB_ID + ": "), context.log());
    }

    private PutJobSuccessResultRequest successResult() {
        ArgumentCaptor<PutJobSuccessResultRequest> captor = ArgumentCaptor.forClass(PutJobSuccessResultRequest.class);
        verify(codePipeline).putJobSuccessResult(captor.capture());
        verify(codePipeline, never()).putJobFailureResult(any(PutJobFailureResultRequest.class));
        verifyNoMoreInteractions(codePipeline);
        assertEquals(CodePipelineEvents.JOB_ID, captor.getValue().jobId());
        return captor.getValue();
    }

    private PutJobFailureResultRequest failureResult() {
        ArgumentCaptor<PutJobFailureResultRequest> captor = ArgumentCaptor.forClass(PutJobFailureResultRequest.class);
        verify(codePipeline).putJobFailureResult(captor.capture());
        verify(codePipeline, never()).putJobSuccessResult(any(PutJobSuccessResultRequest.class));
        verifyNoMoreInteractions(codePipeline);
        assertEquals(CodePipelineEvents.JOB_ID, captor.getValue().jobId());
        return captor.getValue();
    }

    private JsonObject userParameters() {
        JsonObject route = new JsonObject();
        route.addProperty("sourceRegion", PRIMARY);
        route.addProperty("receivingRegion", SECONDARY);
        JsonArray routes = new JsonArray();
        routes.add(route);
        JsonArray tables = new JsonArray();
        List.of("bookstore-books", "bookstore-cart", "bookstore-orders").forEach(tables::add);
        JsonObject replication = new JsonObject();
        replication.add("tables", tables);
        replication.add("routes", routes);
        replication.addProperty("maxLatencyMillis", 5_000);
        replication.addProperty("lookbackMinutes", 10);
        JsonObject parameters = new JsonObject();
        parameters.addProperty("stack", "primary");
        parameters.addProperty("apiBaseUrl", region.baseUrl().toString());
        parameters.addProperty("expectedRegion", PRIMARY);
        // Generous: other builds share this machine; the slow-region case sets its own short timeout.
        parameters.addProperty("requestTimeoutMillis", 2_000);
        parameters.addProperty("pollIntervalMillis", 100);
        parameters.addProperty("maxWaitSeconds", 1_200);
        parameters.add("replication", replication);
        return parameters;
    }

    private void replicationLatencies(String table, double... millis) {
        replicationLatencies(PRIMARY, table, SECONDARY, millis);
    }

    /** One data point a minute, newest first, as DynamoDB publishes them in the source region. */
    private void replicationLatencies(String sourceRegion, String table, String receivingRegion, double... millis) {
        Instant now = NOW;
        for (int i = 0; i < millis.length; i++) {
            cloudWatch.publishReplicationLatency(sourceRegion, table, receivingRegion,
                    now.minus(Duration.ofMinutes(i + 1)), millis[i]);
        }
    }
}
