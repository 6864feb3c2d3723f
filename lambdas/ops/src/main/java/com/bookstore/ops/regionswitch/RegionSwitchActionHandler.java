package com.bookstore.ops.regionswitch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.bookstore.ops.aws.RegionalClients;
import com.bookstore.ops.failover.Sleeper;
import com.bookstore.ops.failover.UploadsFailover;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The Region switch plan's action function (docs/failover.md "The Region switch plan"). Region switch invokes it
 * with the step's payload merged with the execution's metadata ({@code PlanArn}, {@code ExecutionId},
 * {@code StepName}); a thrown error fails the attempt and Region switch retries it until the step's time-out.
 * <ul>
 *   <li>{@code fault-switch}: the switches named {@code off}, then {@code on} ({@link FaultSwitchStep});</li>
 *   <li>{@code blog-uploads}: in an ungraceful execution, ends the uploads replication so this region's copy is
 *       writable ({@link UploadsFailover}, the code of {@code promote-blog-db --uploads-file-system}); in a graceful
 *       one the replication keeps running, as promote-blog-db's planned mode leaves it.</li>
 * </ul>
 */
public final class RegionSwitchActionHandler implements RequestStreamHandler {

    /** Under the function's 15 minutes; a longer wait continues in Region switch's next attempt (the step is idempotent). */
    static final Duration UPLOADS_WAIT = Duration.ofMinutes(13);

    private final Function<String, SsmClient> ssmIn;
    private final Function<String, EfsClient> efsIn;
    private final Function<String, RegionSwitchApi> regionSwitchIn;
    private final Map<String, String> environment;
    private final Sleeper sleeper;

    public RegionSwitchActionHandler() {
        this(RegionalClients.AWS::ssm, RegionalClients.AWS::efs, RegionSwitchApi::aws, System.getenv(), Sleeper.REAL);
    }

    RegionSwitchActionHandler(Function<String, SsmClient> ssmIn, Function<String, EfsClient> efsIn,
                              Function<String, RegionSwitchApi> regionSwitchIn, Map<String, String> environment,
                              Sleeper sleeper) {
        this.ssmIn = ssmIn;
        this.efsIn = efsIn;
        this.regionSwitchIn = regionSwitchIn;
        this.environment = environment;
        this.sleeper = sleeper;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String result = handle(new String(input.readAllBytes(), StandardCharsets.UTF_8),
                line -> context.getLogger().log(line + "\n"));
        output.write(new com.google.gson.Gson().toJson(Map.of("result", result)).getBytes(StandardCharsets.UTF_8));
    }

    /** Runs the step the event names; returns what was done, throws when the step must be tried again or fail. */
    String handle(String event, Consumer<String> log) {
        JsonObject payload = JsonParser.parseString(event).getAsJsonObject();
        String action = text(payload, "action");
        String region = require("AWS_REGION");
        log.accept("Region switch step " + text(payload, "StepName") + " (" + action + ") of execution "
                + text(payload, "ExecutionId") + " in " + region);
        switch (action == null ? "" : action) {
            case "fault-switch" -> {
                List<String> on = strings(payload, "on");
                List<String> off = strings(payload, "off");
                new FaultSwitchStep(ssmIn, require("FAULT_PARAMETER"), log).apply(on, off);
                return "fault switches on " + on + ", off " + off;
            }
            case "blog-uploads" -> {
                String mode = regionSwitchIn.apply(region).execution(text(payload, "PlanArn"), text(payload, "ExecutionId"))
                        .mode();
                if (!"ungraceful".equals(mode)) {
                    log.accept("Uploads: " + mode + " execution, the replication keeps running (uploads stay read-only"
                            + " here until failback, nothing is lost)");
                    return "uploads left replicating (" + mode + ")";
                }
                // Local-only deletion: it never waits for the region being left (the failback runbook cleans its side).
                var result = new UploadsFailover(efsIn.apply(region), sleeper, log, Duration.ofSeconds(15), UPLOADS_WAIT)
                        .makeWritable(require("UPLOADS_FILE_SYSTEM_ID"), UploadsFailover.Scope.THIS_REGION_ONLY);
                return "uploads " + result.fileSystemId() + " writable" + result.lastReplicated()
                        .map(t -> ", last replicated " + t).orElse("");
            }
            default -> throw new IllegalArgumentException("unknown Region switch action '" + action
                    + "' (expected fault-switch or blog-uploads)");
        }
    }

    private String require(String variable) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the function's environment lacks " + variable);
        }
        return value;
    }

    private static String text(JsonObject object, String member) {
        return object.has(member) && !object.get(member).isJsonNull() ? object.get(member).getAsString() : null;
    }

    private static List<String> strings(JsonObject object, String member) {
        return object.has(member) ? object.getAsJsonArray(member).asList().stream().map(e -> e.getAsString()).toList()
                : List.of();
    }
}
