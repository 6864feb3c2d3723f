package com.bookstore.infra.observability;

import com.pulumi.core.Output;

import java.util.Optional;

/**
 * What {@link RegionAlarms} watches in one region.
 *
 * @param region               required; the region (alarm texts, the topic's key)
 * @param peerRegion           required; the receiving region of the table replication it watches
 * @param role                 required; {@code primary} or {@code secondary}, the dimension of the code's own metrics
 * @param accountId            required; the account whose alarms may use the topic's key
 * @param alertEmail           default none; an address subscribed to the topic
 * @param thresholds           required; when each alarm fires
 * @param apiId                required; the region's HTTP API
 * @param apiFunctionName      required; the API function
 * @param consumerFunctionName required; the orders stream consumer
 * @param failureQueueName     required; where the consumer's failed batches are recorded
 * @param ordersTableName      required; the global table whose replication is watched
 */
public record RegionAlarmsArgs(String region, String peerRegion, String role, Output<String> accountId,
                               Optional<String> alertEmail, SloThresholds thresholds, Output<String> apiId,
                               String apiFunctionName, String consumerFunctionName, Output<String> failureQueueName,
                               String ordersTableName) {
}
