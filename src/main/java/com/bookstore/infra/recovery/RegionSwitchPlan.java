package com.bookstore.infra.recovery;

import com.bookstore.infra.security.PolicyJson;
import com.google.gson.JsonParser;
import com.pulumi.aws.cloudcontrol.Resource;
import com.pulumi.aws.cloudcontrol.ResourceArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shop's ARC Region switch plan (docs/failover.md "The Region switch plan"): an active/passive plan over the
 * two regions whose workflows {@link RegionSwitchWorkflows} builds, the execution role with exactly the grants
 * those blocks need, and, when a person approves, the approver role.
 *
 * <p>{@code com.pulumi:aws} 6.83.0 has no typed resource for {@code AWS::ARCRegionSwitch::Plan}, so the plan goes
 * through Cloud Control ({@code aws.cloudcontrol.Resource}) with a desired state rendered from {@link PlanDocument}.
 * Region switch keeps its control plane in us-east-1, so the caller passes the us-east-1 provider in the options.
 */
public final class RegionSwitchPlan extends ComponentResource {

    static final String TYPE_NAME = "AWS::ARCRegionSwitch::Plan";

    public final Output<String> planArn;
    public final Output<String> executionRoleArn;
    public final Optional<Output<String>> approverRoleArn;
    private final Output<String> properties;

    public RegionSwitchPlan(String name, RegionSwitchPlanArgs args, ComponentResourceOptions options) {
        super("bookstore:recovery:RegionSwitchPlan", name, options);
        Output<String> account = args.accountId();
        Map<String, Output<String>> clusters = new LinkedHashMap<>();
        Map<String, Output<String>> actions = new LinkedHashMap<>();
        Map<String, Output<String>> verifiers = new LinkedHashMap<>();
        for (String region : args.regions()) {
            clusters.put(region, account.applyValue(id -> "arn:aws:rds:" + region + ":" + id + ":cluster:"
                    + args.blogClusterIdentifier()));
            actions.put(region, functionArn(region, account, args.actionFunctionName()));
            verifiers.put(region, functionArn(region, account, args.verifyFunctionName()));
        }
        Optional<Output<String>> globalClusterArn = args.globalClusterId().map(id -> Output.tuple(account, id)
                .applyValue(t -> "arn:aws:rds::" + t.t1 + ":global-cluster:" + t.t2));
        List<Map<String, Object>> statements = new java.util.ArrayList<>();
        globalClusterArn.ifPresent(global -> {
            // AWS's sample policy for the Aurora block; RDS has no resource-level Describe.
            statements.add(PolicyJson.allow("ReadBlogDatabase", List.of("rds:DescribeGlobalClusters",
                    "rds:DescribeDBClusters"), List.of("*")));
            statements.add(PolicyJson.allow("PromoteBlogDatabase", List.of("rds:FailoverGlobalCluster",
                    "rds:SwitchoverGlobalCluster"), concat(List.of(global), clusters.values())));
        });
        statements.add(PolicyJson.allow("RunCustomActions", List.of("lambda:GetFunction", "lambda:InvokeFunction"),
                concat(actions.values(), verifiers.values())));
        statements.add(PolicyJson.allow("FindFailoverRecords", List.of("route53:ListResourceRecordSets"),
                List.of("arn:aws:route53:::hostedzone/" + args.hostedZoneId())));

        var role = new Role(name + "-execution", RoleArgs.builder()
                .name(name + "-execution")
                .description("Runs the " + args.planName() + " Region switch plan's execution blocks")
                .assumeRolePolicy(PolicyJson.trustPolicy("arc-region-switch.amazonaws.com"))
                .permissionsBoundary(args.permissionsBoundaryArn())
                .build(), child());
        var grants = new RolePolicy(name + "-execution", RolePolicyArgs.builder()
                .role(role.id())
                .policy(PolicyJson.document(statements))
                .build(), child());

        Optional<Role> approver = args.manualApproval() ? Optional.of(new Role(name + "-approver", RoleArgs.builder()
                .name(name + "-approver")
                .description("Assumed by the people who approve executions of the " + args.planName() + " plan")
                .assumeRolePolicy(accountTrust(account))
                .permissionsBoundary(args.permissionsBoundaryArn())
                .build(), child())) : Optional.empty();

        Output<Optional<String>> globalClusterId = args.globalClusterId().map(id -> id.applyValue(Optional::of))
                .orElse(Output.of(Optional.empty()));
        Output<PlanDocument> document = Output.tuple(role.arn(), globalClusterId, Output.all(clusters.values()),
                        Output.all(actions.values()), Output.all(verifiers.values()),
                        approver.map(Role::arn).map(arn -> arn.applyValue(Optional::of)).orElse(Output.of(Optional.empty())))
                .applyValue(t -> new PlanDocument(args.planName(),
                        "Moves the bookstore between " + args.primaryRegion() + " and " + args.secondaryRegion()
                                + " (docs/failover.md)",
                        t.t1, args.regions(), args.primaryRegion(), args.recoveryTimeObjectiveMinutes(),
                        RegionSwitchWorkflows.of(new RegionSwitchWorkflows.Facts(args.primaryRegion(),
                                args.secondaryRegion(), byRegion(args.regions(), t.t4), byRegion(args.regions(), t.t5),
                                t.t2.map(id -> new RegionSwitchWorkflows.BlogDatabase(id, byRegion(args.regions(), t.t3))),
                                args.hostedZoneId(), recordSets(args), t.t6)),
                        args.tags()));
        var plan = new Resource(name, ResourceArgs.builder()
                .typeName(TYPE_NAME)
                .desiredState(document.applyValue(PlanDocument::toCloudFormationJson))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(grants).build());

        this.planArn = plan.properties().applyValue(json -> JsonParser.parseString(json).getAsJsonObject()
                .get("Arn").getAsString());
        approver.ifPresent(r -> new RolePolicy(name + "-approver", RolePolicyArgs.builder()
                .role(r.id())
                .policy(PolicyJson.document(List.of(PolicyJson.allow("ApproveAndFollowExecutions",
                        List.of("arc-region-switch:ApprovePlanExecutionStep", "arc-region-switch:GetPlanExecution",
                                "arc-region-switch:ListPlanExecutionEvents"), List.of(planArn)))))
                .build(), child()));
        this.executionRoleArn = role.arn();
        this.approverRoleArn = approver.map(Role::arn);
        this.properties = plan.properties();
        registerOutputs(Map.of("planArn", planArn, "executionRoleArn", executionRoleArn));
    }

    /**
     * The health check the plan vends for {@code recordName} in {@code region}, to attach to that region's record.
     * Cloud Control returns them in {@code PlanHealthChecks} as {@code <zone>:<record>:<region>:<id>} (the
     * CloudFormation reference gives the attribute without a format; this is the format Region switch returns).
     */
    public Output<String> healthCheckId(String recordName, String region) {
        return properties.applyValue(json -> {
            var checks = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("PlanHealthChecks");
            for (var entry : checks == null ? new com.google.gson.JsonArray() : checks) {
                String[] parts = entry.getAsString().split(":");
                if (parts.length == 4 && parts[1].equals(recordName) && parts[2].equals(region)) {
                    return parts[3];
                }
            }
            throw new IllegalStateException("the Region switch plan vends no health check for " + recordName + " in "
                    + region + " (PlanHealthChecks: " + checks + ")");
        });
    }

    private static Output<String> functionArn(String region, Output<String> account, String functionName) {
        return account.applyValue(id -> "arn:aws:lambda:" + region + ":" + id + ":function:" + functionName);
    }

    private static Map<String, Map<String, String>> recordSets(RegionSwitchPlanArgs args) {
        Map<String, Map<String, String>> sets = new LinkedHashMap<>();
        for (String recordName : args.failoverNames()) {
            Map<String, String> perRegion = new LinkedHashMap<>();
            args.regions().forEach(region -> perRegion.put(region, args.recordSetIdentifiers().get(region)));
            sets.put(recordName, perRegion);
        }
        return sets;
    }

    private static Map<String, String> byRegion(List<String> regions, List<String> values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < regions.size(); i++) {
            map.put(regions.get(i), values.get(i));
        }
        return map;
    }

    private static List<Output<String>> concat(java.util.Collection<Output<String>> a, java.util.Collection<Output<String>> b) {
        List<Output<String>> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** People of this account who may assume the role (their own IAM policies decide who). */
    private static Output<String> accountTrust(Output<String> account) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("AWS", account.applyValue(id -> "arn:aws:iam::" + id + ":root")));
        statement.put("Action", "sts:AssumeRole");
        return PolicyJson.document(List.of(statement));
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
