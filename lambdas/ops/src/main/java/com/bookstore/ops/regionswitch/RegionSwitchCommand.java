package com.bookstore.ops.regionswitch;

import com.bookstore.ops.failover.Sleeper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * {@code bookstore-ops region-switch}: runs the Region switch plan's workflow that activates a region, on AWS (start an
 * execution in that region's data plane and follow it) or, with {@code --local}, as the local rehearsal.
 */
public final class RegionSwitchCommand {

    public static final String USAGE = """
            usage: bookstore-ops region-switch --to REGION --mode planned|unplanned --plan-arn ARN
                                               [--execution-id ID] [--timeout-minutes 90] [--poll-seconds 15]
              Starts the Region switch plan's workflow that activates REGION (planned = graceful: switchover, no data
              loss; unplanned = ungraceful: failover, skips what needs the region being left) in REGION's own data
              plane, and follows it step by step. --execution-id follows an execution already started.
              ARN: pulumi stack output regionSwitchPlanArn --stack primary
              Exit codes: 0 REGION is active, 1 the execution failed or stopped, 2 the command line is wrong,
              3 still running at the time-out (it goes on in AWS).
            usage: bookstore-ops region-switch --local --to REGION --mode planned|unplanned --local-endpoint URL
                                               --primary-region R --primary-api URL --secondary-region R --secondary-api URL
                                               --front-door URL [--parameter /bookstore/fault-injection] [--steps-out FILE]
              The same workflow rehearsed in the local two-region mode (make local REGIONS=2, make drill).
            """;

    public static final Set<String> OPTIONS = Set.of("to", "mode", "plan-arn", "execution-id", "timeout-minutes",
            "poll-seconds", "local-endpoint", "primary-region", "primary-api", "secondary-region", "secondary-api",
            "front-door", "parameter", "steps-out");

    /** Builds the Region switch client of a region; a seam for tests. */
    public interface Apis {
        Apis AWS = RegionSwitchApi::aws;

        RegionSwitchApi in(String region);
    }

    private RegionSwitchCommand() {
    }

    /** @param options the command's {@code --option value} pairs; {@code local} says whether {@code --local} was given */
    public static int run(Map<String, String> options, boolean local, PrintStream out, PrintStream err, Apis apis,
                          Function<String, SsmClient> ssmIn, Sleeper sleeper) {
        String target = options.get("to");
        String mode = options.get("mode");
        if (target == null || mode == null) {
            err.println("region-switch needs --to REGION and --mode planned|unplanned");
            err.print(USAGE);
            return 2;
        }
        if (!mode.equals("planned") && !mode.equals("unplanned")) {
            err.println("--mode must be planned or unplanned, got '" + mode + "'");
            err.print(USAGE);
            return 2;
        }
        boolean graceful = mode.equals("planned");
        return local ? local(options, target, graceful, out, err, ssmIn, sleeper)
                : aws(options, target, graceful, out, err, apis, sleeper);
    }

    private static int aws(Map<String, String> options, String target, boolean graceful, PrintStream out, PrintStream err,
                           Apis apis, Sleeper sleeper) {
        String planArn = options.get("plan-arn");
        if (planArn == null) {
            err.println("region-switch needs --plan-arn (pulumi stack output regionSwitchPlanArn --stack primary)");
            return 2;
        }
        Duration timeout;
        Duration poll;
        try {
            timeout = Duration.ofMinutes(Long.parseLong(options.getOrDefault("timeout-minutes", "90")));
            poll = Duration.ofSeconds(Long.parseLong(options.getOrDefault("poll-seconds", "15")));
        } catch (NumberFormatException e) {
            err.println("--timeout-minutes and --poll-seconds take whole numbers");
            return 2;
        }
        RegionSwitchApi api = apis.in(target);
        try {
            String executionId = options.get("execution-id");
            if (executionId == null) {
                executionId = api.startActivation(planArn, target, graceful ? "graceful" : "ungraceful",
                        "bookstore-ops region-switch --mode " + (graceful ? "planned" : "unplanned"));
                out.println("Region switch: activating " + target + " (" + (graceful ? "planned, graceful" : "unplanned, ungraceful")
                        + "), execution " + executionId);
            } else {
                out.println("Region switch: following execution " + executionId + " (activating " + target + ")");
            }
            String hint = "approve: aws arc-region-switch approve-plan-execution-step --region " + target + " --plan-arn "
                    + planArn + " --execution-id " + executionId + " --step-name {step} --approval approve"
                    + " (as the role in regionSwitchApproverRoleArn), or in the Region switch console of " + target;
            return new ExecutionFollower(api, sleeper, out, poll, timeout).follow(planArn, executionId, target, hint);
        } catch (RegionSwitchException e) {
            err.println("region-switch: " + e.getMessage());
            return 1;
        }
    }

    private static int local(Map<String, String> options, String target, boolean graceful, PrintStream out,
                             PrintStream err, Function<String, SsmClient> ssmIn, Sleeper sleeper) {
        List<String> missing = List.of("local-endpoint", "primary-region", "primary-api", "secondary-region",
                "secondary-api", "front-door").stream().filter(o -> !options.containsKey(o)).toList();
        if (!missing.isEmpty()) {
            err.println("region-switch --local needs " + missing.stream().map(o -> "--" + o).toList());
            err.print(USAGE);
            return 2;
        }
        var topology = new LocalRegionSwitch.Topology(options.get("primary-region"), URI.create(options.get("primary-api")),
                options.get("secondary-region"), URI.create(options.get("secondary-api")), URI.create(options.get("front-door")));
        var faultSwitches = new FaultSwitchStep(ssmIn, options.getOrDefault("parameter", "/bookstore/fault-injection"),
                line -> { });
        try {
            var outcomes = new LocalRegionSwitch(topology, faultSwitches, HttpClient.newHttpClient(), sleeper, out,
                    Duration.ofSeconds(60)).activate(target, graceful, WorkflowSteps.shipped());
            if (options.containsKey("steps-out")) {
                Files.writeString(Path.of(options.get("steps-out")), LocalRegionSwitch.jsonLine(target, graceful, outcomes)
                        + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (RegionSwitchException e) {
            err.println("region-switch (local): " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("region-switch (local): cannot write --steps-out: " + e.getMessage());
            return 1;
        }
    }
}
