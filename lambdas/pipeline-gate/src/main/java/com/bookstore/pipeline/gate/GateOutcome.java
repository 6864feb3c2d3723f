package com.bookstore.pipeline.gate;

/** What the gate concluded for one invocation of a job. */
public sealed interface GateOutcome {
    String summary();

    /** Every check passed: the pipeline moves on. */
    record Verified(String summary) implements GateOutcome {
    }

    /** A check failed for good, or the region stayed unhealthy past the max wait: the promotion stops. */
    record Rejected(String summary) implements GateOutcome {
    }

    /** Not healthy yet and still within the max wait: CodePipeline invokes the gate again with this continuation. */
    record Waiting(String summary, Continuation next, int percentComplete) implements GateOutcome {
    }
}
