package com.bookstore.api.status;

import com.bookstore.contract.BookstoreMetric;
import com.bookstore.platform.SsmParameterReader;
import com.bookstore.platform.telemetry.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The failover drill's switch (docs/interfaces.md): while the region's SSM parameter is {@code on}, the
 * region reports itself unhealthy so that traffic fails over without breaking anything real. Read at
 * most every {@value #CACHE_SECONDS} s; a missing parameter is off; when SSM cannot be read the last
 * known value stands (at first: off), so the switch can never take a healthy region down by itself.
 */
public final class FaultSwitchReader {

    static final int CACHE_SECONDS = 5;
    private static final Duration CACHE = Duration.ofSeconds(CACHE_SECONDS);
    private static final Logger LOG = Logger.getLogger(FaultSwitchReader.class.getName());

    private final Supplier<SsmParameterReader> ssm;
    private final String parameter;
    private final Clock clock;
    private final Metrics metrics;
    private SsmParameterReader reader;
    private boolean on;
    private Instant readAt;

    /** {@code ssm} is called on the first check only: containers that never serve /health never build it. */
    public FaultSwitchReader(Supplier<SsmParameterReader> ssm, String parameter, Clock clock, Metrics metrics) {
        this.ssm = ssm;
        this.parameter = parameter;
        this.clock = clock;
        this.metrics = metrics;
    }

    public synchronized boolean isOn() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(CACHE))) {
            try {
                if (reader == null) {
                    reader = ssm.get();
                }
                on = reader.read(parameter).map(value -> value.trim().equalsIgnoreCase("on")).orElse(false);
            } catch (RuntimeException unreadable) {
                LOG.log(Level.WARNING, "fault switch {0} unreadable, keeping {1}: {2}",
                        new Object[] {parameter, on ? "on" : "off", unreadable.toString()});
            }
            readAt = now;
            metrics.record(BookstoreMetric.FAULT_SWITCH_ON, on ? 1 : 0);
        }
        return on;
    }
}
