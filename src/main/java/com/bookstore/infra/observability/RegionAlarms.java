package com.bookstore.infra.observability;

import com.bookstore.contract.ApiContract;
import com.bookstore.contract.ApiRoute;
import com.bookstore.contract.BookstoreMetric;
import com.bookstore.infra.security.EncryptionKey;
import com.bookstore.infra.security.EncryptionKeyArgs;
import com.pulumi.aws.cloudwatch.CompositeAlarm;
import com.pulumi.aws.cloudwatch.CompositeAlarmArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One region's service-level alarms (docs/observability.md#alarms) on an encrypted topic: availability and
 * latency of the API, freshness of the best sellers and of the table replication, failures of the functions,
 * and one composite alarm, "customers affected", over those a shopper would notice.
 */
public final class RegionAlarms extends ComponentResource {

    /** One-minute data points; three bad minutes out of five fire an alarm (a blip does not page anyone). */
    private static final int PERIOD_SECONDS = 60;
    private static final int EVALUATION_PERIODS = 5;
    private static final int DATAPOINTS_TO_ALARM = 3;

    public final Output<String> topicArn;
    /** The composite alarm's name, for the runbooks and the dashboard. */
    public final Output<String> customersAffectedAlarm;
    /** Every alarm of the region, the composite first: the region's dashboard shows their states. */
    public final Output<List<String>> alarmArns;

    public RegionAlarms(String name, RegionAlarmsArgs args, ComponentResourceOptions options) {
        super("bookstore:observability:RegionAlarms", name, options);
        var key = new EncryptionKey(name + "-topic", new EncryptionKeyArgs(name + "-topic", "service alarm notifications",
                args.region(), args.accountId(), List.of(EncryptionKey.ServiceUse.ALARMS)),
                ComponentResourceOptions.builder().parent(this).build());
        var topic = new Topic(name, TopicArgs.builder()
                .displayName("Bookstore " + args.role() + " (" + args.region() + ") service alarms")
                .kmsMasterKeyId(key.arn)
                .build(), child());
        this.topicArn = topic.arn();
        args.alertEmail().ifPresent(email -> new TopicSubscription(name + "-email", TopicSubscriptionArgs.builder()
                .topic(topic.arn()).protocol("email").endpoint(email).build(), child()));

        SloThresholds slo = args.thresholds();
        Output<Map<String, String>> api = args.apiId().applyValue(id -> Map.of("ApiId", id, "Stage", "$default"));
        String where = " in " + args.region() + " (" + args.role() + ")";

        List<MetricAlarm> customerFacing = new ArrayList<>();
        // HTTP API metrics (apigateway/latest/developerguide/http-api-metrics.html): 5xx, Count, Latency by ApiId and Stage.
        customerFacing.add(new MetricAlarm(name + "-api-errors", withActions(MetricAlarmArgs.builder()
                .alarmDescription("More than " + slo.apiErrorPercent() + "% of API requests answer 5xx" + where)
                .metricQueries(
                        query("errors", "AWS/ApiGateway", "5xx", "Sum", api),
                        query("requests", "AWS/ApiGateway", "Count", "Sum", api),
                        MetricAlarmMetricQueryArgs.builder().id("errorPercent").label("5xx %")
                                .expression("IF(requests > 0, 100 * errors / requests, 0)").returnData(true).build())
                .threshold((double) slo.apiErrorPercent())), child()));
        customerFacing.add(new MetricAlarm(name + "-api-latency", withActions(MetricAlarmArgs.builder()
                .alarmDescription("The API's p99 latency is above " + slo.apiLatencyP99Ms() + " ms" + where)
                .namespace("AWS/ApiGateway").metricName("Latency").dimensions(api).extendedStatistic("p99")
                .period(PERIOD_SECONDS)
                .threshold((double) slo.apiLatencyP99Ms())), child()));
        // Per route group: the slowest route's p99 (detailed route metrics, dimensions ApiId, Method, Resource,
        // Stage: apigateway/latest/developerguide/http-api-metrics.html), so one slow route is not averaged away.
        RouteGroups.of(ApiContract.routes()).forEach((group, routes) -> {
            List<MetricAlarmMetricQueryArgs> queries = new ArrayList<>();
            for (int i = 0; i < routes.size(); i++) {
                ApiRoute route = routes.get(i);
                queries.add(query("route" + i, "AWS/ApiGateway", "Latency", "p99", args.apiId().applyValue(id -> Map.of(
                        "ApiId", id, "Stage", "$default", "Method", route.method(), "Resource", route.path()))));
            }
            String slowest = "MAX([" + String.join(", ", java.util.stream.IntStream.range(0, routes.size())
                    .mapToObj(i -> "route" + i).toList()) + "])";
            queries.add(MetricAlarmMetricQueryArgs.builder().id("slowest").label("slowest route's p99")
                    .expression(slowest).returnData(true).build());
            customerFacing.add(new MetricAlarm(name + "-api-latency-" + group, withActions(MetricAlarmArgs.builder()
                    .alarmDescription("A " + group + " route's p99 latency is above " + slo.apiLatencyP99Ms() + " ms"
                            + where)
                    .metricQueries(queries)
                    .threshold((double) slo.apiLatencyP99Ms())), child()));
        });
        customerFacing.add(functionAlarm(name + "-api-throttles", "The API function is throttled" + where,
                "Throttles", args.apiFunctionName(), 0));
        customerFacing.add(functionAlarm(name + "-api-function-errors", "The API function fails more than "
                + slo.functionErrorsPerMinute() + " invocations a minute" + where, "Errors", args.apiFunctionName(),
                slo.functionErrorsPerMinute()));

        List<MetricAlarm> others = new ArrayList<>();
        // Freshness: the best sellers behind the orders, and the other region behind this one.
        others.add(new MetricAlarm(name + "-stream-age", withActions(MetricAlarmArgs.builder()
                .alarmDescription("The best-seller consumer lags the orders stream by more than "
                        + slo.streamAgeSeconds() + " s" + where)
                .namespace("AWS/Lambda").metricName("IteratorAge").statistic("Maximum")
                .dimensions(Map.of("FunctionName", args.consumerFunctionName())).period(PERIOD_SECONDS)
                .threshold(slo.streamAgeSeconds() * 1000.0)), child()));
        others.add(functionAlarm(name + "-consumer-errors", "The best-seller consumer fails more than "
                + slo.functionErrorsPerMinute() + " batches a minute" + where, "Errors", args.consumerFunctionName(),
                slo.functionErrorsPerMinute()));
        // Published by the source region per receiving region (DynamoDB metrics: ReplicationLatency).
        others.add(new MetricAlarm(name + "-replication-latency", withActions(MetricAlarmArgs.builder()
                .alarmDescription("Orders reach " + args.peerRegion() + " more than " + slo.replicationLatencySeconds()
                        + " s after they are written" + where)
                .namespace("AWS/DynamoDB").metricName("ReplicationLatency").statistic("Average")
                .dimensions(Map.of("TableName", args.ordersTableName(), "ReceivingRegion", args.peerRegion()))
                .period(PERIOD_SECONDS)
                .threshold(slo.replicationLatencySeconds() * 1000.0)), child()));
        others.add(new MetricAlarm(name + "-stream-failures", MetricAlarmArgs.builder()
                .alarmDescription("Order stream batches were given up and recorded in the failure queue" + where
                        + ": the best sellers miss them until a rebuild (docs/runbooks)")
                .namespace("AWS/SQS").metricName("ApproximateNumberOfMessagesVisible").statistic("Maximum")
                .dimensions(args.failureQueueName().applyValue(queue -> Map.of("QueueName", queue)))
                .period(300).evaluationPeriods(1).threshold(0.0).comparisonOperator("GreaterThanThreshold")
                .treatMissingData("notBreaching")
                .alarmActions(topicArn.applyValue(List::of)).okActions(topicArn.applyValue(List::of))
                .build(), child()));
        // The code's own metric (BookstoreMetric): shoppers see stale best sellers while Redis fails.
        others.add(new MetricAlarm(name + "-redis-fallbacks", withActions(MetricAlarmArgs.builder()
                .alarmDescription("Best sellers are served from the fallback because Redis fails" + where)
                .namespace(BookstoreMetric.NAMESPACE).metricName(BookstoreMetric.REDIS_FALLBACKS.metricName())
                .dimensions(Map.of("Region", args.region(), "Role", args.role()))
                .statistic("Sum").period(PERIOD_SECONDS)
                .threshold(0.0)), child()));

        List<Output<String>> names = customerFacing.stream().map(MetricAlarm::name).toList();
        var composite = new CompositeAlarm(name + "-customers-affected", CompositeAlarmArgs.builder()
                .alarmName(customersAffectedAlarmName(name, args.region()))
                .alarmDescription("Shoppers" + where + " get errors, slow answers or throttling: see "
                        + "docs/observability.md#when-an-alarm-fires")
                .alarmRule(Output.all(names).applyValue(all -> String.join(" OR ",
                        all.stream().map(alarm -> "ALARM(\"" + alarm + "\")").toList())))
                .alarmActions(topicArn.applyValue(List::of))
                .okActions(topicArn.applyValue(List::of))
                .build(), child());
        this.customersAffectedAlarm = composite.alarmName();
        List<Output<String>> arns = new ArrayList<>(List.of(composite.arn()));
        customerFacing.forEach(alarm -> arns.add(alarm.arn()));
        others.forEach(alarm -> arns.add(alarm.arn()));
        this.alarmArns = Output.all(arns);
        registerOutputs(Map.of("topicArn", topicArn, "customersAffectedAlarm", customersAffectedAlarm));
    }

    /** The composite alarm's name: fixed, so the primary's dashboard can name the secondary's before it exists. */
    public static String customersAffectedAlarmName(String componentName, String region) {
        return componentName + "-customers-affected-" + region;
    }

    private MetricAlarm functionAlarm(String name, String description, String metric, String functionName, int threshold) {
        return new MetricAlarm(name, withActions(MetricAlarmArgs.builder()
                .alarmDescription(description)
                .namespace("AWS/Lambda").metricName(metric).statistic("Sum")
                .dimensions(Map.of("FunctionName", functionName)).period(PERIOD_SECONDS)
                .threshold((double) threshold)), child());
    }

    /** The shared shape: 3 of 5 minutes above the threshold; no data (no traffic) is not an outage. */
    private MetricAlarmArgs withActions(MetricAlarmArgs.Builder builder) {
        return builder
                .evaluationPeriods(EVALUATION_PERIODS)
                .datapointsToAlarm(DATAPOINTS_TO_ALARM)
                .comparisonOperator("GreaterThanThreshold")
                .treatMissingData("notBreaching")
                .alarmActions(topicArn.applyValue(List::of))
                .okActions(topicArn.applyValue(List::of))
                .build();
    }

    private static MetricAlarmMetricQueryArgs query(String id, String namespace, String metric, String stat,
                                                    Output<Map<String, String>> dimensions) {
        return MetricAlarmMetricQueryArgs.builder().id(id).returnData(false)
                .metric(MetricAlarmMetricQueryMetricArgs.builder().namespace(namespace).metricName(metric)
                        .dimensions(dimensions).period(PERIOD_SECONDS).stat(stat).build())
                .build();
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
