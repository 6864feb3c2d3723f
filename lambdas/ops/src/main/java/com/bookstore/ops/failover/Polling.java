package com.bookstore.ops.failover;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls an AWS resource until it reaches the state a promotion step waits for, printing where it stands
 * between polls and giving up at the time-out with the last state seen. AWS's own waiters do not cover
 * these states (a global cluster's writer, an EFS replica becoming writable).
 */
final class Polling {

    private final Sleeper sleeper;
    private final Consumer<String> progress;
    private final Duration interval;
    private final Duration timeout;

    Polling(Sleeper sleeper, Consumer<String> progress, Duration interval, Duration timeout) {
        this.sleeper = sleeper;
        this.progress = progress;
        this.interval = interval;
        this.timeout = timeout;
    }

    /**
     * Probes until {@code done} holds and returns how long that took. {@code waitingFor} says what is awaited
     * and {@code where} where a state stands; both go into the progress lines and the time-out message, which
     * ends with {@code ifTimedOut} (what the operator can do then).
     */
    <T> Duration until(Supplier<T> probe, Predicate<T> done, String waitingFor, Function<T, String> where,
                       String ifTimedOut) {
        Duration waited = Duration.ZERO;
        while (true) {
            T state = probe.get();
            if (done.test(state)) {
                return waited;
            }
            if (waited.compareTo(timeout) >= 0) {
                throw new PromotionException("Timed out after " + waited.toSeconds() + " s waiting for " + waitingFor
                        + " (" + where.apply(state) + "). " + ifTimedOut);
            }
            progress.accept("  waiting: " + where.apply(state));
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PromotionException("Interrupted while waiting for " + waitingFor
                        + "; what was started goes on inside AWS.", e);
            }
            waited = waited.plus(interval);
        }
    }
}
