package com.bookstore.pipeline.gate;

import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ExecutionDetails;
import software.amazon.awssdk.services.codepipeline.model.FailureDetails;
import software.amazon.awssdk.services.codepipeline.model.FailureType;
import software.amazon.awssdk.services.codepipeline.model.PutJobFailureResultRequest;
import software.amazon.awssdk.services.codepipeline.model.PutJobSuccessResultRequest;

/**
 * Tells CodePipeline how the job went. The action waits until it hears back, so every invocation ends in exactly
 * one of these calls. Texts are cut to the API's limits (2048 characters of summary, 5000 of failure message).
 */
public final class JobResultReporter {
    static final int SUMMARY_LIMIT = 2048;
    static final int FAILURE_MESSAGE_LIMIT = 5000;

    private final CodePipelineClient codePipeline;

    public JobResultReporter(CodePipelineClient codePipeline) {
        this.codePipeline = codePipeline;
    }

    public void report(String jobId, GateOutcome outcome) {
        // Java 17: no pattern switch yet; the interface is sealed, so these three are all there is.
        if (outcome instanceof GateOutcome.Verified verified) {
            codePipeline.putJobSuccessResult(PutJobSuccessResultRequest.builder()
                    .jobId(jobId)
                    .executionDetails(details(verified.summary(), 100))
                    .build());
        } else if (outcome instanceof GateOutcome.Waiting waiting) {
            codePipeline.putJobSuccessResult(PutJobSuccessResultRequest.builder()
                    .jobId(jobId)
                    .continuationToken(waiting.next().toToken())
                    .executionDetails(details(waiting.summary(), waiting.percentComplete()))
                    .build());
        } else {
            fail(jobId, FailureType.JOB_FAILED, outcome.summary());
        }
    }

    /** The action's user parameters are wrong: no point retrying until the pipeline definition changes. */
    public void reportConfigurationError(String jobId, String message) {
        fail(jobId, FailureType.CONFIGURATION_ERROR, message);
    }

    private void fail(String jobId, FailureType type, String message) {
        codePipeline.putJobFailureResult(PutJobFailureResultRequest.builder()
                .jobId(jobId)
                .failureDetails(FailureDetails.builder()
                        .type(type)
                        .message(cut(message, FAILURE_MESSAGE_LIMIT))
                        .build())
                .build());
    }

    private static ExecutionDetails details(String summary, int percentComplete) {
        return ExecutionDetails.builder().summary(cut(summary, SUMMARY_LIMIT)).percentComplete(percentComplete).build();
    }

    private static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 3) + "...";
    }
}
