package com.bookstore.infra.resilience;

import com.bookstore.infra.config.StackSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * The resilience budget of DESIGN §7, computed from the configuration and checked at plan time.
 *
 * <p>RTO is the sum of the steps between a region failing and the other serving: Route 53 notices (interval
 * times failure threshold), resolvers drop the cached answer (the record's TTL), and anything that must be
 * promoted is promoted. RPO is the largest replication lag among the replicated stores: an acknowledged write
 * younger than that may not have reached the other region when the first one fails.
 */
public record ResilienceBudget(List<Term> rtoTerms, int rtoTargetSeconds, List<Term> rpoTerms, int rpoTargetSeconds) {

    /** One named figure of the budget and the config key(s) it comes from. */
    public record Term(String name, int seconds, String source) {
    }

    public static ResilienceBudget of(StackSettings.Resilience r) {
        List<Term> rto = List.of(
                new Term("detection = health-check interval " + r.healthCheckIntervalSeconds() + " s x failure threshold "
                        + r.healthCheckFailureThreshold(), r.healthCheckIntervalSeconds() * r.healthCheckFailureThreshold(),
                        "bookstore:healthCheckIntervalSeconds x bookstore:healthCheckFailureThreshold"),
                new Term("DNS TTL of the failover record", r.dnsTtlSeconds(), "bookstore:dnsTtlSeconds"),
                new Term("promotion of the secondary", r.promotionSeconds(), "bookstore:promotionSeconds"));
        List<Term> rpo = List.of(
                new Term("DynamoDB global-table replication lag", r.tableReplicationLagSeconds(),
                        "bookstore:tableReplicationLagSeconds"));
        return new ResilienceBudget(rto, r.rtoTargetSeconds(), rpo, r.rpoTargetSeconds());
    }

    public int rtoSeconds() {
        return rtoTerms.stream().mapToInt(Term::seconds).sum();
    }

    public int rpoSeconds() {
        return rpoTerms.stream().mapToInt(Term::seconds).max().orElse(0);
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
        return lines;
    }

    private static String describe(List<Term> terms, String separator) {
        return String.join(separator, terms.stream().map(t -> t.name() + " (" + t.seconds() + " s)").toList());
    }
}
