package com.bookstore.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Instantiates a handler from its class name, as the Lambda Java runtime does with the function's
 * handler setting, so the local runtime runs exactly the class the stack deploys.
 */
public final class HandlerLoader {
    private HandlerLoader() {
    }

    @SuppressWarnings("unchecked")
    public static <I, O> RequestHandler<I, O> load(String className) {
        try {
            Class<?> type = Class.forName(className);
            if (!RequestHandler.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(className + " is not a RequestHandler");
            }
            return (RequestHandler<I, O>) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate handler " + className, e);
        }
    }
}
