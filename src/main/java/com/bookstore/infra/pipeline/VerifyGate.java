package com.bookstore.infra.pipeline;

import com.bookstore.infra.data.TableDesign;
import com.bookstore.infra.region.RegionContext;
import com.bookstore.infra.security.PolicyJson;
import com.google.gson.GsonBuilder;
import com.pulumi.asset.FileArchive;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.inputs.FunctionLoggingConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verify gate of pipeline/README.md: the Java Lambda a CodePipeline invoke action runs after each deploy. It
 * calls the region's public API and CloudWatch, so it runs outside the VPC; it polls for up to its timeout minus
 * a reserve and then hands CodePipeline a continuation token, so 120 s per invocation is enough for any wait.
 */
public final class VerifyGate extends ComponentResource {

    public static final String HANDLER = "com.bookstore.pipeline.gate.VerifyGateHandler::handleRequest";
    static final int MEMORY_MB = 512;
    static final int TIMEOUT_SECONDS = 120;
    /** The gate's own budget across continuations; under the invoke action's one-hour limit. */
    static final int MAX_WAIT_SECONDS = 1200;
    /**
     * Reporting a job's result and reading metrics: AWS offers no resource-level permission for these actions, so
     * they are granted on "*" (an entry of the least-privilege rule's allow-list).
     */
    static final List<String> UNSCOPABLE_ACTIONS = List.of(
            "codepipeline:PutJobSuccessResult", "codepipeline:PutJobFailureResult", "cloudwatch:GetMetricData");

    public final Output<String> functionName;
    public final Output<String> functionArn;

    public VerifyGate(String name, VerifyGateArgs args, ComponentResourceOptions options) {
        super("bookstore:pipeline:VerifyGate", name, options);
        RegionContext region = args.region();
        String gateJar = args.codeJar();
        Output<String> logKeyArn = args.logKeyArn();
        String physicalName = name;
        var logs = new LogGroup(name, LogGroupArgs.builder()
                .name("/aws/lambda/" + physicalName)
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(logKeyArn)
                .build(), child());
        var role = new Role(name, RoleArgs.builder()
                .description("Runs the pipeline's verify gate " + physicalName)
                .assumeRolePolicy(PolicyJson.trustPolicy("lambda.amazonaws.com"))
                .permissionsBoundary(region.permissionsBoundaryArn())
                .build(), child());
        var grants = new RolePolicy(name, RolePolicyArgs.builder()
                .role(role.id())
                .policy(PolicyJson.document(List.of(
                        PolicyJson.allow("ReportJobResultsAndReadReplicationMetrics", UNSCOPABLE_ACTIONS, List.of("*")),
                        PolicyJson.allow("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                                List.of(logs.arn().applyValue(arn -> arn + ":*"))))))
                .build(), child());
        var function = new Function(name, FunctionArgs.builder()
                .name(physicalName)
                .description("CodePipeline verify gate: health, smoke routes and replication latency of a region")
                .runtime("java21")
                .handler(HANDLER)
                .code(new FileArchive(gateJar))
                .role(role.arn())
                .memorySize(MEMORY_MB)
                .timeout(TIMEOUT_SECONDS)
                .loggingConfig(FunctionLoggingConfigArgs.builder().logFormat("JSON").logGroup(logs.name()).build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(logs, grants).build());

        this.functionName = function.name();
        this.functionArn = function.arn();
        registerOutputs(Map.of("functionName", functionName, "functionArn", functionArn));
    }

    /**
     * The invoke action's user parameters (pipeline/README.md, "User parameters"). The URL comes from the deploy
     * action's exported variables, so the gate checks what was just deployed; the expected region comes from this
     * stack's config, not from the deploy, so a stack deployed into the wrong region, or a URL that reaches the
     * other one, fails the gate. The replication check covers every table on the given routes.
     */
    public static String userParameters(String stack, String deployNamespace, String expectedRegion,
                                        List<String> tables, List<Route> routes) {
        Map<String, Object> replication = new LinkedHashMap<>();
        replication.put("tables", tables);
        replication.put("routes", routes.stream().map(Route::asJson).toList());
        replication.put("maxLatencyMillis", 5000);
        replication.put("lookbackMinutes", 10);
        replication.put("requireDatapoints", false);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("stack", stack);
        parameters.put("apiBaseUrl", "#{" + deployNamespace + ".API_BASE_URL}");
        parameters.put("expectedRegion", expectedRegion);
        parameters.put("maxWaitSeconds", MAX_WAIT_SECONDS);
        parameters.put("replication", replication);
        // Ordered maps only: the same program renders the same JSON, so plans diff cleanly.
        return new GsonBuilder().disableHtmlEscaping().create().toJson(parameters);
    }

    /** The stack's global tables, named as both stacks name them. */
    public static List<String> tables(RegionContext region) {
        return Arrays.stream(TableDesign.values()).map(t -> region.names().table(t.logicalName)).toList();
    }

    /** One replication direction the gate checks. */
    public record Route(String sourceRegion, String receivingRegion) {

        Map<String, String> asJson() {
            Map<String, String> json = new LinkedHashMap<>();
            json.put("sourceRegion", sourceRegion);
            json.put("receivingRegion", receivingRegion);
            return json;
        }
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
