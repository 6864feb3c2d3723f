package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlanMocks;

import java.util.ArrayList;
import java.util.List;

/** The rules every plan must pass (docs/infrastructure.md#policy-rules). */
public final class PolicySet {

    private final List<PolicyRule> rules;

    public PolicySet(List<PolicyRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static PolicySet standard() {
        return new PolicySet(List.of(
                new EncryptionAtRest(),
                new PublicAccessBlocked(),
                new TlsOnlyBuckets(),
                new LeastPrivilegeIam(),
                new IamQuotas(),
                new CreateConditionsCanMatch(),
                new PermissionsBoundaryEnforced(),
                new DeployRoleCoversPlan(),
                // Plans run under the mocks, whose account stands for the stack's own.
                new TrustStaysInTheAccount(PlanMocks.ACCOUNT_ID),
                new StatefulProtection(),
                new RequiredTags(),
                new LambdaLimits(),
                new ExplicitRegion(),
                new ResilienceBudgetFits(),
                new InternetPathFirst(),
                new NameAndSizeLimits()));
    }

    public List<PolicyRule> rules() {
        return rules;
    }

    public List<Violation> check(Plan plan) {
        List<Violation> violations = new ArrayList<>();
        rules.forEach(rule -> violations.addAll(rule.check(plan)));
        return violations;
    }
}
