package com.bookstore.local.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What counts as a good probe, as Route 53's HTTP checks read it (2xx or 3xx within the timeout), and a
 * secondary that fails while it serves. Probe rounds are driven by the test; the regions are real loopback servers.
 */
class FrontDoorProbeTest {

    private static final int THRESHOLD = 3;
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(300);

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private RegionServer primary;
    private RegionServer secondary;
    private FrontDoor door;

    @BeforeEach
    void start() throws Exception {
        primary = new RegionServer("eu-west-1");
        secondary = new RegionServer("ap-southeast-1");
        door = FrontDoor.startWithoutProbing(new FrontDoor.Settings(0, primary.baseUri(), secondary.baseUri(),
                FrontDoor.Settings.DEFAULT_HEALTH_PATH, Duration.ofSeconds(1), THRESHOLD, PROBE_TIMEOUT),
                new PrintStream(logged, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        door.close();
        primary.close();
        secondary.close();
    }

    @Test
    void aHealthAnswerSlowerThanTheProbeTimeoutIsAFailedProbe() {
        primary.healthDelayMillis.set((int) PROBE_TIMEOUT.multipliedBy(3).toMillis());

        rounds(THRESHOLD);

        assertEquals("secondary", door.target());
        assertEquals("primary failed 3 consecutive health checks", door.switches().get(0).reason());
    }

    @Test
    void redirectsAreHealthyAndClientErrorsAreNot() {
        for (int status : List.of(301, 302, 307, 399)) {
            primary.healthStatus.set(status);
            rounds(THRESHOLD);
            assertEquals("primary", door.target(), "after " + THRESHOLD + " probes answered " + status);
        }
        primary.healthStatus.set(404);
        rounds(THRESHOLD);

        assertEquals("secondary", door.target(), "404 is a failed probe");
    }

    @Test
    void aFailingSecondaryKeepsTrafficOnTheHealthyPrimary() {
        secondary.healthStatus.set(503);

        rounds(THRESHOLD + 2);

        assertEquals("primary", door.target());
        assertTrue(door.switches().isEmpty());
        assertTrue(logged.toString(StandardCharsets.UTF_8).contains("front door: secondary is now unhealthy"));
    }

    @Test
    void whenTheServingSecondaryFailsTooTrafficReturnsToThePrimaryAndSaysWhy() {
        primary.healthStatus.set(503);
        rounds(THRESHOLD);
        assertEquals("secondary", door.target());

        secondary.healthStatus.set(500);
        rounds(THRESHOLD);

        assertEquals("primary", door.target());
        assertEquals("no region is healthy: Route 53 answers with the primary", door.switches().get(1).reason());
    }

    private void rounds(int count) {
        for (int i = 0; i < count; i++) {
            door.probe();
        }
    }
}
