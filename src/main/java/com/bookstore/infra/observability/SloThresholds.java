package com.bookstore.infra.observability;

/**
 * When a region's service-level alarms fire (keys and defaults: docs/configuration.md, "Alarms").
 *
 * @param apiErrorPercent           share of API requests answered 5xx, per minute
 * @param apiLatencyP99Ms           p99 of the API's latency as API Gateway measures it, per minute
 * @param streamAgeSeconds          how far the best-seller consumer lags the orders stream (IteratorAge)
 * @param replicationLatencySeconds DynamoDB global table replication to the peer region
 * @param functionErrorsPerMinute   Lambda invocation errors of either function
 */
public record SloThresholds(int apiErrorPercent, int apiLatencyP99Ms, int streamAgeSeconds,
                            int replicationLatencySeconds, int functionErrorsPerMinute) {
}
