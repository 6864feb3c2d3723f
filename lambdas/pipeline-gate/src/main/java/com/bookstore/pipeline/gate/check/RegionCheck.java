package com.bookstore.pipeline.gate.check;

/**
 * One thing that must hold before a region is promoted. New signals (Aurora's global-database replication lag once
 * the blog ships) are new implementations registered in {@link RegionChecks}; the gate itself does not change.
 */
public interface RegionCheck {
    String name();

    /** Runs once; never throws for a region that is unhealthy, it says so in the result. */
    CheckResult run();
}
