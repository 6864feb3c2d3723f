package com.bookstore.infra.blog;

import com.bookstore.infra.region.ResourceOwner;
import com.bookstore.infra.security.EncryptionKey;
import com.bookstore.infra.security.EncryptionKeyArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The blog's alarms (unhealthy tasks, server errors, the secondary's replication lag) on an encrypted topic. */
final class BlogAlarms {

    private static final double REPLICATION_LAG_ALARM_MS = 10_000;

    final Output<String> topicArn;
    private final ResourceOwner owner;

    /** {@code replicaClusterId}: the secondary's cluster, whose global-database lag only that region publishes. */
    BlogAlarms(String name, String region, Output<String> accountId, BlogLoadBalancer balancer,
               Optional<Output<String>> replicaClusterId, ResourceOwner owner) {
        this.owner = owner;
        var key = new EncryptionKey(name + "-alarms", new EncryptionKeyArgs(name + "-alarms", "blog alarm notifications",
                region, accountId, List.of(EncryptionKey.ServiceUse.ALARMS)), owner.childComponent());
        var topic = new Topic(name + "-alarms", TopicArgs.builder()
                .displayName("Bookstore blog alarms (" + region + ")")
                .kmsMasterKeyId(key.arn)
                .build(), owner.child());
        this.topicArn = topic.arn();
        Output<Map<String, String>> dimensions = Output.tuple(balancer.balancer.arnSuffix(), balancer.targets.arnSuffix())
                .applyValue(t -> {
                    Map<String, String> map = new LinkedHashMap<>();
                    map.put("LoadBalancer", t.t1);
                    map.put("TargetGroup", t.t2);
                    return map;
                });
        alarm(name + "-unhealthy-tasks", "A blog task in " + region + " fails its health check",
                "AWS/ApplicationELB", "UnHealthyHostCount", "Maximum", 0.0, dimensions);
        alarm(name + "-server-errors", "The blog in " + region + " answers with 5xx errors",
                "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "Sum", 10.0, dimensions);
        // Aurora publishes the global database's lag in the secondary region only. It is typically under a second;
        // sustained seconds mean the blog's text would lose more than the RPO docs/blog.md states.
        replicaClusterId.ifPresent(clusterId -> alarm(name + "-replication-lag", "The blog database in " + region
                        + " lags the primary by more than " + (int) (REPLICATION_LAG_ALARM_MS / 1000) + " s",
                "AWS/RDS", "AuroraGlobalDBReplicationLag", "Maximum", REPLICATION_LAG_ALARM_MS,
                clusterId.applyValue(id -> Map.of("DBClusterIdentifier", id))));
    }

    private void alarm(String name, String description, String namespace, String metric, String statistic,
                       double threshold, Output<Map<String, String>> dimensions) {
        new MetricAlarm(name, MetricAlarmArgs.builder()
                .alarmDescription(description)
                .namespace(namespace)
                .metricName(metric)
                .dimensions(dimensions)
                .statistic(statistic)
                .period(60)
                .evaluationPeriods(3)
                .threshold(threshold)
                .comparisonOperator("GreaterThanThreshold")
                .treatMissingData("notBreaching")
                .alarmActions(topicArn.applyValue(List::of))
                .okActions(topicArn.applyValue(List::of))
                .build(), owner.child());
    }
}
