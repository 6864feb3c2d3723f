package com.bookstore.ops.drill;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a drill runs. {@code hold} is how long each region serves after it took over before the drill
 * moves on; the orders are read back from the secondary no sooner than {@code settle} after the fault
 * (replication gets that long, so what is still missing then is lost).
 */
public record DrillSettings(int shoppers, Duration thinkTime, Duration requestTimeout, Duration warmUp,
                            Duration failoverTimeout, Duration hold, Duration settle, Duration failbackTimeout,
                            Duration convergenceTimeout, int sustainSeconds) {

    public static DrillSettings defaults() {
        return new DrillSettings(4, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(15),
                Duration.ofMinutes(5), Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofMinutes(5),
                Duration.ofMinutes(2), 3);
    }

    public DrillSettings {
        if (shoppers < 1 || sustainSeconds < 1) {
            throw new IllegalArgumentException("a drill needs at least one shopper and a sustain window of at least 1 s");
        }
    }

    /** For the report: every setting in plain numbers. */
    public Map<String, Object> describe() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("shoppers", shoppers);
        settings.put("thinkTimeMillis", thinkTime.toMillis());
        settings.put("requestTimeoutMillis", requestTimeout.toMillis());
        settings.put("warmUpSeconds", warmUp.toSeconds());
        settings.put("failoverTimeoutSeconds", failoverTimeout.toSeconds());
        settings.put("holdSeconds", hold.toSeconds());
        settings.put("settleSeconds", settle.toSeconds());
        settings.put("failbackTimeoutSeconds", failbackTimeout.toSeconds());
        settings.put("convergenceTimeoutSeconds", convergenceTimeout.toSeconds());
        settings.put("sustainSeconds", sustainSeconds);
        return settings;
    }
}
