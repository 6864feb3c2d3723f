package com.bookstore.infra.resilience;

import com.bookstore.infra.config.StackSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * The resilience budget, computed from the configuration and checked at plan time
 * (docs/architecture.md#resilience-budget).
 *
 * <p>RTO is the sum of the steps between a region failing and the other serving: Route 53 notices (interval
 * times failure threshold), resolvers drop the cached answer (the record's TTL), and anything that must be
 * promoted is promoted. RPO is the largest replication lag among the replicated stores: an acknowledged write
 * younger than that may not have reached the other region when the first one fails.
 */
public record ResilienceBudget(List<Term> rtoTerms, int rtoTargetSeconds, List<Term> rpoTerms, int rpoTargetSeconds,
                               boolean apiFailover) {

    /** One named figure of the budget and the config key(s) it comes from. */
    public record Term(String name, int seconds, String source) {
    }

    /** The budget of a stack with a domain: Route 53 fails the API over. */
    public static ResilienceBudget of(StackSettings.Resilience r) {
        return of(r, true);
    }

    /**
     * @param apiFailover whether the stack has the failover name, health check and records (a domain is set);
     *                    without them nothing moves shoppers to the other region and the RTO terms do not apply
     */
    public static ResilienceBudget of(StackSettings.Resilience r, boolean apiFailover) {
        List<Term> rto = List.of(
                new Term("detection = health-check interval " + r.healthCheckIntervalSeconds() + " s x failure threshold "
                        + r.healthCheckFailureThreshold(), r.healthCheckIntervalSeconds() * r.healthCheckFailureThreshold(),
                        "bookstore:healthCheckIntervalSeconds x bookstore:healthCheckFailureThreshold"),
                new Term("DNS TTL of the failover record", r.dnsTtlSeconds(), "bookstore:dnsTtlSeconds"),
                new Term("promotion of the secondary", r.promotionSeconds(), "bookstore:promotionSeconds"));
        List<Term> rpo = List.of(
                new Term("DynamoDB global-table replication lag", r.tableReplicationLagSeconds(),
                        "bookstore:tableReplicationLagSeconds"));
        return new ResilienceBudget(rto, r.rtoTargetSeconds(), rpo, r.rpoTargetSeconds(), apiFailover);
    }

    public int rtoSeconds() {
        return rtoTerms.stream().mapToInt(Term::seconds).sum();
    }

    public int rpoSeconds() {
        return rpoTerms.stream().mapToInt(Term::seconds).max().orElse(0);
    }

    /**
     * What the budget cannot promise, which the plan prints without failing: a stack without a domain is a
     * supported trial set-up (docs/configuration.md, "Without a domain"), but its RTO is a person's, not Route 53's.
     */
    public List<String> warnings() {
        if (apiFailover) {
            return List.of();
        }
        return List.of("no API failover without a domain: bookstore:domain is unset, so there is no failover name, "
                + "health check or failover record; each region answers only at its own endpoint, and during an outage "
                + "shoppers stay on the failed one until clients are pointed at the other by hand. The RTO terms above "
                + "(" + rtoSeconds() + " s) describe the set-up with a domain and do not bound this one");
    }

    /** Every way the budget misses its targets, empty when it fits. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (rtoSeconds() > rtoTargetSeconds) {
            problems.add("RTO budget " + rtoSeconds() + " s exceeds bookstore:rtoTargetSeconds " + rtoTargetSeconds
                    + " s (" + describe(rtoTerms, " + ") + ")");
        }
        if (rpoSeconds() > rpoTargetSeconds) {
            problems.add("RPO budget " + rpoSeconds() + " s exceeds bookstore:rpoTargetSeconds " + rpoTargetSeconds
                    + " s (" + describe(rpoTerms, ", ") + ")");
        }
        return problems;
    }

    /** The budget as printed by the plan, every term named. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("RTO " + rtoSeconds() + " s of target " + rtoTargetSeconds + " s = " + describe(rtoTerms, " + "));
        lines.add("RPO " + rpoSeconds() + " s of target " + rpoTargetSeconds + " s = max(" + describe(rpoTerms, ", ") + ")");
        warnings().forEach(warning -> lines.add("Warning: " + warning));
        return lines;
    }

    private static String describe(List<Term> terms, String separator) {
        return String.join(separator, terms.stream().map(t -> t.name() + " (" + t.seconds() + " s)").toList());
    }
}
