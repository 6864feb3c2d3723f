package com.bookstore.ops.failover;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DescribeGlobalClustersRequest;
import software.amazon.awssdk.services.rds.model.FailoverGlobalClusterRequest;
import software.amazon.awssdk.services.rds.model.GlobalCluster;
import software.amazon.awssdk.services.rds.model.GlobalClusterMember;
import software.amazon.awssdk.services.rds.model.GlobalClusterNotFoundException;
import software.amazon.awssdk.services.rds.model.SwitchoverGlobalClusterRequest;

/**
 * Makes one region's cluster the writer of the blog's Aurora global database and waits until it
 * accepts writes. The same command serves failover (target = the secondary region) and failback
 * (target = the original primary region, planned once it is healthy again).
 *
 * <p>The RDS client must be for the target region: during an outage the primary region's endpoint
 * may not answer, and the global cluster's API answers in every member region.
 */
public final class GlobalDatabasePromotion {

    private final RdsClient rds;
    private final Consumer<String> progress;
    private final Polling polling;

    public GlobalDatabasePromotion(RdsClient rds, Sleeper sleeper, Consumer<String> progress,
                                   Duration pollInterval, Duration timeout) {
        this.rds = rds;
        this.progress = progress;
        this.polling = new Polling(sleeper, progress, pollInterval, timeout);
    }

    /** What was done: the cluster that writes now, and whether anything had to change. */
    public record Result(String writerClusterArn, boolean changed, Duration waited) {}

    public Result promote(String globalClusterId, String targetRegion, PromotionMode mode) {
        GlobalCluster cluster = describe(globalClusterId);
        GlobalClusterMember target = memberInRegion(cluster, targetRegion);
        if (Boolean.TRUE.equals(target.isWriter())) {
            progress.accept("The cluster in " + targetRegion + " is already the writer; nothing to do.");
            return new Result(target.dbClusterArn(), false, Duration.ZERO);
        }
        String arn = target.dbClusterArn();
        try {
            if (mode == PromotionMode.PLANNED) {
                progress.accept("Switching over " + globalClusterId + " to " + arn
                        + " (planned: waits for replication to catch up, no data loss)");
                rds.switchoverGlobalCluster(SwitchoverGlobalClusterRequest.builder()
                        .globalClusterIdentifier(globalClusterId).targetDbClusterIdentifier(arn).build());
            } else {
                progress.accept("Failing over " + globalClusterId + " to " + arn
                        + " (unplanned: promotes now, writes not yet replicated are lost)");
                rds.failoverGlobalCluster(FailoverGlobalClusterRequest.builder()
                        .globalClusterIdentifier(globalClusterId).targetDbClusterIdentifier(arn)
                        .allowDataLoss(true).build());
            }
        } catch (SdkException e) {
            String hint = mode == PromotionMode.PLANNED
                    ? " A planned switchover needs both regions healthy; if the primary is down, use mode 'unplanned'."
                    : "";
            throw new PromotionException("RDS refused to promote " + arn + ": " + e.getMessage() + hint, e);
        }
        Duration waited = awaitWriter(globalClusterId, arn);
        progress.accept("Done: " + arn + " is the writer (after " + waited.toSeconds() + " s).");
        return new Result(arn, true, waited);
    }

    private Duration awaitWriter(String globalClusterId, String arn) {
        return polling.until(() -> describe(globalClusterId),
                cluster -> isWriter(cluster, arn) && "available".equals(cluster.status()),
                arn + " to become the writer",
                cluster -> "global cluster is '" + cluster.status() + "', target writer: " + isWriter(cluster, arn),
                "The promotion may still finish: check 'aws rds describe-global-clusters'.");
    }

    private static boolean isWriter(GlobalCluster cluster, String arn) {
        return cluster.globalClusterMembers().stream()
                .anyMatch(m -> arn.equals(m.dbClusterArn()) && Boolean.TRUE.equals(m.isWriter()));
    }

    private GlobalCluster describe(String globalClusterId) {
        try {
            List<GlobalCluster> clusters = rds.describeGlobalClusters(DescribeGlobalClustersRequest.builder()
                            .globalClusterIdentifier(globalClusterId).build())
                    .globalClusters();
            if (clusters.isEmpty()) {
                throw new PromotionException("No global cluster named '" + globalClusterId + "'.");
            }
            return clusters.get(0);
        } catch (GlobalClusterNotFoundException e) {
            throw new PromotionException("No global cluster named '" + globalClusterId
                    + "' (check the name in the primary stack's outputs and the region of your credentials).", e);
        }
    }

    private static GlobalClusterMember memberInRegion(GlobalCluster cluster, String region) {
        List<GlobalClusterMember> inRegion = cluster.globalClusterMembers().stream()
                .filter(m -> region.equals(regionOf(m.dbClusterArn())))
                .toList();
        if (inRegion.size() == 1) {
            return inRegion.get(0);
        }
        String members = cluster.globalClusterMembers().stream()
                .map(GlobalClusterMember::dbClusterArn).collect(Collectors.joining(", "));
        throw new PromotionException(inRegion.isEmpty()
                ? "Global cluster " + cluster.globalClusterIdentifier() + " has no member in " + region + "; members: " + members
                : "Global cluster " + cluster.globalClusterIdentifier() + " has several members in " + region + ": " + members);
    }

    /** arn:aws:rds:REGION:ACCOUNT:cluster:NAME */
    static String regionOf(String clusterArn) {
        String[] parts = clusterArn == null ? new String[0] : clusterArn.split(":");
        return parts.length > 3 ? parts[3] : "";
    }
}
