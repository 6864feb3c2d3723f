package com.bookstore.local.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The front door between two real loopback servers standing for the regions' gateways. */
class FrontDoorTest {

    private static final int THRESHOLD = 3;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private RegionServer primary;
    private RegionServer secondary;
    private FrontDoor door;

    @BeforeEach
    void startRegions() throws Exception {
        primary = new RegionServer("eu-west-1");
        secondary = new RegionServer("ap-southeast-1");
    }

    @AfterEach
    void stop() {
        if (door != null) {
            door.close();
        }
        primary.close();
        secondary.close();
    }

    private FrontDoor.Settings settings(Duration interval) {
        return new FrontDoor.Settings(0, primary.baseUri(), secondary.baseUri(), FrontDoor.Settings.DEFAULT_HEALTH_PATH,
                interval, THRESHOLD, Duration.ofSeconds(1));
    }

    private void startDrivenByTheTest() throws Exception {
        door = FrontDoor.startWithoutProbing(settings(Duration.ofSeconds(1)), new PrintStream(logged, true, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + door.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String servedBy(String path) throws Exception {
        return get(path).headers().firstValue("X-Bookstore-Region").orElse("none");
    }

    private void probe(int rounds) {
        for (int i = 0; i < rounds; i++) {
            door.probe();
        }
    }

    @Test
    void forwardsTheWholeRequestToTheHealthyPrimaryAndReturnsItsAnswer() throws Exception {
        startDrivenByTheTest();

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + door.port() + "/api/orders?x=1"))
                .header("Authorization", "Bearer token-1").header("Idempotency-Key", "key-12345")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(201, answer.statusCode());
        assertEquals("eu-west-1", answer.headers().firstValue("X-Bookstore-Region").orElseThrow());
        JsonObject seen = JsonParser.parseString(answer.body()).getAsJsonObject();
        assertEquals("POST", seen.get("method").getAsString());
        assertEquals("/api/orders?x=1", seen.get("uri").getAsString());
        assertEquals("Bearer token-1", seen.get("authorization").getAsString());
        assertEquals("key-12345", seen.get("idempotencyKey").getAsString());
        assertEquals("{\"a\":1}", seen.get("body").getAsString());
    }

    @Test
    void failsOverOnlyAfterThresholdConsecutiveFailedProbes() throws Exception {
        startDrivenByTheTest();
        primary.healthStatus.set(503);

        probe(THRESHOLD - 1);
        assertEquals("eu-west-1", servedBy("/config.json"));

        probe(1);
        assertEquals("ap-southeast-1", servedBy("/config.json"));
        assertEquals("secondary", door.target());
        assertTrue(logged.toString(StandardCharsets.UTF_8).contains("traffic primary -> secondary (primary failed 3 consecutive health checks)"));
    }

    @Test
    void aSingleGoodProbeDoesNotResetFailoverButThresholdGoodOnesFailBack() throws Exception {
        startDrivenByTheTest();
        primary.healthStatus.set(503);
        probe(THRESHOLD);
        primary.healthStatus.set(200);

        probe(THRESHOLD - 1);
        assertEquals("ap-southeast-1", servedBy("/"));

        probe(1);
        assertEquals("eu-west-1", servedBy("/"));
        assertEquals(2, door.switches().size());
    }

    @Test
    void anIntermittentFailureBelowTheThresholdNeverSwitches() throws Exception {
        startDrivenByTheTest();
        for (int i = 0; i < 5; i++) {
            primary.healthStatus.set(503);
            probe(THRESHOLD - 1);
            primary.healthStatus.set(200);
            probe(1);
        }
        assertEquals("eu-west-1", servedBy("/api/books"));
        assertTrue(door.switches().isEmpty());
    }

    @Test
    void whenNoRegionIsHealthyTrafficStaysWithThePrimaryAsRoute53Does() throws Exception {
        startDrivenByTheTest();
        primary.healthStatus.set(503);
        secondary.healthStatus.set(500);

        probe(THRESHOLD + 1);

        assertEquals("primary", door.target());
        assertEquals("eu-west-1", servedBy("/api/books"));
    }

    @Test
    void aPrimaryThatStopsAnsweringIsReplacedWithinIntervalTimesThreshold() throws Exception {
        Duration interval = Duration.ofMillis(200);
        door = FrontDoor.start(settings(interval), new PrintStream(logged, true, StandardCharsets.UTF_8));
        assertEquals("eu-west-1", servedBy("/api/books"));

        long stopped = System.nanoTime();
        primary.close();
        while (!"secondary".equals(door.target()) && System.nanoTime() - stopped < Duration.ofSeconds(10).toNanos()) {
            Thread.sleep(20);
        }
        Duration detection = Duration.ofNanos(System.nanoTime() - stopped);

        assertEquals("ap-southeast-1", servedBy("/api/books"));
        // A probe already in flight when the primary stopped can be the first failure, so the earliest switch is
        // THRESHOLD - 2 intervals after the stop (the threshold itself is held by the driven tests above).
        assertTrue(detection.compareTo(interval.multipliedBy(THRESHOLD - 2)) >= 0, "switched too early: " + detection);
        // generous upper bound: the machine is shared, the point is that detection is bounded
        assertTrue(detection.compareTo(interval.multipliedBy(THRESHOLD).plusSeconds(3)) <= 0, "switched too late: " + detection);
    }

    @Test
    void requestsToAnUnreachableRegionGetABadGatewayWithoutARegion() throws Exception {
        startDrivenByTheTest();
        primary.close();

        HttpResponse<String> answer = get("/api/books");

        assertEquals(502, answer.statusCode());
        assertTrue(answer.headers().firstValue("X-Bookstore-Region").isEmpty());
    }
}
