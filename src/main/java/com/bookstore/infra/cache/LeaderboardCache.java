package com.bookstore.infra.cache;

import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.elasticache.ReplicationGroupArgs;
import com.pulumi.aws.elasticache.SubnetGroup;
import com.pulumi.aws.elasticache.SubnetGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * The best-seller leaderboard: a Redis replication group in the region's private subnets, encrypted at rest
 * and in transit (clients connect with {@code rediss://}), with a replica in another zone when more than one
 * node is configured. The board is derived data (the rebuild command recomputes it from Orders), so daily
 * snapshots are a convenience, not the recovery plan.
 */
public final class LeaderboardCache extends ComponentResource {

    private static final int REDIS_PORT = 6379;

    /** The {@code REDIS_URL} the functions use (TLS). */
    public final Output<String> url;

    public LeaderboardCache(String name, LeaderboardCacheArgs args, ComponentResourceOptions options) {
        super("bookstore:cache:LeaderboardCache", name, options);
        boolean replicated = args.nodes() > 1;

        var subnets = new SubnetGroup(name, SubnetGroupArgs.builder()
                .name(name)
                .description("Bookstore leaderboard: private subnets")
                .subnetIds(args.subnetIds())
                .build(), child());
        var group = new ReplicationGroup(name, ReplicationGroupArgs.builder()
                .replicationGroupId(name)
                .description("Bookstore best-seller leaderboard")
                .engine("redis")
                .engineVersion("7.1")
                .nodeType(args.nodeType())
                .numCacheClusters(args.nodes())
                .automaticFailoverEnabled(replicated)
                .multiAzEnabled(replicated)
                .port(REDIS_PORT)
                .subnetGroupName(subnets.name())
                .securityGroupIds(args.securityGroupId().applyValue(List::of))
                .atRestEncryptionEnabled(true)
                .transitEncryptionEnabled(true)
                .snapshotRetentionLimit(1)
                .applyImmediately(true)
                .build(), child());
        this.url = group.primaryEndpointAddress().applyValue(host -> "rediss://" + host + ":" + REDIS_PORT);
        registerOutputs(Map.of("url", url));
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
