package com.bookstore.pipeline.gate.settings;

import java.time.Duration;
import java.util.List;

/**
 * What the replication check reads: the global tables, the routes between regions, and the largest acceptable
 * latency over the look-back window. Without recent replicated writes DynamoDB publishes no data points; that
 * passes unless {@code requireDatapoints} says a quiet window is itself suspicious.
 */
public record ReplicationSettings(List<String> tables, List<ReplicationRoute> routes, Duration maxLatency,
                                  Duration lookback, boolean requireDatapoints) {
    public ReplicationSettings {
        tables = List.copyOf(tables);
        routes = List.copyOf(routes);
    }

    static ReplicationSettings read(ParameterReader reader) {
        List<String> tables = reader.nonEmptyStrings("tables");
        List<ReplicationRoute> routes = reader.nonEmptyObjects("routes").stream()
                .map(route -> new ReplicationRoute(route.requiredString("sourceRegion"),
                        route.requiredString("receivingRegion")))
                .toList();
        return new ReplicationSettings(
                tables,
                routes,
                Duration.ofMillis(reader.positiveLong("maxLatencyMillis", 5_000)),
                Duration.ofMinutes(reader.positiveLong("lookbackMinutes", 10)),
                reader.bool("requireDatapoints", false));
    }
}
