package com.bookstore.infra.dns;

import com.bookstore.infra.config.Role;
import com.bookstore.infra.security.EncryptionKey;
import com.bookstore.infra.security.EncryptionKeyArgs;
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
 * This region's half of DNS failover for each public service (the API, the blog): a Route 53 health check on
 * the region's own endpoint (interval and threshold from config), the region's failover record for
 * {@code <service>.<domain>} (PRIMARY or SECONDARY by role), and an alarm on each health check with one
 * encrypted notification topic. Health-check metrics exist only in us-east-1, so the alarms, their topic and
 * key use the edge provider.
 *
 * <p>The records are CNAMEs with the configured TTL rather than aliases: an alias inherits the target's TTL,
 * which the stack cannot set, and the resilience budget must be computed from a TTL the stack controls.
 * Route 53 does not validate certificates in HTTPS health checks, so a check can probe a regional name
 * (an execute-api host, a load balancer) that the service's certificate does not cover.
 */
public final class FailoverDns extends ComponentResource {

    /**
     * One service behind failover.
     *
     * @param service         short name used in resource names and alarm texts
     * @param host            the failover name, e.g. {@code api.<domain>}
     * @param healthCheckHost the region's own host the health check probes over HTTPS
     * @param healthPath      the path that answers 200 only when the region can serve
     * @param target          what the region's record points at
     */
    public record Endpoint(String service, String host, Output<String> healthCheckHost, String healthPath, Output<String> target,
                           java.util.Optional<Output<String>> switchHealthCheckId) {

        public Endpoint(String service, String host, Output<String> healthCheckHost, String healthPath, Output<String> target) {
            this(service, host, healthCheckHost, healthPath, target, java.util.Optional.empty());
        }

        /** The same endpoint, its record also following the Region switch plan's health check for this region. */
        public Endpoint withSwitch(Output<String> planHealthCheckId) {
            return new Endpoint(service, host, healthCheckHost, healthPath, target, java.util.Optional.of(planHealthCheckId));
        }
    }

    public final Map<String, Output<String>> healthCheckIds;
    public final Output<String> alarmTopicArn;

    /** {@code options} give the edge provider: health-check metrics, and so the alarms, exist in us-east-1 only. */
    public FailoverDns(String name, FailoverDnsArgs args, ComponentResourceOptions options) {
        super("bookstore:dns:FailoverDns", name, options);
        String role = args.role().value();

        var key = new EncryptionKey(name + "-alarms", new EncryptionKeyArgs(name + "-alarms-" + role, "alarm notifications",
                args.edgeRegion(), args.accountId(), List.of(EncryptionKey.ServiceUse.ALARMS)),
                ComponentResourceOptions.builder().parent(this).build());
        var topic = new Topic(name + "-alarms", TopicArgs.builder()
                .displayName("Bookstore " + role + " health")
                .kmsMasterKeyId(key.arn)
                .build(), child());
        args.alertEmail().ifPresent(email -> new TopicSubscription(name + "-alarms-email",
                TopicSubscriptionArgs.builder().topic(topic.arn()).protocol("email").endpoint(email).build(), child()));

        Map<String, Output<String>> checks = new java.util.LinkedHashMap<>();
        for (Endpoint endpoint : args.endpoints()) {
            String service = endpoint.service();
            var healthCheck = new HealthCheck(name + "-" + service, HealthCheckArgs.builder()
                    .type("HTTPS")
                    .fqdn(endpoint.healthCheckHost())
                    .port(443)
                    .resourcePath(endpoint.healthPath())
                    .enableSni(true)
                    .requestInterval(args.healthCheckIntervalSeconds())
                    .failureThreshold(args.healthCheckFailureThreshold())
                    .measureLatency(true)
                    .tags(Map.of("Name", "bookstore-" + service + "-" + args.region()))
                    .build(), child());
            new MetricAlarm(name + "-" + service + "-unhealthy", MetricAlarmArgs.builder()
                    .alarmDescription("The " + role + " " + service + " (" + args.region()
                            + ") fails its Route 53 health check")
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
            Output<String> recordCheck = endpoint.switchHealthCheckId()
                    .map(planCheck -> routingCheck(name + "-" + service, healthCheck.id(), planCheck, args.role() == Role.PRIMARY).id())
                    .orElse(healthCheck.id());
            new Record(name + "-" + service, RecordArgs.builder()
                    .zoneId(args.hostedZoneId())
                    .name(endpoint.host())
                    .type("CNAME")
                    .ttl(args.dnsTtlSeconds())
                    .records(endpoint.target().applyValue(List::of))
                    .setIdentifier(com.bookstore.infra.recovery.RegionSwitchNames.recordSetIdentifier(args.role(), args.region()))
                    .failoverRoutingPolicies(RecordFailoverRoutingPolicyArgs.builder()
                            .type(args.role() == Role.PRIMARY ? "PRIMARY" : "SECONDARY").build())
                    .healthCheckId(recordCheck)
                    .build(), child());
            checks.put(service, healthCheck.id());
        }

        this.healthCheckIds = Map.copyOf(checks);
        this.alarmTopicArn = topic.arn();
        Map<String, Output<?>> outputs = new java.util.LinkedHashMap<>(checks);
        outputs.put("alarmTopicArn", alarmTopicArn);
        registerOutputs(outputs);
    }

    /**
     * The check the record follows when a Region switch plan moves this name (docs/failover.md "Traffic"): a
     * calculated check over the region's own health check and the one the plan flips. The primary serves while
     * both are healthy (the plan can take it out even when its /health passes); the secondary is healthy when
     * either is (it stays in once the plan activated it, even if its /health blips, instead of DNS falling back
     * to the deactivated primary). Route 53 evaluates calculated checks itself, no probes (Route 53 developer
     * guide, "Monitoring other health checks").
     */
    private HealthCheck routingCheck(String name, Output<String> endpointCheck, Output<String> planCheck, boolean primary) {
        return new HealthCheck(name + "-routing", HealthCheckArgs.builder()
                .type("CALCULATED")
                .childHealthchecks(Output.all(endpointCheck, planCheck))
                .childHealthThreshold(primary ? 2 : 1)
                .tags(Map.of("Name", name + "-routing"))
                .build(), child());
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
