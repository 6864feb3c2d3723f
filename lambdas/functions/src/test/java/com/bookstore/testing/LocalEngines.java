package com.bookstore.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one harness of the Lambda tests: {@code @ExtendWith(LocalEngines.class)} gives a test an
 * {@link Engines} parameter. moto_server and redis-server are started on free loopback ports the first
 * time any test asks, shared by every test of the run, and stopped when the run ends (JUnit closes the
 * root store).
 */
public final class LocalEngines implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Engines.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(LocalEngines.class))
                .getOrComputeIfAbsent(Engines.class, type -> Engines.start(), Engines.class);
    }
}
