package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * IAM's size quotas, which the mocks accept and AWS refuses with {@code LimitExceeded} at {@code pulumi up}
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html, "IAM object quotas" and "IAM and
 * AWS STS character limits"; whitespace is not counted):
 * <ul>
 * <li>all inline policies of one role together: 10,240 characters;</li>
 * <li>one managed policy: 6,144 characters;</li>
 * <li>managed policies attached to one role: 10 (the default; 20 after a quota increase, which a fork may lack);</li>
 * <li>one role trust policy: 2,048 characters (the default; 4,096 after an increase).</li>
 * </ul>
 */
public final class IamQuotas implements PolicyRule {

    public static final int INLINE_CHARACTERS_PER_ROLE = 10_240;
    public static final int MANAGED_POLICY_CHARACTERS = 6_144;
    public static final int MANAGED_POLICIES_PER_ROLE = 10;
    public static final int TRUST_POLICY_CHARACTERS = 2_048;

    private static final String ROLE = "aws:iam/role:Role";
    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final String POLICY = "aws:iam/policy:Policy";
    private static final String ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";

    @Override
    public String id() {
        return "iam-quotas";
    }

    @Override
    public List<Violation> check(Plan plan) {
        List<Violation> violations = new ArrayList<>();
        Map<String, PlannedResource> roles = new TreeMap<>();
        plan.ofType(ROLE).forEach(role -> roles.put(roleName(role), role));
        Map<String, Integer> inline = new TreeMap<>();
        Map<String, Integer> attached = new TreeMap<>();
        for (PlannedResource policy : plan.ofType(ROLE_POLICY)) {
            Inputs.string(policy, "role").ifPresent(role ->
                    inline.merge(role, size(Inputs.string(policy, "policy").orElse("")), Integer::sum));
        }
        for (PlannedResource attachment : plan.ofType(ATTACHMENT)) {
            Inputs.string(attachment, "role").ifPresent(role -> attached.merge(role, 1, Integer::sum));
        }
        for (PlannedResource role : roles.values()) {
            if (Inputs.at(role, "managedPolicyArns").orElse(null) instanceof List<?> arns) {
                attached.merge(roleName(role), arns.size(), Integer::sum);
            }
            // Inline policies can also be written on the role itself (RoleArgs.inlinePolicies).
            if (Inputs.at(role, "inlinePolicies").orElse(null) instanceof List<?> policies) {
                for (Object policy : policies) {
                    if (policy instanceof Map<?, ?> map && map.get("policy") instanceof String document) {
                        inline.merge(roleName(role), size(document), Integer::sum);
                    }
                }
            }
            int trust = size(Inputs.string(role, "assumeRolePolicy").orElse(""));
            if (trust > TRUST_POLICY_CHARACTERS) {
                violations.add(new Violation(id(), role.key(), "trust policy of " + trust + " characters (IAM allows "
                        + TRUST_POLICY_CHARACTERS + " by default, whitespace not counted)"));
            }
        }
        inline.forEach((role, characters) -> {
            if (characters > INLINE_CHARACTERS_PER_ROLE) {
                violations.add(new Violation(id(), key(roles, role), "inline policies of " + characters
                        + " characters (IAM allows " + INLINE_CHARACTERS_PER_ROLE + " per role, whitespace not counted): "
                        + "move statements into managed policies"));
            }
        });
        attached.forEach((role, count) -> {
            if (count > MANAGED_POLICIES_PER_ROLE) {
                violations.add(new Violation(id(), key(roles, role), count + " managed policies attached (IAM allows "
                        + MANAGED_POLICIES_PER_ROLE + " per role by default)"));
            }
        });
        for (PlannedResource policy : plan.ofType(POLICY)) {
            int characters = size(Inputs.string(policy, "policy").orElse(""));
            if (characters > MANAGED_POLICY_CHARACTERS) {
                violations.add(new Violation(id(), policy.key(), "managed policy of " + characters
                        + " characters (IAM allows " + MANAGED_POLICY_CHARACTERS + ", whitespace not counted)"));
            }
        }
        return violations;
    }

    /** Characters IAM counts against its quotas: the document as sent, without whitespace. */
    static int size(String document) {
        return (int) document.chars().filter(c -> !Character.isWhitespace(c)).count();
    }

    /** Policies refer to a role by its name (the Role's id under the mocks and in AWS). */
    private static String roleName(PlannedResource role) {
        return Inputs.string(role, "name").orElse(role.id());
    }

    private static String key(Map<String, PlannedResource> roles, String role) {
        PlannedResource found = roles.get(role);
        return found == null ? "role " + role : found.key();
    }
}
