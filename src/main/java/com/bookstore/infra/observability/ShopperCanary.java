package com.bookstore.infra.observability;

import com.bookstore.infra.region.RegionContext;
import com.bookstore.infra.security.PolicyJson;
import com.bookstore.infra.storage.PrivateBucket;
import com.bookstore.infra.storage.PrivateBucketArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.synthetics.Canary;
import com.pulumi.aws.synthetics.CanaryArgs;
import com.pulumi.aws.synthetics.inputs.CanaryArtifactConfigArgs;
import com.pulumi.aws.synthetics.inputs.CanaryArtifactConfigS3EncryptionArgs;
import com.pulumi.aws.synthetics.inputs.CanaryRunConfigArgs;
import com.pulumi.aws.synthetics.inputs.CanaryScheduleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * One region's synthetic shopper (docs/observability.md#canaries): a CloudWatch Synthetics canary on the Playwright
 * runtime that walks the read-only journey of the local end-to-end suite every five minutes against this region's
 * own API, an alarm on its success rate to the region's service-alarm topic, its private artifact bucket and a role
 * with what the runtime needs and nothing more.
 */
public final class ShopperCanary extends ComponentResource {

    /**
     * Node.js 22 with Playwright 1.58 and the {@code @aws/synthetics-playwright} namespace (CloudWatch user guide,
     * "Runtime versions using Node.js and Playwright"; the namespace since syn-nodejs-playwright-5.1).
     */
    public static final String RUNTIME = "syn-nodejs-playwright-6.0";
    public static final String SCHEDULE = "rate(5 minutes)";
    /** Where Synthetics puts its metrics; the runtime's PutMetricData is limited to it. */
    public static final String NAMESPACE = "CloudWatchSynthetics";
    static final String ARTIFACT_PREFIX = "runs/";
    /** A run is five page loads and four API reads; two minutes leaves room for a slow cold start. */
    static final int TIMEOUT_SECONDS = 120;
    /** Two failed runs out of three (one run per five-minute period) fire: one flaky run does not page anyone. */
    static final int PERIOD_SECONDS = 300;
    static final int EVALUATION_PERIODS = 3;
    static final int DATAPOINTS_TO_ALARM = 2;

    public final Output<String> canaryName;
    public final Output<String> alarmName;

    public ShopperCanary(String name, ShopperCanaryArgs args, ComponentResourceOptions options) {
        super("bookstore:observability:ShopperCanary", name, options);
        RegionContext region = args.region();
        // Screenshots and HAR files of a public, read-only journey: SSE-S3, kept as long as Synthetics keeps failed runs.
        var bucket = new PrivateBucket(name + "-runs", PrivateBucketArgs
                .of(args.bucketName(), PrivateBucket.Encryption.s3Managed())
                .expiring(new PrivateBucket.Expiry("expire-old-canary-runs", 31, 1))
                .emptiedOnDestroy(args.emptiedOnDestroy()),
                ComponentResourceOptions.builder().parent(this).build());

        var role = new Role(name, RoleArgs.builder()
                .description("Runs the synthetic shopper canary " + args.canaryName())
                .assumeRolePolicy(PolicyJson.trustPolicy("lambda.amazonaws.com"))
                .permissionsBoundary(region.permissionsBoundaryArn())
                .build(), child());
        var grants = new RolePolicy(name, RolePolicyArgs.builder()
                .role(role.id())
                .policy(PolicyJson.document(runtimeGrants(region, args.canaryName(), bucket.bucketName)))
                .build(), child());

        var canary = new Canary(name, CanaryArgs.builder()
                .name(args.canaryName())
                .runtimeVersion(RUNTIME)
                .handler(CanaryBundle.HANDLER)
                .zipFile(args.bundle().toString())
                .executionRoleArn(role.arn())
                .artifactS3Location(bucket.bucketName.applyValue(b -> "s3://" + b + "/" + ARTIFACT_PREFIX))
                .artifactConfig(CanaryArtifactConfigArgs.builder()
                        .s3Encryption(CanaryArtifactConfigS3EncryptionArgs.builder().encryptionMode("SSE_S3").build())
                        .build())
                .schedule(CanaryScheduleArgs.builder().expression(SCHEDULE).build())
                .runConfig(CanaryRunConfigArgs.builder()
                        .timeoutInSeconds(TIMEOUT_SECONDS)
                        .environmentVariables(Output.tuple(args.storefrontUrl(), args.regionalApiUrl())
                                .applyValue(urls -> Map.of("STOREFRONT_URL", urls.t1, "API_URL", urls.t2,
                                        "EXPECTED_REGION", region.region())))
                        .build())
                .successRetentionPeriod(7)
                .failureRetentionPeriod(31)
                .startCanary(true)
                // Synthetics made the canary's function and layers; without this a destroy leaves them behind.
                .deleteLambda(true)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(grants).build());
        this.canaryName = canary.name();

        // SuccessPercent by CanaryName, in the CloudWatchSynthetics namespace (user guide, "CloudWatch metrics published
        // by canaries").
        var alarm = new MetricAlarm(name, MetricAlarmArgs.builder()
                .alarmDescription("The synthetic shopper fails in " + region.region() + ": the storefront or this "
                        + "region's API does not answer a read-only journey (docs/observability.md#canaries)")
                .namespace(NAMESPACE).metricName("SuccessPercent").statistic("Average")
                .dimensions(canary.name().applyValue(canaryName -> Map.of("CanaryName", canaryName)))
                .period(PERIOD_SECONDS).evaluationPeriods(EVALUATION_PERIODS).datapointsToAlarm(DATAPOINTS_TO_ALARM)
                .threshold(100.0).comparisonOperator("LessThanThreshold")
                // The canary runs whatever the traffic: no data means it stopped, which is no better than failing.
                .treatMissingData("breaching")
                .alarmActions(args.topicArn().applyValue(List::of))
                .okActions(args.topicArn().applyValue(List::of))
                .build(), child());
        this.alarmName = alarm.name();
        registerOutputs(Map.of("canaryName", canaryName, "alarmName", alarmName));
    }

    /**
     * The canary role of the CloudWatch user guide ("Required roles and permissions for canaries", basic canary
     * without KMS or VPC): its artifacts under the prefix, the bucket's location, the log group of the function
     * Synthetics creates ({@code /aws/lambda/cwsyn-<canary name>-<id>}), bucket listing and metrics in Synthetics'
     * namespace only. No X-Ray: active tracing is off.
     */
    static List<Map<String, Object>> runtimeGrants(RegionContext region, String canaryName, Output<String> bucketName) {
        Output<String> logs = region.accountId().applyValue(account -> "arn:aws:logs:" + region.region() + ":" + account
                + ":log-group:/aws/lambda/cwsyn-" + canaryName + "-*");
        return List.of(
                PolicyJson.allow("StoreRunArtifacts", List.of("s3:PutObject", "s3:GetObject"),
                        List.of(bucketName.applyValue(b -> "arn:aws:s3:::" + b + "/" + ARTIFACT_PREFIX + "*"))),
                PolicyJson.allow("LocateArtifactBucket", List.of("s3:GetBucketLocation"),
                        List.of(bucketName.applyValue(b -> "arn:aws:s3:::" + b))),
                PolicyJson.allow("WriteCanaryLogs", List.of("logs:CreateLogGroup", "logs:CreateLogStream",
                        "logs:PutLogEvents"), List.of(logs)),
                PolicyJson.allow("ListBucketsAsTheRuntimeDoes", List.of("s3:ListAllMyBuckets"), List.of("*")),
                PolicyJson.statement("PublishSyntheticsMetrics", "Allow", List.of("cloudwatch:PutMetricData"),
                        List.of("*"), Map.of("Condition", Map.of("StringEquals",
                                Map.of("cloudwatch:namespace", NAMESPACE)))));
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
