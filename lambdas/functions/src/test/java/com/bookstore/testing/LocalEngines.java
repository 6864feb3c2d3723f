package com.bookstore.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one harness of the Lambda tests: {@code @ExtendWith(LocalEngines.class)} gives a test an
 * {@link Engines} parameter. moto_server and redis-server are started on free loopback ports the first
 * time any test of the JVM asks, shared by every test the JVM runs, and stopped when the JVM exits.
 * Per JVM rather than per JUnit run: a mutation-testing minion runs one JUnit session per mutant, and
 * starting moto (seconds of Python imports) for each was most of `make mutation`'s time.
 */
public final class LocalEngines implements ParameterResolver {

    private static Engines shared;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Engines.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared();
    }

    private static synchronized Engines shared() {
        if (shared == null) {
            Engines started = Engines.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-engines-stop"));
            shared = started;
        }
        return shared;
    }
}
