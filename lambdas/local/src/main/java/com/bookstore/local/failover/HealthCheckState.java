package com.bookstore.local.failover;

/**
 * Route 53's health-check state for one endpoint: it turns unhealthy after {@code threshold}
 * consecutive failed probes and healthy again after {@code threshold} consecutive good ones. A new
 * check starts healthy, so traffic goes to the primary from the first request.
 */
final class HealthCheckState {

    private final int threshold;
    private boolean healthy = true;
    private int streak;

    HealthCheckState(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("failure threshold must be at least 1, was " + threshold);
        }
        this.threshold = threshold;
    }

    /** Records one probe; true when this probe changed the state. */
    synchronized boolean record(boolean probeSucceeded) {
        if (probeSucceeded == healthy) {
            streak = 0;
            return false;
        }
        streak++;
        if (streak < threshold) {
            return false;
        }
        healthy = probeSucceeded;
        streak = 0;
        return true;
    }

    synchronized boolean healthy() {
        return healthy;
    }
}
