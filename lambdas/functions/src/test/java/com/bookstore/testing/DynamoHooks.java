package com.bookstore.testing;

import com.bookstore.platform.AwsClients;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB client on moto that runs a test's own code at an exact point of a request's flow: before the
 * n-th call of one operation is sent, or after its answer arrived. The code is a second writer working on the
 * same moto tables through {@link Engines#dynamo()}, so the races it creates are real ones that moto's
 * serialised requests would otherwise never show; nothing the engine answers is altered.
 */
public final class DynamoHooks implements ExecutionInterceptor {

    private record Hook(Class<? extends SdkRequest> operation, boolean before, IntConsumer action) {
    }

    private final List<Hook> hooks = new CopyOnWriteArrayList<>();
    private final Map<Class<?>, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final DynamoDbClient client;

    public DynamoHooks(Engines engines) {
        this.client = AwsClients.dynamoDb(engines.aws(), this);
    }

    /** The client whose calls the hooks watch. */
    public DynamoDbClient client() {
        return client;
    }

    /** Runs {@code action} (given the call's number, from 1) before each call of {@code operation} is sent. */
    public DynamoHooks before(Class<? extends SdkRequest> operation, IntConsumer action) {
        hooks.add(new Hook(operation, true, action));
        return this;
    }

    /** Runs {@code action} (given the call's number, from 1) after each call of {@code operation} answered. */
    public DynamoHooks after(Class<? extends SdkRequest> operation, IntConsumer action) {
        hooks.add(new Hook(operation, false, action));
        return this;
    }

    /** How many calls of {@code operation} the client made. */
    public int calls(Class<? extends SdkRequest> operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        int call = calls.computeIfAbsent(context.request().getClass(), type -> new AtomicInteger()).incrementAndGet();
        run(context.request(), true, call);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        run(context.request(), false, calls(context.request().getClass().asSubclass(SdkRequest.class)));
    }

    private void run(SdkRequest request, boolean before, int call) {
        hooks.stream().filter(h -> h.before() == before && h.operation().isInstance(request))
                .forEach(h -> h.action().accept(call));
    }
}
