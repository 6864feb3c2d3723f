package com.bookstore.pipeline.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Region switch plan's verify step: the gate's checks against a region played by a local HTTP server, with the
 * settings the stack puts in the function's environment and the event Region switch sends.
 */
class RegionSwitchVerifyHandlerTest {
    private FakeRegion region;

    @BeforeEach
    void start() throws IOException {
        region = new FakeRegion("ap-southeast-1");
    }

    @AfterEach
    void stop() {
        region.close();
    }

    private RegionSwitchVerifyHandler handler() {
        String settings = "{\"stack\":\"region-switch\",\"apiBaseUrl\":\"" + region.baseUrl() + "\","
                + "\"expectedRegion\":\"ap-southeast-1\",\"maxWaitSeconds\":100,\"pollIntervalMillis\":50}";
        return new RegionSwitchVerifyHandler(settings, r -> {
            throw new AssertionError("no replication check is configured for the verify step");
        }, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build(), Clock.systemUTC());
    }

    @Test
    void anActivatedRegionThatServesIsVerified() throws IOException {
        var output = new ByteArrayOutputStream();
        var context = new TestLambdaContext(Duration.ofSeconds(20));

        handler().handleRequest(new ByteArrayInputStream(("{\"action\":\"verify\",\"InvokedBy\":\"ARC Region switch\","
                + "\"StepName\":\"verify\"}").getBytes(StandardCharsets.UTF_8)), output, context);

        String summary = JsonParser.parseString(output.toString(StandardCharsets.UTF_8)).getAsJsonObject()
                .get("verified").getAsString();
        assertTrue(summary.startsWith("region-switch (ap-southeast-1) verified"), summary);
        assertTrue(summary.contains("[OK] smoke: /region, /books?limit=1, /books/b-042, /bestsellers answered 200 from"
                + " ap-southeast-1"), summary);
        assertTrue(context.log().contains("verified"), context.log());
    }

    @Test
    void aNameStillAnsweredByTheRegionBeingLeftFailsTheAttemptSoRegionSwitchRetries() {
        region.regionHeader("eu-west-1");

        var error = assertThrows(IllegalStateException.class, () -> handler().verify(Duration.ofSeconds(5)));

        assertTrue(error.getMessage().startsWith("region-switch (ap-southeast-1) failed verification"), error.getMessage());
        assertTrue(error.getMessage().contains("eu-west-1"), error.getMessage());
    }

    @Test
    void aRegionNotHealthyYetFailsTheAttemptWithWhatItWaitsFor() {
        region.answer("/health", 503, FakeRegion.health("ap-southeast-1", "unhealthy", "ok", "failed"));

        var error = assertThrows(IllegalStateException.class, () -> handler().verify(Duration.ofSeconds(4)));

        assertTrue(error.getMessage().startsWith("region-switch (ap-southeast-1) not healthy yet"), error.getMessage());
        assertTrue(error.getMessage().contains("[WAIT] health: /health answered 503"), error.getMessage());
    }

    @Test
    void missingSettingsAreReportedAsSuch() {
        var handler = new RegionSwitchVerifyHandler(null, r -> null, HttpClient.newHttpClient(), Clock.systemUTC());

        var error = assertThrows(RuntimeException.class, () -> handler.verify(Duration.ofSeconds(4)));

        assertEquals("user parameters are empty: expected a JSON object", error.getMessage());
    }
}
