package com.bookstore.platform.telemetry;

import com.google.gson.Gson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per API request or stream batch, so that CloudWatch Logs Insights can filter and count by
 * field. The customer appears only as a hash: logs are read by more people than the orders table.
 * Field names: docs/observability.md.
 */
public final class RequestLog {

    private static final Gson GSON = new Gson();

    private final String region;
    private final String role;
    private final LineSink sink;
    private final Clock clock;

    public RequestLog(String region, String role, LineSink sink, Clock clock) {
        this.region = region;
        this.role = role;
        this.sink = sink;
        this.clock = clock;
    }

    /** A served API request; {@code customerId} is the token's subject or null when anonymous. */
    public void apiRequest(String requestId, String route, int status, long durationMs, boolean coldStart,
                           String customerId) {
        Map<String, Object> line = common(status >= 500 ? "ERROR" : "INFO", "api", requestId, durationMs, coldStart);
        line.put("route", route);
        line.put("status", status);
        if (customerId != null) {
            line.put("customer", customerHash(customerId));
        }
        write(line);
    }

    /** A batch of the orders stream; {@code failed} is 1 when the batch stopped at a record Redis refused. */
    public void streamBatch(String requestId, int records, int applied, int skipped, int failed, long durationMs,
                            boolean coldStart) {
        Map<String, Object> line = common(failed > 0 ? "WARN" : "INFO", "orders-stream", requestId, durationMs, coldStart);
        line.put("records", records);
        line.put("applied", applied);
        line.put("skipped", skipped);
        line.put("failed", failed);
        write(line);
    }

    private Map<String, Object> common(String level, String source, String requestId, long durationMs, boolean coldStart) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", clock.instant().toString());
        line.put("level", level);
        line.put("source", source);
        line.put("requestId", requestId);
        line.put("region", region);
        line.put("role", role);
        line.put("durationMs", durationMs);
        line.put("coldStart", coldStart);
        return line;
    }

    private void write(Map<String, Object> line) {
        try {
            sink.write(GSON.toJson(line));
        } catch (RuntimeException unwritable) {
            // a log line is never worth a failed request
        }
    }

    /** The first 16 hex digits of SHA-256: enough to follow one customer through the logs, not to name them. */
    public static String customerHash(String customerId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(customerId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
