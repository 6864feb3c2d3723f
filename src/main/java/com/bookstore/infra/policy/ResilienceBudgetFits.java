package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;

import java.util.List;

/**
 * The resilience budget computed from the stack's config fits its RTO and RPO targets
 * (docs/architecture.md#resilience-budget).
 */
public final class ResilienceBudgetFits implements PolicyRule {

    @Override
    public String id() {
        return "resilience-budget";
    }

    @Override
    public List<Violation> check(Plan plan) {
        return plan.resilience().problems().stream()
                .map(problem -> new Violation(id(), "stack " + plan.stack(), problem))
                .toList();
    }
}
