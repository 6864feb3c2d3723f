package com.bookstore.infra.dns;

import com.bookstore.infra.contract.ResourceNames;
import com.bookstore.infra.region.RegionContext;
import com.bookstore.infra.security.EncryptionKey;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.route53.HealthCheck;
import com.pulumi.aws.route53.HealthCheckArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordFailoverRoutingPolicyArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * This region's half of the API's DNS failover: a Route 53 health check on the region's own {@code /health}
 * (interval and threshold from config), the region's failover record for {@code api.<domain>} (PRIMARY or
 * SECONDARY by role), and an alarm on the health check with an encrypted notification topic. Health-check
 * metrics exist only in us-east-1, so the alarm, its topic and key use the edge provider.
 *
 * <p>The record is a CNAME with the configured TTL rather than an alias: an alias inherits the target's TTL,
 * which the stack cannot set, and the resilience budget must be computed from a TTL the stack controls.
 */
public final class FailoverDns extends ComponentResource {

    public final Output<String> healthCheckId;
    public final Output<String> alarmTopicArn;

    public FailoverDns(String name, RegionContext region, Output<String> healthCheckHost,
                       Output<String> apiDomainTarget) {
        super("bookstore:dns:FailoverDns", name,
                ComponentResourceOptions.builder().providers(region.providers().edge()).build());
        var settings = region.settings();
        var resilience = settings.resilience();
        String domain = settings.domain().orElseThrow(() -> new IllegalStateException("FailoverDns needs a domain"));
        String zoneId = settings.hostedZoneId().orElseThrow();
        String role = settings.role().value();

        var healthCheck = new HealthCheck(name + "-api", HealthCheckArgs.builder()
                .type("HTTPS")
                .fqdn(healthCheckHost)
                .port(443)
                .resourcePath("/health")
                .enableSni(true)
                .requestInterval(resilience.healthCheckIntervalSeconds())
                .failureThreshold(resilience.healthCheckFailureThreshold())
                .measureLatency(true)
                .tags(Map.of("Name", "bookstore-api-" + region.region()))
                .build(), child());

        var key = new EncryptionKey(name + "-alarms", name + "-alarms-" + role, "alarm notifications", settings.edgeRegion(),
                region.accountId(), List.of(EncryptionKey.ServiceUse.ALARMS),
                ComponentResourceOptions.builder().parent(this).build());
        var topic = new Topic(name + "-alarms", TopicArgs.builder()
                .displayName("Bookstore " + role + " API health")
                .kmsMasterKeyId(key.arn)
                .build(), child());
        settings.alertEmail().ifPresent(email -> new TopicSubscription(name + "-alarms-email",
                TopicSubscriptionArgs.builder().topic(topic.arn()).protocol("email").endpoint(email).build(), child()));
        new MetricAlarm(name + "-api-unhealthy", MetricAlarmArgs.builder()
                .alarmDescription("The " + role + " API (" + region.region() + ") fails its Route 53 health check")
                .namespace("AWS/Route53")
                .metricName("HealthCheckStatus")
                .dimensions(healthCheck.id().applyValue(id -> Map.of("HealthCheckId", id)))
                .statistic("Minimum")
                .period(60)
                .evaluationPeriods(1)
                .threshold(1.0)
                .comparisonOperator("LessThanThreshold")
                .treatMissingData("breaching")
                .alarmActions(topic.arn().applyValue(List::of))
                .okActions(topic.arn().applyValue(List::of))
                .build(), child());

        new Record(name + "-api", RecordArgs.builder()
                .zoneId(zoneId)
                .name(ResourceNames.apiHost(domain))
                .type("CNAME")
                .ttl(resilience.dnsTtlSeconds())
                .records(apiDomainTarget.applyValue(List::of))
                .setIdentifier(role + "-" + region.region())
                .failoverRoutingPolicies(RecordFailoverRoutingPolicyArgs.builder()
                        .type(settings.isPrimary() ? "PRIMARY" : "SECONDARY").build())
                .healthCheckId(healthCheck.id())
                .build(), child());

        this.healthCheckId = healthCheck.id();
        this.alarmTopicArn = topic.arn();
        registerOutputs(Map.of("healthCheckId", healthCheckId, "alarmTopicArn", alarmTopicArn));
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
