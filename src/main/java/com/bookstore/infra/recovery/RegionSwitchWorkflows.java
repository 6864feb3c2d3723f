package com.bookstore.infra.recovery;

import com.bookstore.infra.recovery.ExecutionBlock.AuroraGlobalDatabase;
import com.bookstore.infra.recovery.ExecutionBlock.CustomActionLambda;
import com.bookstore.infra.recovery.ExecutionBlock.ManualApproval;
import com.bookstore.infra.recovery.ExecutionBlock.Parallel;
import com.bookstore.infra.recovery.ExecutionBlock.RegionToRun;
import com.bookstore.infra.recovery.ExecutionBlock.Route53HealthCheck;
import com.bookstore.infra.recovery.PlanDocument.Step;
import com.bookstore.infra.recovery.PlanDocument.Workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two workflows of the bookstore's plan, one activating each region, as docs/failover.md "The Region switch
 * plan" describes them: approve, fault switches, blog database, (uploads,) traffic, verify. The step names are the
 * contract with the local rehearsal ({@code bookstore-ops region-switch --local}), which maps each to what the
 * drill does on this machine.
 */
public final class RegionSwitchWorkflows {

    public static final String APPROVE = "approve";
    public static final String FAULT_SWITCH = "fault-switch";
    public static final String BLOG_DATABASE = "blog-database";
    public static final String BLOG_UPLOADS = "blog-uploads";
    public static final String TRAFFIC = "traffic";
    public static final String VERIFY = "verify";

    /** Time limits: a switchover takes 1 to 5 minutes (docs/runbooks/planned-switchover.md), EFS several. */
    static final int APPROVAL_TIMEOUT_MINUTES = 60;
    static final int ACTION_TIMEOUT_MINUTES = 10;
    static final int DATABASE_TIMEOUT_MINUTES = 30;
    static final int UPLOADS_TIMEOUT_MINUTES = 30;
    static final int TRAFFIC_TIMEOUT_MINUTES = 10;
    static final int VERIFY_TIMEOUT_MINUTES = 20;
    static final double RETRY_INTERVAL_MINUTES = 1.0;

    /**
     * Everything the workflows name, as plain values.
     *
     * @param actionFunctionArns     the region-switch action function of each region (fault switch, uploads)
     * @param verifyFunctionArns     the verify function of each region (the verify gate's checks)
     * @param blogDatabase           the blog's Aurora global database, when the stack has a blog
     * @param recordSets             per failover name, the record set identifier of each region
     * @param approvalRole           the approver role, or empty when no person approves (config off)
     */
    public record Facts(String primaryRegion, String secondaryRegion, Map<String, String> actionFunctionArns,
                        Map<String, String> verifyFunctionArns, Optional<BlogDatabase> blogDatabase,
                        String hostedZoneId, Map<String, Map<String, String>> recordSets,
                        Optional<String> approvalRole) {
    }

    /** The blog's Aurora global cluster and its cluster in each region. */
    public record BlogDatabase(String globalClusterIdentifier, Map<String, String> clusterArns) {
    }

    private RegionSwitchWorkflows() {
    }

    /** Activating the secondary (failover or switchover), then activating the primary again (failback). */
    public static List<Workflow> of(Facts facts) {
        return List.of(activate(facts, facts.secondaryRegion(), facts.primaryRegion()),
                activate(facts, facts.primaryRegion(), facts.secondaryRegion()));
    }

    private static Workflow activate(Facts facts, String activating, String leaving) {
        boolean failover = activating.equals(facts.secondaryRegion());
        List<Step> steps = new ArrayList<>();
        facts.approvalRole().ifPresent(role -> steps.add(new Step(APPROVE,
                "A person confirms the move to " + activating, new ManualApproval(role, APPROVAL_TIMEOUT_MINUTES))));
        // The secondary stays healthy as the standby of DNS failover: only the primary's switch is ever turned on.
        Map<String, Object> switches = new LinkedHashMap<>();
        switches.put("action", FAULT_SWITCH);
        switches.put("on", failover ? List.of(leaving) : List.of());
        switches.put("off", List.of(activating));
        steps.add(new Step(FAULT_SWITCH, failover
                ? "Turns the fault switch of " + leaving + " on, so its /health fails and DNS keeps it out"
                : "Turns the fault switch of " + activating + " off, so its /health can pass again",
                lambda(facts.actionFunctionArns(), switches, ACTION_TIMEOUT_MINUTES, failover)));
        facts.blogDatabase().ifPresent(database -> steps.add(new Step(BLOG_DATABASE, "Makes the blog's Aurora cluster in "
                + activating + " the writer: switchover when graceful, failover when ungraceful",
                new AuroraGlobalDatabase(database.globalClusterIdentifier(), List.copyOf(database.clusterArns().values()),
                        DATABASE_TIMEOUT_MINUTES))));
        if (failover && facts.blogDatabase().isPresent()) {
            // Failback of the uploads copies the secondary's changes back first: a person's job (failback runbook).
            steps.add(new Step(BLOG_UPLOADS, "Ungraceful only: ends the uploads replication so the copy in "
                    + activating + " is writable (the same code as promote-blog-db --uploads-file-system)",
                    lambda(facts.actionFunctionArns(), Map.of("action", BLOG_UPLOADS), UPLOADS_TIMEOUT_MINUTES, false)));
        }
        List<Step> names = new ArrayList<>();
        facts.recordSets().forEach((recordName, sets) -> names.add(new Step(recordName.substring(0, recordName.indexOf('.')),
                "Moves " + recordName + " to " + activating,
                new Route53HealthCheck(facts.hostedZoneId(), recordName, sets, TRAFFIC_TIMEOUT_MINUTES))));
        steps.add(new Step(TRAFFIC, "Moves the failover names to " + activating, new Parallel(names)));
        steps.add(new Step(VERIFY, "Runs the verify gate's checks against " + activating + " until they pass",
                lambda(facts.verifyFunctionArns(), Map.of("action", VERIFY), VERIFY_TIMEOUT_MINUTES, false)));
        return new Workflow("activate", activating, (failover ? "Failover or switchover" : "Failback")
                + " to " + activating, steps);
    }

    private static CustomActionLambda lambda(Map<String, String> arns, Map<String, Object> payload, int timeoutMinutes,
                                             boolean skipWhenUngraceful) {
        String json = new com.google.gson.GsonBuilder().disableHtmlEscaping().create().toJson(new java.util.TreeMap<>(payload));
        return new CustomActionLambda(List.copyOf(arns.values()), json, RegionToRun.ACTIVATING, RETRY_INTERVAL_MINUTES,
                timeoutMinutes, skipWhenUngraceful);
    }
}
