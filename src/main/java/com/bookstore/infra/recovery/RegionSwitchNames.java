package com.bookstore.infra.recovery;

import com.bookstore.infra.config.Role;

/**
 * The names both stacks give the plan's parts, so the primary's plan can name what the secondary deploys later
 * (docs/failover.md "The Region switch plan").
 */
public record RegionSwitchNames(String project) {

    public String plan() {
        return project + "-region-switch";
    }

    public String actionFunction() {
        return project + "-region-switch-actions";
    }

    public String verifyFunction() {
        return project + "-region-switch-verify";
    }

    /** The blog's regional Aurora cluster: {@code BlogDatabase} names it after its component in both stacks. */
    public String blogCluster() {
        return project + "-blog-db";
    }

    /** The set identifier of a region's failover records ({@code FailoverDns}); it names the region, as ARC expects. */
    public static String recordSetIdentifier(Role role, String region) {
        return role.value() + "-" + region;
    }

    /** The stack output through which the secondary finds the health checks the plan vends for its records. */
    public static final String HEALTH_CHECKS_OUTPUT = "regionSwitchHealthChecks";
}
