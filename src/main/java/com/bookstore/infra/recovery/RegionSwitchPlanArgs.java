package com.bookstore.infra.recovery;

import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;

/**
 * What {@link RegionSwitchPlan} needs. The other region's resources are named, not referenced: the primary stack
 * deploys first, and both stacks name these resources the same way (docs/failover.md "The Region switch plan").
 *
 * @param planName              the plan's name (1 to 32 letters, digits and hyphens)
 * @param primaryRegion         the region the shop normally runs in (the plan's primary region)
 * @param secondaryRegion       the standby region
 * @param accountId             the account both stacks deploy into
 * @param globalClusterId       the blog's Aurora global cluster, if the stack has a blog (the blog steps need it)
 * @param blogClusterIdentifier the blog's regional cluster identifier, the same in both regions
 * @param actionFunctionName    the region-switch action function, the same name in both regions
 * @param verifyFunctionName    the verify function, the same name in both regions
 * @param hostedZoneId          the zone of the failover names
 * @param failoverNames         the names the traffic step moves (api., blog.), each with one record per region
 * @param recordSetIdentifiers  per region, the set identifier of its failover records ({@code FailoverDns})
 * @param manualApproval        a person approves each execution first (default on; config
 *                              {@code bookstore:regionSwitchApproval})
 * @param recoveryTimeObjectiveMinutes the RTO the plan reports executions against
 * @param tags                  the project's tags (Cloud Control resources get no provider default tags)
 * @param permissionsBoundaryArn the project's permissions boundary, which every role carries
 */
public record RegionSwitchPlanArgs(String planName, String primaryRegion, String secondaryRegion,
                                   Output<String> accountId, java.util.Optional<Output<String>> globalClusterId,
                                   String blogClusterIdentifier, String actionFunctionName, String verifyFunctionName,
                                   String hostedZoneId, List<String> failoverNames,
                                   Map<String, String> recordSetIdentifiers, boolean manualApproval,
                                   int recoveryTimeObjectiveMinutes, Map<String, String> tags,
                                   Output<String> permissionsBoundaryArn) {

    public RegionSwitchPlanArgs {
        if (!planName.matches("[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?")) {
            throw new IllegalArgumentException("plan name '" + planName + "' is not 1-32 letters, digits and hyphens");
        }
        failoverNames = List.copyOf(failoverNames);
        recordSetIdentifiers = Map.copyOf(recordSetIdentifiers);
        tags = Map.copyOf(tags);
    }

    List<String> regions() {
        return List.of(primaryRegion, secondaryRegion);
    }
}
