package com.bookstore.pipeline.gate;

import com.bookstore.pipeline.gate.check.RegionChecks;
import com.bookstore.pipeline.gate.http.RegionApi;
import com.bookstore.pipeline.gate.settings.GateSettings;
import com.bookstore.pipeline.gate.settings.InvalidSettingsException;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The verify gate's health and smoke checks as a command a person runs after a manual deploy (and {@code make deploy}
 * runs for both regions): {@code java -jar pipeline-gate.jar smoke --region eu-west-1 --api URL}. The same checks,
 * settings and verdicts as the pipeline's gate, so "it passed by hand" means what "the gate passed" means.
 */
public final class SmokeCommand {

    static final String USAGE = """
            usage: java -jar pipeline-gate.jar smoke --region REGION --api URL [--wait-minutes 10]
              Checks one region's own API (its apiEndpoint stack output, not the failover name) as the pipeline's
              verify gate does: /health, then /region, a page of books, one book and the best sellers, every answer
              from REGION. Retries while the region answers 5xx or not at all, up to the wait.
            """;
    private static final Set<String> OPTIONS = Set.of("region", "api", "wait-minutes");

    private SmokeCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Clock.systemUTC()));
    }

    /** Exit codes: 0 verified, 1 the region failed or stayed unhealthy, 2 the command line is wrong. */
    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        GateSettings settings;
        try {
            settings = settings(args);
        } catch (IllegalArgumentException | InvalidSettingsException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        out.println("smoke: checking " + settings.apiBaseUrl() + " for " + settings.expectedRegion()
                + " (up to " + settings.maxWait().toMinutes() + " min)");
        var api = new RegionApi(HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build(),
                settings.requestTimeout());
        var checks = RegionChecks.forSettings(settings, api, region -> {
            throw new IllegalStateException("the smoke command reads no CloudWatch metrics");
        }, clock);
        Instant now = clock.instant();
        // The deadline lies past the max wait, so the gate itself ends the wait with its own verdict.
        GateOutcome outcome = new VerifyGate(settings, checks, clock).verify(Continuation.start(now),
                now.plus(settings.maxWait()).plus(settings.pollInterval()).plus(settings.worstCaseRound()).plusSeconds(1));
        if (outcome instanceof GateOutcome.Verified verified) {
            out.println(verified.summary());
            return 0;
        }
        err.println(outcome.summary());
        return 1;
    }

    /** The gate's own user parameters, built from the options, so the URL is validated as the gate does. */
    private static GateSettings settings(String[] args) {
        if (args.length == 0 || !args[0].equals("smoke")) {
            throw new IllegalArgumentException("expected the command 'smoke'");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; smoke takes --region, --api, --wait-minutes");
            }
            options.put(name, args[i + 1]);
        }
        for (String required : new String[] {"region", "api"}) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("missing --" + required);
            }
        }
        long waitMinutes;
        try {
            waitMinutes = Long.parseLong(options.getOrDefault("wait-minutes", "10"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--wait-minutes takes a whole number");
        }
        JsonObject parameters = new JsonObject();
        parameters.addProperty("stack", "smoke");
        parameters.addProperty("apiBaseUrl", options.get("api"));
        parameters.addProperty("expectedRegion", options.get("region"));
        parameters.addProperty("maxWaitSeconds", Duration.ofMinutes(waitMinutes).toSeconds());
        return GateSettings.parse(parameters.toString());
    }
}
