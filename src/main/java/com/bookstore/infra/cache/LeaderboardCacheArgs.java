package com.bookstore.infra.cache;

import com.pulumi.core.Output;

import java.util.List;

/**
 * Where a {@link LeaderboardCache} runs and how big it is. Every field is required (the stack's sizing,
 * docs/configuration.md, carries the defaults).
 *
 * @param subnetIds       the private subnets of the region's network
 * @param securityGroupId the cache's security group, which admits the functions only
 * @param nodeType        the ElastiCache node type ({@code cache.t4g.micro} in the default sizing)
 * @param nodes           1 for a single node; more adds replicas in other zones with automatic failover
 */
public record LeaderboardCacheArgs(Output<List<String>> subnetIds, Output<String> securityGroupId, String nodeType,
                                   int nodes) {
}
