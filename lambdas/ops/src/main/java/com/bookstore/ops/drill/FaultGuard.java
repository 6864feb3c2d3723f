package com.bookstore.ops.drill;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Holds an injected fault and guarantees it is healed: by {@link #close()} on the normal path and in
 * a try-with-resources on an exception, and by a JVM shutdown hook when the drill is interrupted
 * (Ctrl-C, SIGTERM from CI). A fault is never left on: a region whose health check keeps failing
 * would silently stay out of rotation.
 */
public final class FaultGuard implements AutoCloseable {

    /** Registers and removes shutdown hooks; a seam so tests can run the hook themselves. */
    public interface ShutdownHooks {
        void add(Thread hook);

        void remove(Thread hook);

        ShutdownHooks JVM = new ShutdownHooks() {
            @Override
            public void add(Thread hook) {
                Runtime.getRuntime().addShutdownHook(hook);
            }

            @Override
            public void remove(Thread hook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or about to: it heals the fault itself
                }
            }
        };
    }

    private final Fault fault;
    private final ShutdownHooks hooks;
    private final Consumer<String> log;
    private final AtomicBoolean injected = new AtomicBoolean();
    private final Thread hook;

    private FaultGuard(Fault fault, ShutdownHooks hooks, Consumer<String> log) {
        this.fault = fault;
        this.hooks = hooks;
        this.log = log;
        this.hook = new Thread(() -> {
            if (injected.get()) {
                log.accept("drill interrupted: healing the fault (" + fault.description() + ")");
                healNow();
            }
        }, "drill-fault-heal");
    }

    /**
     * Arms the guard first, then injects: if injection fails half-way (the parameter was written but
     * the answer was lost), the heal still runs.
     */
    public static FaultGuard inject(Fault fault, ShutdownHooks hooks, Consumer<String> log) {
        FaultGuard guard = new FaultGuard(fault, hooks, log);
        hooks.add(guard.hook);
        guard.injected.set(true);
        try {
            fault.inject();
        } catch (RuntimeException e) {
            try {
                guard.close();
            } catch (RuntimeException healFailed) {
                e.addSuppressed(healFailed);
            }
            throw e;
        }
        log.accept("fault injected: " + fault.description());
        return guard;
    }

    public boolean isInjected() {
        return injected.get();
    }

    /** Heals the fault (once); later calls do nothing. */
    public void heal() {
        if (injected.get()) {
            healNow();
            log.accept("fault healed: " + fault.description());
        }
    }

    private synchronized void healNow() {
        if (injected.get()) {
            fault.heal();
            injected.set(false);
        }
    }

    /** If the heal fails the exception propagates and the hook stays registered to try again at exit. */
    @Override
    public void close() {
        heal();
        hooks.remove(hook);
    }
}
