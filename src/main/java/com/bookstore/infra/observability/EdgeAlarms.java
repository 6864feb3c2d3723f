package com.bookstore.infra.observability;

import com.bookstore.infra.security.EncryptionKey;
import com.bookstore.infra.security.EncryptionKeyArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
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
 * Availability at the edge: the share of 5xx answers CloudFront gives shoppers (the storefront and, with a domain,
 * /api), whichever region is behind it. CloudFront publishes its metrics in us-east-1 with the dimension
 * {@code Region = Global}, and an alarm can notify only a topic of its own region, so the alarm, its topic and the
 * topic's key are created there (docs/observability.md#alarms).
 */
public final class EdgeAlarms extends ComponentResource {

    public final Output<String> topicArn;

    public EdgeAlarms(String name, EdgeAlarmsArgs args, ComponentResourceOptions options) {
        super("bookstore:observability:EdgeAlarms", name, options);
        var key = new EncryptionKey(name + "-topic", new EncryptionKeyArgs(name + "-topic", "edge alarm notifications",
                args.edgeRegion(), args.accountId(), List.of(EncryptionKey.ServiceUse.ALARMS)),
                ComponentResourceOptions.builder().parent(this).build());
        var topic = new Topic(name, TopicArgs.builder()
                .displayName("Bookstore edge (CloudFront) alarms")
                .kmsMasterKeyId(key.arn)
                .build(), child());
        this.topicArn = topic.arn();
        args.alertEmail().ifPresent(email -> new TopicSubscription(name + "-email", TopicSubscriptionArgs.builder()
                .topic(topic.arn()).protocol("email").endpoint(email).build(), child()));

        // arn:aws:cloudfront::<account>:distribution/<id>
        Output<Map<String, String>> distribution = args.distributionArn().applyValue(arn ->
                Map.of("DistributionId", arn.substring(arn.lastIndexOf('/') + 1), "Region", "Global"));
        new MetricAlarm(name + "-5xx", MetricAlarmArgs.builder()
                .alarmDescription("More than " + args.errorPercent() + "% of CloudFront's answers to shoppers are 5xx")
                .namespace("AWS/CloudFront").metricName("5xxErrorRate").statistic("Average")
                .dimensions(distribution)
                .period(60).evaluationPeriods(5).datapointsToAlarm(3)
                .threshold((double) args.errorPercent())
                .comparisonOperator("GreaterThanThreshold")
                .treatMissingData("notBreaching")
                .alarmActions(topicArn.applyValue(List::of))
                .okActions(topicArn.applyValue(List::of))
                .build(), child());
        registerOutputs(Map.of("topicArn", topicArn));
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
