package com.bookstore.ops.drill;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a drill found, in drill milliseconds (0 = the drill started at {@code startedAt}).
 * {@code rpo} is the read-back of acknowledged orders from the secondary while it served alone;
 * {@code finalPrimary} / {@code finalSecondary} read every acknowledged order back from both regions
 * after failback and settling. {@code signIn}: the sign-in checks made while the secondary served alone
 * ({@link OutageSignIn}), null when the drill ran without them.
 */
public record DrillReport(String startedAt, String primaryRegion, String secondaryRegion, String fault,
                          Map<String, Object> settings, long durationMillis, int requests, int errors,
                          int ordersAcknowledged, Long faultInjectedAt, Long faultHealedAt,
                          Recovery failover, Recovery failback, OrderCheck rpo,
                          OrderCheck finalPrimary, OrderCheck finalSecondary, BoardConvergence boards,
                          List<SecondBucket> timeline, OutageSignIn.Result signIn) {

    /** A drill without the sign-in checks of the outage ({@code signIn}: see {@link OutageSignIn}). */
    public DrillReport(String startedAt, String primaryRegion, String secondaryRegion, String fault,
                       Map<String, Object> settings, long durationMillis, int requests, int errors,
                       int ordersAcknowledged, Long faultInjectedAt, Long faultHealedAt,
                       Recovery failover, Recovery failback, OrderCheck rpo,
                       OrderCheck finalPrimary, OrderCheck finalSecondary, BoardConvergence boards,
                       List<SecondBucket> timeline) {
        this(startedAt, primaryRegion, secondaryRegion, fault, settings, durationMillis, requests, errors, ordersAcknowledged,
                faultInjectedAt, faultHealedAt, failover, failback, rpo, finalPrimary, finalSecondary, boards, timeline, null);
    }

    /** The properties a drill must show; each false one is a finding. */
    public Map<String, Boolean> invariants() {
        Map<String, Boolean> invariants = new LinkedHashMap<>();
        invariants.put("failoverDetected", failover != null && failover.recovered());
        invariants.put("failbackDetected", failback != null && failback.recovered());
        invariants.put("everyAcknowledgedOrderAccountedFor", rpo != null && rpo.unverified().isEmpty()
                && finalPrimary != null && finalPrimary.missing().isEmpty() && finalPrimary.unverified().isEmpty()
                && finalSecondary != null && finalSecondary.missing().isEmpty() && finalSecondary.unverified().isEmpty());
        invariants.put("boardsConverged", boards != null && boards.converged());
        if (signIn != null) {
            // Sign-in survives the primary's loss (the user pool's replica); sign-up does not, and says so.
            invariants.put("newcomerSignedInThroughSecondaryAndOrdered", signIn.newcomerSignedInAndOrdered(secondaryRegion));
            invariants.put("signedInShopperRefreshedThroughSecondary", signIn.returningShopperRefreshedAndKeptShopping(secondaryRegion));
            invariants.put("signUpRefusedClearlyDuringOutage", signIn.signUpRefusedClearly());
        }
        return invariants;
    }

    public boolean passed() {
        return invariants().values().stream().allMatch(Boolean::booleanValue);
    }
}
