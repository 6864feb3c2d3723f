package com.bookstore.pipeline.gate;

import com.bookstore.pipeline.gate.check.CheckResult;
import com.bookstore.pipeline.gate.check.CheckStatus;
import com.bookstore.pipeline.gate.check.RegionCheck;
import com.bookstore.pipeline.gate.settings.GateSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the region's checks in rounds until they all pass, one fails for good, or this invocation's time runs out.
 * Out of time but within the max wait, it asks CodePipeline to call again (a continuation) rather than holding a
 * Lambda for the whole wait; past the max wait, "not healthy yet" becomes a failure.
 */
public final class VerifyGate {
    private final GateSettings settings;
    private final List<RegionCheck> checks;
    private final Clock clock;

    public VerifyGate(GateSettings settings, List<RegionCheck> checks, Clock clock) {
        this.settings = settings;
        this.checks = List.copyOf(checks);
        this.clock = clock;
    }

    /**
     * @param continuation this job's state so far (a fresh one on the first invocation)
     * @param deadline     no new round starts if it could not finish by then (the Lambda's remaining time minus
     *                     what reporting needs)
     */
    public GateOutcome verify(Continuation continuation, Instant deadline) {
        Duration round = settings.worstCaseRound();
        int rounds = 0;
        while (true) {
            rounds++;
            List<CheckResult> results = checks.stream().map(RegionCheck::run).toList();
            if (results.stream().anyMatch(r -> r.status() == CheckStatus.FAILED)) {
                return new GateOutcome.Rejected(headline("failed verification") + lines(results));
            }
            if (results.stream().allMatch(r -> r.status() == CheckStatus.PASSED)) {
                return new GateOutcome.Verified(headline("verified") + " (invocation " + continuation.invocations()
                        + ", round " + rounds + ")" + lines(results));
            }
            Instant now = clock.instant();
            Duration waited = Duration.between(continuation.firstAttempt(), now);
            if (waited.compareTo(settings.maxWait()) >= 0) {
                return new GateOutcome.Rejected(headline("still not healthy after " + minutesSeconds(waited)
                        + " (max wait " + minutesSeconds(settings.maxWait()) + ")") + lines(results));
            }
            if (now.plus(settings.pollInterval()).plus(round).isAfter(deadline)) {
                int percent = (int) Math.min(99, waited.toMillis() * 100 / settings.maxWait().toMillis());
                return new GateOutcome.Waiting(headline("not healthy yet, checking again (waited "
                        + minutesSeconds(waited) + " of " + minutesSeconds(settings.maxWait()) + ")") + lines(results),
                        continuation.next(), percent);
            }
            sleep(settings.pollInterval());
        }
    }

    private String headline(String verdict) {
        return settings.stack() + " (" + settings.expectedRegion() + ") " + verdict;
    }

    private static String lines(List<CheckResult> results) {
        return results.stream().map(CheckResult::toString).collect(Collectors.joining("\n", "\n", ""));
    }

    private static String minutesSeconds(Duration d) {
        return d.toMinutes() + "m" + String.format("%02d", d.toSecondsPart()) + "s";
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between verification rounds", e);
        }
    }
}
