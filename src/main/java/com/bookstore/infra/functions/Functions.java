package com.bookstore.infra.functions;

import com.bookstore.infra.data.TableRef;
import com.bookstore.infra.region.RegionContext;
import com.bookstore.infra.security.PolicyJson;
import com.pulumi.asset.FileArchive;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.lambda.Alias;
import com.pulumi.aws.lambda.AliasArgs;
import com.pulumi.aws.lambda.EventSourceMapping;
import com.pulumi.aws.lambda.EventSourceMappingArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.inputs.EventSourceMappingDestinationConfigArgs;
import com.pulumi.aws.lambda.inputs.EventSourceMappingDestinationConfigOnFailureArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.lambda.inputs.FunctionLoggingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionSnapStartArgs;
import com.pulumi.aws.lambda.inputs.FunctionTracingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionVpcConfigArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The region's Java Lambdas from the {@code lambdas/} build: the HTTP API handler and the Orders-stream
 * consumer that feeds the leaderboard. Each runs on java21 with SnapStart on published versions behind the
 * {@value #ALIAS} alias (callers always invoke the alias, so they get a snapshotted version), inside the VPC,
 * with its own role granting exactly the tables, stream, queue and log group it uses, and a log group with
 * retention and encryption created before the function can write to it.
 */
public final class Functions extends ComponentResource {

    public static final String ALIAS = "live";
    public static final String API_HANDLER = "com.bookstore.api.ApiHandler::handleRequest";
    /** The logical names of the two functions ({@code ResourceNames.function}): the same in both regions. */
    public static final String API_FUNCTION = "api";
    public static final String CONSUMER_FUNCTION = "bestsellers";
    public static final String STREAM_HANDLER = "com.bookstore.bestsellers.BestSellerStreamHandler::handleRequest";

    private static final List<String> ENI_ACTIONS = List.of(
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
            "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses");
    /** X-Ray's write actions, which support only "*" (the IAM policy allow-list names them). */
    private static final List<String> TRACE_ACTIONS = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    /** Invoke ARN of the API function's alias, for the HTTP API integration. */
    public final Output<String> apiInvokeArn;
    /** The API function's alias, which API Gateway is allowed to invoke. */
    public final Output<String> apiAliasArn;
    public final Output<String> apiFunctionName;
    /** Where stream batches that still fail after the bounded retries are recorded. */
    public final Output<String> streamFailureQueueArn;
    /** The same queue's name: the {@code QueueName} dimension of its metrics. */
    public final Output<String> streamFailureQueueName;

    public Functions(String name, FunctionsArgs args, ComponentResourceOptions options) {
        super("bookstore:functions:Functions", name, options);
        RegionContext region = args.region();
        FunctionsArgs.Tables tables = args.tables();

        Map<String, Output<String>> environment = new LinkedHashMap<>();
        environment.put("BOOKS_TABLE", Output.of(tables.books().name()));
        environment.put("CART_TABLE", Output.of(tables.cart().name()));
        environment.put("ORDERS_TABLE", Output.of(tables.orders().name()));
        environment.put("REDIS_URL", args.redisUrl());
        environment.put("BOOKSTORE_ROLE", Output.of(args.stackRole()));
        environment.put("CHECKOUT_LIMIT", Output.of(Integer.toString(args.checkoutLimits().limit())));
        environment.put("CHECKOUT_WINDOW_SECONDS", Output.of(Integer.toString(args.checkoutLimits().windowSeconds())));
        // C1 only: AWS's documented tuning for short Java handlers, where compile time outweighs peak speed.
        environment.put("JAVA_TOOL_OPTIONS", Output.of("-XX:+TieredCompilation -XX:TieredStopAtLevel=1"));

        // The fault switch of failover drills. It starts "off"; the drill flips it, so later runs keep its value.
        var faultSwitch = new Parameter(name + "-fault-switch", ParameterArgs.builder()
                .name(region.names().faultParameter())
                .type("String")
                .value("off")
                .description("Bookstore failover drills: 'on' makes this region's /health answer 503")
                .build(), CustomResourceOptions.builder().parent(this).ignoreChanges(List.of("value")).build());
        environment.put("FAULT_PARAMETER", faultSwitch.name());

        List<Map<String, Object>> apiGrants = List.of(
                PolicyJson.allow("ReadFaultSwitch", List.of("ssm:GetParameter"), List.of(faultSwitch.arn())),
                PolicyJson.allow("ReadCatalogue",
                        List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan"),
                        List.of(tables.books().arn(), indexes(tables.books()))),
                PolicyJson.allow("ManageOwnCart",
                        List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem",
                                "dynamodb:DeleteItem"),
                        List.of(tables.cart().arn())),
                // Checkout is one TransactWriteItems: a conditional Put on Orders, Deletes on Cart and Updates of the
                // cart's #lines and #checkouts items (ManageOwnCart's UpdateItem).
                PolicyJson.allow("PlaceAndReadOrders",
                        List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:ConditionCheckItem"),
                        List.of(tables.orders().arn())));
        var api = new LambdaFunction(name + "-api", region.names().function(API_FUNCTION), API_HANDLER,
                args.apiTimeoutSeconds(), apiGrants, environment, args);

        var failures = new Queue(name + "-stream-failures", QueueArgs.builder()
                .messageRetentionSeconds(14 * 24 * 3600)
                .sqsManagedSseEnabled(true)
                .build(), child());
        List<Map<String, Object>> consumerGrants = List.of(
                PolicyJson.allow("ReadOrdersStream",
                        List.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator",
                                "dynamodb:ListStreams"),
                        List.of(tables.orders().streamArn())),
                PolicyJson.allow("RecordFailedBatches", List.of("sqs:SendMessage"), List.of(failures.arn())));
        var consumer = new LambdaFunction(name + "-bestsellers", region.names().function(CONSUMER_FUNCTION),
                STREAM_HANDLER, args.consumerTimeoutSeconds(), consumerGrants, environment, args);

        new EventSourceMapping(name + "-orders-stream", EventSourceMappingArgs.builder()
                .functionName(consumer.alias.arn())
                .eventSourceArn(tables.orders().streamArn())
                // The consumer is idempotent, so starting from the oldest record loses nothing and double-counts nothing.
                .startingPosition("TRIM_HORIZON")
                .batchSize(args.streamPolling().batchSize())
                .maximumBatchingWindowInSeconds(1)
                .bisectBatchOnFunctionError(true)
                .maximumRetryAttempts(args.streamPolling().maxRetries())
                .maximumRecordAgeInSeconds(args.streamPolling().maxRecordAgeSeconds())
                .functionResponseTypes("ReportBatchItemFailures")
                .destinationConfig(EventSourceMappingDestinationConfigArgs.builder()
                        .onFailure(EventSourceMappingDestinationConfigOnFailureArgs.builder()
                                .destinationArn(failures.arn()).build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(consumer.grants).build());

        this.apiInvokeArn = api.alias.invokeArn();
        this.apiAliasArn = api.alias.arn();
        this.apiFunctionName = api.function.name();
        this.streamFailureQueueArn = failures.arn();
        // From the ARN (arn:aws:sqs:<region>:<account>:<name>), which is known wherever the ARN is.
        this.streamFailureQueueName = failures.arn().applyValue(arn -> arn.substring(arn.lastIndexOf(':') + 1));
        registerOutputs(Map.of(
                "apiAliasArn", apiAliasArn,
                "apiFunctionName", apiFunctionName,
                "streamFailureQueueArn", streamFailureQueueArn));
    }

    private static Output<String> indexes(TableRef table) {
        return table.arn().applyValue(arn -> arn + "/index/*");
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    /** One function with its log group, role, grants and alias. */
    private final class LambdaFunction {
        final Function function;
        final Alias alias;
        final RolePolicy grants;

        LambdaFunction(String resourceName, String functionName, String handler, int timeoutSeconds,
                       List<Map<String, Object>> grants, Map<String, Output<String>> environment, FunctionsArgs args) {
            var logs = new LogGroup(resourceName, LogGroupArgs.builder()
                    .name("/aws/lambda/" + functionName)
                    .retentionInDays(args.logRetentionDays())
                    .kmsKeyId(args.logKeyArn())
                    .build(), child());
            var role = new Role(resourceName, RoleArgs.builder()
                    .description("Runs " + functionName)
                    .assumeRolePolicy(PolicyJson.trustPolicy("lambda.amazonaws.com"))
                    .permissionsBoundary(args.region().permissionsBoundaryArn())
                    .build(), child());
            List<Map<String, Object>> statements = new ArrayList<>(grants);
            statements.add(PolicyJson.allow("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                    List.of(logs.arn().applyValue(arn -> arn + ":*"))));
            // Lambda manages the function's network interfaces in the VPC; EC2 offers no resource-level
            // permission for these actions, hence the one documented "*" (see the IAM policy allow-list).
            statements.add(PolicyJson.allow("ManageVpcNetworkInterfaces", ENI_ACTIONS, List.of("*")));
            // Active tracing: Lambda's segments (initialisation or SnapStart restore, invocation) go to X-Ray.
            statements.add(PolicyJson.allow("WriteTraces", TRACE_ACTIONS, List.of("*")));
            this.grants = new RolePolicy(resourceName, RolePolicyArgs.builder()
                    .role(role.id())
                    .policy(PolicyJson.document(statements))
                    .build(), child());
            this.function = new Function(resourceName, FunctionArgs.builder()
                    .name(functionName)
                    .runtime("java21")
                    .handler(handler)
                    .code(new FileArchive(args.codeJar()))
                    .role(role.arn())
                    .memorySize(args.memoryMb())
                    .timeout(timeoutSeconds)
                    .publish(true)
                    .snapStart(FunctionSnapStartArgs.builder().applyOn("PublishedVersions").build())
                    .tracingConfig(FunctionTracingConfigArgs.builder().mode("Active").build())
                    .environment(FunctionEnvironmentArgs.builder().variables(Output.all(
                            environment.values().stream().toList()).applyValue(values -> {
                                Map<String, String> variables = new LinkedHashMap<>();
                                List<String> keys = List.copyOf(environment.keySet());
                                for (int i = 0; i < keys.size(); i++) {
                                    variables.put(keys.get(i), values.get(i));
                                }
                                return variables;
                            })).build())
                    .vpcConfig(FunctionVpcConfigArgs.builder()
                            .subnetIds(args.subnetIds())
                            .securityGroupIds(args.securityGroupId().applyValue(List::of))
                            .build())
                    .loggingConfig(FunctionLoggingConfigArgs.builder()
                            .logFormat("JSON")
                            .logGroup(logs.name())
                            .build())
                    .build(), CustomResourceOptions.builder().parent(Functions.this)
                    .dependsOn(logs, this.grants).build());
            this.alias = new Alias(resourceName, AliasArgs.builder()
                    .name(ALIAS)
                    .functionName(function.name())
                    .functionVersion(function.version())
                    .build(), child());
        }
    }
}
