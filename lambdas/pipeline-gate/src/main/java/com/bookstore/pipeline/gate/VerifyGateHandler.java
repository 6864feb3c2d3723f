package com.bookstore.pipeline.gate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.bookstore.pipeline.gate.check.RegionChecks;
import com.bookstore.pipeline.gate.http.RegionApi;
import com.bookstore.pipeline.gate.settings.GateSettings;
import com.bookstore.pipeline.gate.settings.InvalidSettingsException;
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
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;

/**
 * The pipeline's verify gate: a CodePipeline Lambda invoke action that decides whether a freshly deployed region
 * may be promoted. It reads the action's user parameters, runs the region's checks and reports the verdict with
 * PutJobSuccessResult (with a continuation token while the region is still coming up) or PutJobFailureResult.
 */
public final class VerifyGateHandler implements RequestStreamHandler {
    /** Kept free at the end of an invocation for the CodePipeline call that reports the result. */
    static final Duration REPORTING_RESERVE = Duration.ofSeconds(3);

    private final JobResultReporter reporter;
    private final Function<String, CloudWatchClient> cloudWatchIn;
    private final HttpClient http;
    private final Clock clock;

    public VerifyGateHandler() {
        this(new GateClients());
    }

    private VerifyGateHandler(GateClients clients) {
        this(clients.codePipeline(), clients::cloudWatchIn,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Clock.systemUTC());
    }

    VerifyGateHandler(CodePipelineClient codePipeline, Function<String, CloudWatchClient> cloudWatchIn,
                      HttpClient http, Clock clock) {
        this.reporter = new JobResultReporter(codePipeline);
        this.cloudWatchIn = cloudWatchIn;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        PipelineJob job = PipelineJob.fromEvent(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        String verdict = verify(job, Duration.ofMillis(context.getRemainingTimeInMillis()));
        context.getLogger().log("job " + job.id() + ": " + verdict + "\n");
        output.write(("{\"jobId\":\"" + job.id() + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** Reports exactly one result for the job and returns what was reported, for the function's log. */
    String verify(PipelineJob job, Duration remaining) {
        Instant started = clock.instant();
        GateSettings settings;
        try {
            settings = GateSettings.parse(job.userParameters());
        } catch (InvalidSettingsException e) {
            String message = "verify gate misconfigured: " + e.getMessage();
            reporter.reportConfigurationError(job.id(), message);
            return message;
        }
        try {
            Continuation continuation = job.continuationToken()
                    .flatMap(Continuation::fromToken)
                    .orElseGet(() -> Continuation.start(started));
            RegionApi api = new RegionApi(http, settings.requestTimeout());
            VerifyGate gate = new VerifyGate(settings, RegionChecks.forSettings(settings, api, cloudWatchIn, clock), clock);
            GateOutcome outcome = gate.verify(continuation, started.plus(remaining).minus(REPORTING_RESERVE));
            reporter.report(job.id(), outcome);
            return outcome.summary();
        } catch (RuntimeException e) {
            // Never leave the action hanging until CodePipeline's own timeout: an unexpected error is a failed job.
            String message = settings.stack() + " (" + settings.expectedRegion() + ") verify gate error: " + e;
            reporter.report(job.id(), new GateOutcome.Rejected(message));
            return message;
        }
    }
}
