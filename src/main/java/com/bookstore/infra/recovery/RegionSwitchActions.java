package com.bookstore.infra.recovery;

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
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.lambda.inputs.FunctionLoggingConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This region's custom actions of the Region switch plan (docs/failover.md "The Region switch plan"): the action
 * function (fault switches and uploads, the operator tools' code) and the verify function (the verify gate's
 * checks against this region's API). Both stacks create them under the same names, so the plan in the primary
 * stack can name the secondary's before that stack exists. Neither runs in the VPC: they call AWS APIs and the
 * region's public API.
 */
public final class RegionSwitchActions extends ComponentResource {

    public static final String ACTION_HANDLER = "com.bookstore.ops.regionswitch.RegionSwitchActionHandler::handleRequest";
    public static final String VERIFY_HANDLER = "com.bookstore.pipeline.gate.RegionSwitchVerifyHandler::handleRequest";
    /** Lambda's ceiling: the uploads step waits for EFS within one invocation and Region switch retries it. */
    static final int ACTION_TIMEOUT_SECONDS = 900;
    /** The gate's checks in rounds, under one Region switch retry interval. */
    static final int VERIFY_TIMEOUT_SECONDS = 120;
    static final int MEMORY_MB = 512;

    public final Output<String> actionFunctionArn;
    public final Output<String> verifyFunctionArn;

    public RegionSwitchActions(String name, RegionSwitchActionsArgs args, ComponentResourceOptions options) {
        super("bookstore:recovery:RegionSwitchActions", name, options);
        Output<String> account = args.accountId();

        var actionLogs = logGroup(args.actionFunctionName(), args);
        List<Output<String>> switches = args.regions().stream().map(region -> account.applyValue(id ->
                "arn:aws:ssm:" + region + ":" + id + ":parameter" + args.faultParameter())).toList();
        List<Map<String, Object>> grants = new java.util.ArrayList<>();
        grants.add(PolicyJson.allow("SetFaultSwitches", List.of("ssm:GetParameter", "ssm:PutParameter"), switches));
        args.uploadsFileSystemId().ifPresent(fileSystem -> {
            Output<String> uploads = Output.tuple(account, fileSystem).applyValue(t ->
                    "arn:aws:elasticfilesystem:" + home(args) + ":" + t.t1 + ":file-system/" + t.t2);
            grants.add(PolicyJson.allow("MakeUploadsWritable", List.of("elasticfilesystem:DescribeFileSystems",
                    "elasticfilesystem:DescribeReplicationConfigurations",
                    "elasticfilesystem:DeleteReplicationConfiguration"), List.of(uploads)));
            // The uploads step acts only in an ungraceful execution: it reads the execution's mode.
            grants.add(PolicyJson.allow("ReadExecutionMode", List.of("arc-region-switch:GetPlanExecution"),
                    List.of(account.applyValue(id -> "arn:aws:arc-region-switch::" + id + ":plan/"
                            + args.planName() + ":*"))));
        });
        grants.add(writeLogs(actionLogs));
        var actionRole = role(args.actionFunctionName(), "Runs the Region switch plan's fault-switch and uploads steps",
                grants, args.permissionsBoundaryArn());
        Map<String, Output<String>> actionEnvironment = new LinkedHashMap<>();
        actionEnvironment.put("FAULT_PARAMETER", Output.of(args.faultParameter()));
        args.uploadsFileSystemId().ifPresent(fileSystem -> actionEnvironment.put("UPLOADS_FILE_SYSTEM_ID", fileSystem));
        var action = function(args.actionFunctionName(), ACTION_HANDLER, args.actionsJar(),
                ACTION_TIMEOUT_SECONDS, "Region switch: fault switches and blog uploads", actionRole, actionLogs,
                actionEnvironment);

        var verifyLogs = logGroup(args.verifyFunctionName(), args);
        // Health and smoke checks only: they call the public API. Replication from the region being left is no
        // measure of the activated one (it may be down), so the gate's CloudWatch check is not configured here.
        var verifyRole = role(args.verifyFunctionName(), "Runs the Region switch plan's verification step",
                List.of(writeLogs(verifyLogs)), args.permissionsBoundaryArn());
        var verify = function(args.verifyFunctionName(), VERIFY_HANDLER, args.verifyJar(),
                VERIFY_TIMEOUT_SECONDS, "Region switch: the verify gate's checks against this region", verifyRole,
                verifyLogs, Map.of("GATE_SETTINGS", args.apiBaseUrl().applyValue(url -> gateSettings(url, home(args)))));

        this.actionFunctionArn = action.arn();
        this.verifyFunctionArn = verify.arn();
        registerOutputs(Map.of("actionFunctionArn", actionFunctionArn, "verifyFunctionArn", verifyFunctionArn));
    }

    /** The verify gate's settings (pipeline/README.md "User parameters") for this region's API. */
    static String gateSettings(String apiBaseUrl, String region) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("stack", "region-switch");
        settings.put("apiBaseUrl", apiBaseUrl);
        settings.put("expectedRegion", region);
        settings.put("maxWaitSeconds", VERIFY_TIMEOUT_SECONDS - 20);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(settings);
    }

    /** The region these functions run in: the one of the two that this stack deploys (the first listed). */
    private static String home(RegionSwitchActionsArgs args) {
        return args.regions().get(0);
    }

    private LogGroup logGroup(String functionName, RegionSwitchActionsArgs args) {
        return new LogGroup(functionName, LogGroupArgs.builder()
                .name("/aws/lambda/" + functionName)
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(args.logKeyArn())
                .build(), child());
    }

    private static Map<String, Object> writeLogs(LogGroup logs) {
        return PolicyJson.allow("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(logs.arn().applyValue(arn -> arn + ":*")));
    }

    private Role role(String name, String description, List<Map<String, Object>> statements,
                      Output<String> permissionsBoundaryArn) {
        var role = new Role(name, RoleArgs.builder()
                .description(description)
                .assumeRolePolicy(PolicyJson.trustPolicy("lambda.amazonaws.com"))
                .permissionsBoundary(permissionsBoundaryArn)
                .build(), child());
        new RolePolicy(name, RolePolicyArgs.builder().role(role.id()).policy(PolicyJson.document(statements)).build(),
                child());
        return role;
    }

    private Function function(String functionName, String handler, String jar, int timeoutSeconds,
                              String description, Role role, LogGroup logs, Map<String, Output<String>> environment) {
        return new Function(functionName, FunctionArgs.builder()
                .name(functionName)
                .description(description)
                .runtime("java21")
                .handler(handler)
                .code(new FileArchive(jar))
                .role(role.arn())
                .memorySize(MEMORY_MB)
                .timeout(timeoutSeconds)
                .environment(FunctionEnvironmentArgs.builder().variables(Output.all(environment.entrySet().stream()
                                .map(e -> e.getValue().applyValue(v -> Map.entry(e.getKey(), v))).toList())
                        .applyValue(entries -> {
                            Map<String, String> variables = new LinkedHashMap<>();
                            entries.forEach(e -> variables.put(e.getKey(), e.getValue()));
                            return variables;
                        })).build())
                .loggingConfig(FunctionLoggingConfigArgs.builder().logFormat("JSON").logGroup(logs.name()).build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(logs).build());
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
