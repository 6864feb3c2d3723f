package com.bookstore.ops.regionswitch;

import com.bookstore.ops.failover.Sleeper;
import com.bookstore.ops.regionswitch.RegionSwitchApi.Event;
import com.bookstore.ops.regionswitch.RegionSwitchApi.Execution;
import com.bookstore.ops.regionswitch.RegionSwitchApi.StepState;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows a Region switch execution step by step and turns its end into an exit code: each step's change of state is
 * printed once, a failed step with Region switch's own error and what to do next (docs/runbooks).
 */
public final class ExecutionFollower {

    /** Exit codes: 0 the region is active, 1 the execution failed or stopped, 3 still going at the time-out. */
    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int STILL_RUNNING = 3;

    private static final Set<String> FAILED_STATES = Set.of("failed", "canceled", "planExecutionTimedOut",
            "pausedByFailedStep", "pausedByOperator", "completedWithExceptions");
    private static final Set<String> DONE_STATES = Set.of("completed", "completedMonitoringApplicationHealth");

    private final RegionSwitchApi api;
    private final Sleeper sleeper;
    private final PrintStream out;
    private final Duration pollInterval;
    private final Duration timeout;

    public ExecutionFollower(RegionSwitchApi api, Sleeper sleeper, PrintStream out, Duration pollInterval, Duration timeout) {
        this.api = api;
        this.sleeper = sleeper;
        this.out = out;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /** Follows until the execution ends or {@code timeout} has passed; {@code approvalHint} says how to approve. */
    public int follow(String planArn, String executionId, String targetRegion, String approvalHint) {
        Map<String, String> seen = new HashMap<>();
        String lastState = null;
        long polls = Math.max(1, timeout.toMillis() / Math.max(1, pollInterval.toMillis()));
        for (long poll = 0; poll <= polls; poll++) {
            Execution execution = api.execution(planArn, executionId);
            for (StepState step : execution.steps()) {
                boolean changed = !step.status().equals(seen.put(step.name(), step.status()));
                if (changed && !step.status().equals("notStarted")) {
                    out.println("  " + pad(step.name()) + describe(step.status()));
                    if (step.status().equals("pendingApproval")) {
                        out.println("  " + pad("") + approvalHint.replace("{step}", step.name()));
                    }
                }
            }
            if (!execution.state().equals(lastState)) {
                lastState = execution.state();
                if (lastState.equals("pendingManualApproval")) {
                    out.println("Waiting for a person to approve (the execution goes on by itself once approved).");
                }
            }
            if (DONE_STATES.contains(execution.state())) {
                out.println("Region switch done: " + targetRegion + " is active (execution " + executionId + ", "
                        + execution.mode() + ").");
                return DONE;
            }
            if (FAILED_STATES.contains(execution.state())) {
                reportFailure(planArn, execution);
                return FAILED;
            }
            if (poll < polls) {
                try {
                    sleeper.sleep(pollInterval);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        out.println("Still " + lastState + " after " + timeout.toMinutes() + " min. The execution goes on in AWS; follow it"
                + " again with --execution-id " + executionId + ".");
        return STILL_RUNNING;
    }

    private void reportFailure(String planArn, Execution execution) {
        out.println("Region switch stopped: the execution is " + execution.state() + " (execution "
                + execution.executionId() + ", " + execution.mode() + ").");
        List<StepState> failed = execution.steps().stream().filter(s -> s.status().equals("failed")).toList();
        for (StepState step : failed) {
            List<Event> events = api.events(planArn, execution.executionId(), step.name());
            events.stream().filter(e -> e.error() != null).reduce((first, second) -> second).ifPresent(e ->
                    out.println("  " + step.name() + " failed: " + e.error()));
        }
        out.println("What to do: the runbook's section for the failed step (docs/runbooks); the plan can be resumed"
                + " in the console once the cause is fixed, or run again with --mode unplanned to skip what can be"
                + " skipped. Without Region switch, the runbook's manual commands do the same steps.");
    }

    private static String describe(String status) {
        return switch (status) {
            case "notStarted" -> "not started";
            case "running" -> "running";
            case "completed" -> "done";
            case "skipped" -> "skipped";
            case "failed" -> "FAILED";
            case "canceled" -> "canceled";
            case "pendingApproval" -> "waiting for approval";
            default -> status;
        };
    }

    private static String pad(String name) {
        return String.format("%-15s ", name);
    }
}
