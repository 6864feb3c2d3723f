package com.bookstore.infra.recovery;

import com.bookstore.infra.config.Role;
import com.bookstore.infra.config.StackSettings;
import com.bookstore.infra.region.RegionContext;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.StackReference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stack's part of the Region switch plan (docs/failover.md "The Region switch plan"): this region's custom
 * actions in every stack, and the plan itself in the primary (through the us-east-1 provider, where Region switch
 * has its control plane). The secondary finds the health checks the plan vends for its records in the primary's
 * {@value RegionSwitchNames#HEALTH_CHECKS_OUTPUT} output.
 */
public final class RegionSwitch {

    private final String region;
    private final Optional<RegionSwitchPlan> plan;
    private final Optional<StackReference> primaryStack;

    /** The blog's parts the plan acts on: its Aurora global cluster and this region's uploads file system. */
    public record Blog(Output<String> globalClusterId, Output<String> uploadsFileSystemId) {}

    /**
     * @param blog          the blog, when the stack has one (its steps are left out otherwise)
     * @param failoverNames the names the plan moves (the failover records' names)
     * @param primaryStack  the primary's stack, in the secondary (empty in the primary)
     */
    public RegionSwitch(String project, StackSettings settings, RegionContext region, Output<String> logKeyArn,
                        Output<String> apiBaseUrl, Optional<Blog> blog, List<String> failoverNames,
                        Optional<StackReference> primaryStack) {
        var names = new RegionSwitchNames(project);
        this.region = region.region();
        this.primaryStack = primaryStack;
        new RegionSwitchActions(names.plan() + "-functions", new RegionSwitchActionsArgs(names.actionFunction(),
                names.verifyFunction(), settings.artifacts().opsJar(), settings.artifacts().gateJar(),
                List.of(region.region(), settings.peerRegion()), region.accountId(), region.names().faultParameter(),
                blog.map(Blog::uploadsFileSystemId), names.plan(), apiBaseUrl, logKeyArn,
                settings.sizing().logRetentionDays(), region.permissionsBoundaryArn()),
                ComponentResourceOptions.builder().providers(region.providers().home()).build());
        if (!settings.isPrimary()) {
            this.plan = Optional.empty();
            return;
        }
        Map<String, String> setIdentifiers = new LinkedHashMap<>();
        setIdentifiers.put(region.region(), RegionSwitchNames.recordSetIdentifier(Role.PRIMARY, region.region()));
        setIdentifiers.put(settings.peerRegion(), RegionSwitchNames.recordSetIdentifier(Role.SECONDARY, settings.peerRegion()));
        this.plan = Optional.of(new RegionSwitchPlan(names.plan(), new RegionSwitchPlanArgs(names.plan(), region.region(),
                settings.peerRegion(), region.accountId(), blog.map(Blog::globalClusterId), names.blogCluster(),
                names.actionFunction(),
                names.verifyFunction(), settings.hostedZoneId().orElseThrow(), failoverNames, setIdentifiers,
                settings.regionSwitchApproval(), Math.max(1, settings.resilience().rtoTargetSeconds() / 60),
                Map.of("project", project, "stack", "primary", "role", settings.role().value()), region.permissionsBoundaryArn()),
                ComponentResourceOptions.builder().providers(region.providers().edge()).build()));
    }

    /** The health check the plan vends for this region's record of {@code recordName}. */
    @SuppressWarnings("unchecked")
    public Output<String> healthCheckId(String recordName) {
        return plan.map(p -> p.healthCheckId(recordName, region)).orElseGet(() -> primaryStack.orElseThrow()
                .requireOutput(RegionSwitchNames.HEALTH_CHECKS_OUTPUT)
                .applyValue(all -> {
                    Object forName = ((Map<String, Object>) all).get(recordName);
                    Object id = forName instanceof Map<?, ?> byRegion ? byRegion.get(region) : null;
                    if (!(id instanceof String text)) {
                        throw new IllegalStateException("the primary stack's " + RegionSwitchNames.HEALTH_CHECKS_OUTPUT
                                + " has no health check for " + recordName + " in " + region + ": " + all);
                    }
                    return text;
                }));
    }

    /** The primary exports the plan, its roles and every vended health check (record name, then region). */
    public void export(Context ctx, List<String> failoverNames, String peerRegion) {
        plan.ifPresent(p -> {
            ctx.export("regionSwitchPlanArn", p.planArn);
            ctx.export("regionSwitchExecutionRoleArn", p.executionRoleArn);
            p.approverRoleArn.ifPresent(arn -> ctx.export("regionSwitchApproverRoleArn", arn));
            Map<String, Output<Map<String, String>>> checks = new LinkedHashMap<>();
            for (String name : failoverNames) {
                checks.put(name, Output.tuple(p.healthCheckId(name, region), p.healthCheckId(name, peerRegion))
                        .applyValue(t -> {
                            Map<String, String> byRegion = new LinkedHashMap<>();
                            byRegion.put(region, t.t1);
                            byRegion.put(peerRegion, t.t2);
                            return byRegion;
                        }));
            }
            ctx.export(RegionSwitchNames.HEALTH_CHECKS_OUTPUT, Output.all(checks.entrySet().stream()
                    .map(e -> e.getValue().applyValue(v -> Map.entry(e.getKey(), v))).toList())
                    .applyValue(entries -> {
                        Map<String, Map<String, String>> all = new LinkedHashMap<>();
                        entries.forEach(e -> all.put(e.getKey(), e.getValue()));
                        return all;
                    }));
        });
    }
}
