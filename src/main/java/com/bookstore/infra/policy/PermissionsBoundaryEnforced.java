package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No role of the stacks can be turned into more than the project's permissions boundary allows
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html, "Delegating responsibility
 * to others using permissions boundaries"):
 * <ul>
 * <li>every role carries a permissions boundary;</li>
 * <li>every Allow of a role write that IAM lets a policy condition on {@code iam:PermissionsBoundary}
 * (Service Authorization Reference, IAM: CreateRole, PutRolePolicy, DeleteRolePolicy, AttachRolePolicy,
 * DetachRolePolicy, PutRolePermissionsBoundary) requires it with {@code StringEquals};</li>
 * <li>nothing allows {@code iam:DeleteRolePermissionsBoundary}, nor a write of the boundary policy itself.</li>
 * </ul>
 */
public final class PermissionsBoundaryEnforced implements PolicyRule {

    static final List<String> BOUNDED_ROLE_WRITES = List.of("iam:CreateRole", "iam:PutRolePolicy",
            "iam:DeleteRolePolicy", "iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary");
    static final List<String> POLICY_WRITES = List.of("iam:CreatePolicyVersion", "iam:DeletePolicy",
            "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:TagPolicy", "iam:UntagPolicy");
    private static final String BOUNDARY_SUFFIX = "-permissions-boundary";

    @Override
    public String id() {
        return "iam-permissions-boundary";
    }

    @Override
    public List<Violation> check(Plan plan) {
        List<Violation> violations = new ArrayList<>();
        List<String> boundaries = plan.ofType("aws:iam/policy:Policy").stream().filter(PermissionsBoundaryEnforced::isBoundary)
                .map(p -> Inputs.string(p, "name").orElseThrow()).toList();
        for (PlannedResource role : plan.ofType("aws:iam/role:Role")) {
            if (Inputs.string(role, "permissionsBoundary").isEmpty()) {
                violations.add(new Violation(id(), role.key(), "role without a permissions boundary"));
            }
        }
        for (PolicyDocuments.Statement s : PolicyDocuments.statements(plan)) {
            if (!s.allows() || isBoundary(s.owner())) {
                continue;
            }
            List<String> bounded = s.actions().stream().filter(a -> BOUNDED_ROLE_WRITES.contains(a) || a.equals("*")
                    || a.equals("iam:*")).toList();
            if (!bounded.isEmpty() && !requiresBoundary(s.condition())) {
                violations.add(new Violation(id(), s.owner().key(), "statement " + s.sid() + " allows " + bounded
                        + " without a StringEquals iam:PermissionsBoundary condition: a role could be given any "
                        + "permissions"));
            }
            if (s.actions().contains("iam:DeleteRolePermissionsBoundary")) {
                violations.add(new Violation(id(), s.owner().key(), "statement " + s.sid()
                        + " allows iam:DeleteRolePermissionsBoundary"));
            }
            if (s.actions().stream().anyMatch(POLICY_WRITES::contains)
                    && s.resources().stream().anyMatch(r -> reachesBoundary(r, boundaries))) {
                violations.add(new Violation(id(), s.owner().key(), "statement " + s.sid()
                        + " can rewrite the permissions boundary " + s.resources()));
            }
        }
        return violations;
    }

    private static boolean isBoundary(PlannedResource owner) {
        return owner.type().equals("aws:iam/policy:Policy")
                && Inputs.string(owner, "name").filter(n -> n.endsWith(BOUNDARY_SUFFIX)).isPresent();
    }

    private static boolean requiresBoundary(Object condition) {
        return condition instanceof Map<?, ?> operators && operators.get("StringEquals") instanceof Map<?, ?> keys
                && keys.get("iam:PermissionsBoundary") instanceof String arn && arn.endsWith(BOUNDARY_SUFFIX);
    }

    /** A policy ARN pattern that matches the boundary's name ({@code *}, {@code policy/*}, the boundary itself). */
    private static boolean reachesBoundary(String resource, List<String> boundaries) {
        if (resource.equals("*")) {
            return true;
        }
        int slash = resource.indexOf(":policy/");
        if (slash < 0) {
            return false;
        }
        String pattern = resource.substring(slash + ":policy/".length());
        String regex = ("\\Q" + pattern + "\\E").replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return pattern.endsWith(BOUNDARY_SUFFIX) || boundaries.stream().anyMatch(name -> name.matches(regex));
    }
}
