package com.bookstore.infra.dns;

import com.bookstore.infra.config.Role;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Optional;

/**
 * This region's side of {@link FailoverDns}. The timings come from the stack's resilience settings
 * (docs/failover.md), which carry their defaults and are checked against the recovery-time budget.
 *
 * @param region                      required; the region whose endpoints are checked (in names and alarm texts)
 * @param edgeRegion                  required; where the health-check metrics, alarms and their key live
 * @param accountId                   required; the account whose alarms may use the topic's key
 * @param role                        required; PRIMARY or SECONDARY failover records
 * @param hostedZoneId                required; the public zone of the failover names
 * @param alertEmail                  default none; an address subscribed to the health alarms
 * @param healthCheckIntervalSeconds  required; 10 or 30, as Route 53 allows
 * @param healthCheckFailureThreshold required; failed probes before a region counts as down
 * @param dnsTtlSeconds               required; the failover records' TTL
 * @param endpoints                   required; the services behind failover (the API, optionally the blog)
 */
public record FailoverDnsArgs(String region, String edgeRegion, Output<String> accountId, Role role,
                              String hostedZoneId, Optional<String> alertEmail, int healthCheckIntervalSeconds,
                              int healthCheckFailureThreshold, int dnsTtlSeconds, List<FailoverDns.Endpoint> endpoints) {

    public FailoverDnsArgs {
        endpoints = List.copyOf(endpoints);
    }
}
