package com.bookstore.ops.regionswitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.ops.failover.Sleeper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** {@code region-switch} against a local server playing Region switch from recorded executions. */
class RegionSwitchCommandTest {

    static final String PLAN = "arn:aws:arc-region-switch::123456789012:plan/bookstore-region-switch:a1b2c3";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Duration> sleeps = new ArrayList<>();
    private final Sleeper sleeper = sleeps::add;

    private int run(RecordedRegionSwitch server, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "region-switch";
        System.arraycopy(args, 0, all, 1, args.length);
        RegionSwitchCommand.Apis apis = region -> new RegionSwitchApi(server.endpoint(), region,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")),
                HttpClient.newHttpClient());
        return com.bookstore.ops.OpsCommand.regionSwitch(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), apis, sleeper);
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aSuccessfulExecutionPrintsEachStepOnceAndExitsZero() throws Exception {
        try (var server = new RecordedRegionSwitch("successful-execution")) {
            int exit = run(server, "--to", "ap-southeast-1", "--mode", "planned", "--plan-arn", PLAN, "--poll-seconds", "5");

            assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
            assertEquals(List.of(
                    "Region switch: activating ap-southeast-1 (planned, graceful), execution ap-southeast-1/0a1b2c3d4e5f6a7b",
                    "  approve         waiting for approval",
                    "                  approve: aws arc-region-switch approve-plan-execution-step --region ap-southeast-1"
                            + " --plan-arn " + PLAN + " --execution-id ap-southeast-1/0a1b2c3d4e5f6a7b --step-name approve"
                            + " --approval approve (as the role in regionSwitchApproverRoleArn), or in the Region switch"
                            + " console of ap-southeast-1",
                    "Waiting for a person to approve (the execution goes on by itself once approved).",
                    "  approve         done",
                    "  fault-switch    running",
                    "  fault-switch    done",
                    "  blog-database   running",
                    "  blog-database   done",
                    "  blog-uploads    done",
                    "  traffic         running",
                    "  traffic         done",
                    "  verify          running",
                    "  verify          done",
                    "Region switch done: ap-southeast-1 is active (execution ap-southeast-1/0a1b2c3d4e5f6a7b, graceful)."),
                    lines());
            assertEquals(5, sleeps.size());
            assertTrue(sleeps.stream().allMatch(Duration.ofSeconds(5)::equals));
        }
    }

    @Test
    void theStartRequestIsSignedForRegionSwitchInTheActivatedRegionAndAsksForTheRightWorkflow() throws Exception {
        try (var server = new RecordedRegionSwitch("successful-execution")) {
            run(server, "--to", "ap-southeast-1", "--mode", "unplanned", "--plan-arn", PLAN);

            var start = server.requests("StartPlanExecution").get(0);
            assertEquals(Map.of("planArn", PLAN, "targetRegion", "ap-southeast-1", "action", "activate",
                    "mode", "ungraceful", "comment", "bookstore-ops region-switch --mode unplanned"),
                    new com.google.gson.Gson().fromJson(start.body(), Map.class));
            assertEquals(List.of("application/x-amz-json-1.0"), start.headers().get("Content-type"));
            String authorization = start.headers().get("Authorization").get(0);
            assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"), authorization);
            assertTrue(authorization.contains("/ap-southeast-1/arc-region-switch/aws4_request"), authorization);
            assertTrue(authorization.contains("x-amz-target"), "the target header is signed: " + authorization);
            var poll = server.requests("GetPlanExecution").get(0);
            assertEquals("ap-southeast-1/0a1b2c3d4e5f6a7b", poll.body().get("executionId").getAsString());
        }
    }

    @Test
    void aFailedStepPrintsRegionSwitchsErrorAndWhatToDoAndExitsOne() throws Exception {
        try (var server = new RecordedRegionSwitch("failed-step")) {
            int exit = run(server, "--to", "ap-southeast-1", "--mode", "planned", "--plan-arn", PLAN);

            assertEquals(1, exit);
            List<String> lines = lines();
            assertTrue(lines.contains("  blog-database   FAILED"), String.join("\n", lines));
            assertTrue(lines.contains("Region switch stopped: the execution is pausedByFailedStep (execution"
                    + " ap-southeast-1/0a1b2c3d4e5f6a7b, graceful)."), String.join("\n", lines));
            assertTrue(lines.contains("  blog-database failed: SwitchoverGlobalCluster: InvalidGlobalClusterStateFault:"
                    + " the global cluster bookstore-blog-db is modifying"), String.join("\n", lines));
            assertTrue(lines.get(lines.size() - 1).startsWith("What to do: the runbook's section for the failed step"));
            assertEquals("blog-database", server.requests("ListPlanExecutionEvents").get(0).body().get("name").getAsString());
        }
    }

    @Test
    void anExecutionStillWaitingForApprovalAtTheTimeOutExitsThreeAndSaysHowToFollowIt() throws Exception {
        try (var server = new RecordedRegionSwitch("pending-approval")) {
            int exit = run(server, "--to", "ap-southeast-1", "--mode", "unplanned", "--plan-arn", PLAN,
                    "--timeout-minutes", "1", "--poll-seconds", "15");

            assertEquals(3, exit);
            List<String> lines = lines();
            assertEquals(1, lines.stream().filter(l -> l.equals("  approve         waiting for approval")).count(),
                    "printed once however often it is polled: " + lines);
            assertEquals("Still pendingManualApproval after 1 min. The execution goes on in AWS; follow it again with"
                    + " --execution-id ap-southeast-1/0a1b2c3d4e5f6a7b.", lines.get(lines.size() - 1));
            assertEquals(5, server.requests("GetPlanExecution").size(), "one poll now and one per 15 s for a minute");
        }
    }

    @Test
    void followingAnExecutionAlreadyStartedStartsNothing() throws Exception {
        try (var server = new RecordedRegionSwitch("successful-execution")) {
            int exit = run(server, "--to", "ap-southeast-1", "--mode", "planned", "--plan-arn", PLAN,
                    "--execution-id", "ap-southeast-1/0a1b2c3d4e5f6a7b");

            assertEquals(0, exit);
            assertEquals(List.of(), server.requests("StartPlanExecution"));
        }
    }

    @Test
    void aCallRegionSwitchRefusesIsReportedWithTheServicesErrorAndExitsOne() throws Exception {
        try (var server = new RecordedRegionSwitch("refused-start")) {
            int exit = run(server, "--to", "ap-southeast-1", "--mode", "planned", "--plan-arn", PLAN);

            assertEquals(1, exit);
            assertEquals("region-switch: StartPlanExecution in ap-southeast-1 failed: ResourceNotFoundException: The"
                    + " plan was not found.", err.toString(StandardCharsets.UTF_8).trim());
            assertEquals(List.of(), server.requests("GetPlanExecution"));
        }
    }

    @Test
    void onAwsTheToolTalksToTheActivatedRegionsOwnDataPlane() {
        // The endpoint rule set of the service model: no control-plane parameter -> arc-region-switch.{Region}.api.aws
        assertEquals(java.net.URI.create("https://arc-region-switch.ap-southeast-1.api.aws/"),
                RegionSwitchApi.dataPlane("ap-southeast-1"));
    }

    @Test
    void aWrongCommandLineIsRefusedBeforeAnyCall() throws Exception {
        try (var server = new RecordedRegionSwitch("successful-execution")) {
            assertEquals(2, run(server, "--to", "ap-southeast-1", "--mode", "sideways", "--plan-arn", PLAN));
            assertEquals(2, run(server, "--to", "ap-southeast-1", "--mode", "planned"));
            assertEquals(2, run(server, "--to", "ap-southeast-1", "--mode", "planned", "--plan-arn", PLAN, "--approve", "yes"));
            assertEquals(List.of(), server.requests);
        }
    }
}
