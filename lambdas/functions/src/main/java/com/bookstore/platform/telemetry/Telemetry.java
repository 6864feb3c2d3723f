package com.bookstore.platform.telemetry;

import java.time.Clock;
import java.util.Map;

/** What a function writes about its work: business metrics and one log line per request or batch. */
public record Telemetry(Metrics metrics, RequestLog requestLog) {

    /**
     * Region and role as Lambda and the stack set them ({@code AWS_REGION}, {@code BOOKSTORE_ROLE}); lines to
     * standard output unless {@code METRICS_FILE} / {@code REQUEST_LOG_FILE} name files (local runtime, tests).
     */
    public static Telemetry fromEnvironment(Map<String, String> env, Clock clock) {
        return of(env.getOrDefault("AWS_REGION", "unknown"), env.getOrDefault("BOOKSTORE_ROLE", "unknown"), env, clock);
    }

    /** For a known region and role; the sinks as in {@link #fromEnvironment}. */
    public static Telemetry of(String region, String role, Map<String, String> env, Clock clock) {
        return new Telemetry(new Metrics(region, role, LineSink.fromEnvironment(env, "METRICS_FILE"), clock),
                new RequestLog(region, role, LineSink.fromEnvironment(env, "REQUEST_LOG_FILE"), clock));
    }
}
