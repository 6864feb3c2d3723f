package com.bookstore.pipeline.gate;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The Lambda context of one invocation: the time left is what the tests vary; the log is kept for assertions. */
final class TestLambdaContext implements Context {
    private final Duration remaining;
    private final StringBuilder log = new StringBuilder();

    TestLambdaContext(Duration remaining) {
        this.remaining = remaining;
    }

    String log() {
        return log.toString();
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) remaining.toMillis();
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                log.append(message);
            }

            @Override
            public void log(byte[] message) {
                log.append(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public String getAwsRequestId() {
        return "req-1";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/bookstore-verify-gate";
    }

    @Override
    public String getLogStreamName() {
        return "stream";
    }

    @Override
    public String getFunctionName() {
        return "bookstore-verify-gate";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-west-1:123456789012:function:bookstore-verify-gate";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 256;
    }
}
