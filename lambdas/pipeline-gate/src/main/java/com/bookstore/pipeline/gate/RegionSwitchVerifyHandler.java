package com.bookstore.pipeline.gate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.bookstore.pipeline.gate.check.RegionChecks;
import com.bookstore.pipeline.gate.http.RegionApi;
import com.bookstore.pipeline.gate.settings.GateSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The verify step of the Region switch plan (docs/failover.md "The Region switch plan"): the gate's checks against
 * the region just activated, with settings from the function's {@code GATE_SETTINGS} (the user parameters'
 * shape, pipeline/README.md). A verified region returns normally; a region that fails or is not healthy yet throws,
 * which fails this attempt: Region switch runs the function again at the step's retry interval until it passes or
 * the step times out, so no continuation is needed here.
 */
public final class RegionSwitchVerifyHandler implements RequestStreamHandler {

    private final String settingsJson;
    private final Function<String, CloudWatchClient> cloudWatchIn;
    private final HttpClient http;
    private final Clock clock;

    public RegionSwitchVerifyHandler() {
        this(System.getenv("GATE_SETTINGS"), new GateClients()::cloudWatchIn,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Clock.systemUTC());
    }

    RegionSwitchVerifyHandler(String settingsJson, Function<String, CloudWatchClient> cloudWatchIn, HttpClient http,
                              Clock clock) {
        this.settingsJson = settingsJson;
        this.cloudWatchIn = cloudWatchIn;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes(); // the step's payload and Region switch's metadata: the settings come from the environment
        String summary = verify(Duration.ofMillis(context.getRemainingTimeInMillis()));
        context.getLogger().log(summary + "\n");
        output.write(("{\"verified\":" + new com.google.gson.Gson().toJson(summary) + "}").getBytes(StandardCharsets.UTF_8));
    }

    /** The gate's verdict within {@code remaining}; throws unless the region is verified. */
    String verify(Duration remaining) {
        GateSettings settings = GateSettings.parse(settingsJson == null ? "" : settingsJson);
        Instant started = clock.instant();
        var gate = new VerifyGate(settings, RegionChecks.forSettings(settings, new RegionApi(http, settings.requestTimeout()),
                cloudWatchIn, clock), clock);
        GateOutcome outcome = gate.verify(Continuation.start(started),
                started.plus(remaining).minus(VerifyGateHandler.REPORTING_RESERVE));
        if (outcome instanceof GateOutcome.Verified verified) {
            return verified.summary();
        }
        throw new IllegalStateException(outcome instanceof GateOutcome.Rejected rejected ? rejected.summary()
                : ((GateOutcome.Waiting) outcome).summary());
    }
}
