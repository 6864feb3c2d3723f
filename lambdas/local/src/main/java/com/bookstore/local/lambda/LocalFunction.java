package com.bookstore.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.UUID;

/**
 * One function with one warm execution environment: invocations are serialised, as Lambda never runs
 * two requests at once in the same environment (handlers may hold non-thread-safe clients).
 */
public final class LocalFunction<I, O> {
    private final String name;
    private final RequestHandler<I, O> handler;
    private final int timeoutMillis;

    public LocalFunction(String name, RequestHandler<I, O> handler, int timeoutMillis) {
        this.name = name;
        this.handler = handler;
        this.timeoutMillis = timeoutMillis;
    }

    public String name() {
        return name;
    }

    public synchronized O invoke(I event, String requestId) {
        return handler.handleRequest(event, new LocalLambdaContext(
                requestId == null ? UUID.randomUUID().toString() : requestId, name, timeoutMillis));
    }
}
