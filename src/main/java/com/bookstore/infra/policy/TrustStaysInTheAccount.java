package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every role is assumed by an AWS service or by a principal of the stack's own account, never by another account
 * or anyone ({@code "*"}). IAM cannot make this a condition of the deploy role's {@code iam:CreateRole} or
 * {@code iam:UpdateAssumeRolePolicy} (no condition key reads a trust policy's principals), so the plan checks it
 * (docs/configuration.md, "Pipeline").
 */
public final class TrustStaysInTheAccount implements PolicyRule {

    private final String account;

    public TrustStaysInTheAccount(String account) {
        this.account = account;
    }

    @Override
    public String id() {
        return "iam-trust-in-account";
    }

    @Override
    public List<Violation> check(Plan plan) {
        List<Violation> violations = new ArrayList<>();
        for (PlannedResource role : plan.ofType("aws:iam/role:Role")) {
            String trust = Inputs.string(role, "assumeRolePolicy").orElse("");
            for (PolicyDocuments.Statement s : PolicyDocuments.parse(role, trust)) {
                for (String principal : principals(s.principal())) {
                    if (!principal.startsWith("Service:") && !principal.matches("AWS:arn:aws:iam::" + account + ":.+")) {
                        violations.add(new Violation(id(), role.key(), "trusts " + principal.replaceFirst(":", " ")
                                + ", outside the account " + account));
                    }
                }
            }
        }
        return violations;
    }

    /** {@code Service:lambda.amazonaws.com}, {@code AWS:arn:...}; a bare {@code "*"} is {@code AWS:*}. */
    private static List<String> principals(Object principal) {
        List<String> found = new ArrayList<>();
        if (principal instanceof Map<?, ?> map) {
            map.forEach((kind, value) -> {
                for (Object v : value instanceof List<?> list ? list : List.of(value)) {
                    found.add(kind + ":" + v);
                }
            });
        } else if (principal != null) {
            found.add("AWS:" + principal);
        }
        return found;
    }
}
