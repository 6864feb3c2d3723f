package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;

import java.util.List;

/**
 * Every AWS resource names its provider, so its region comes from the stack config and not from whatever
 * default provider or environment happens to be around when the stack runs.
 */
public final class ExplicitRegion implements PolicyRule {

    @Override
    public String id() {
        return "explicit-region";
    }

    @Override
    public List<Violation> check(Plan plan) {
        return plan.awsResources().stream()
                .filter(r -> r.region() == null)
                .map(r -> new Violation(id(), r.key(), "has no explicit provider, so its region is not known"))
                .toList();
    }
}
