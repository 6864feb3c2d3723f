package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No Allow statement limits an action that creates a resource by {@code aws:ResourceTag}: the resource being
 * created has no tags yet, so the condition never matches and the create is denied on the first deploy. The tags of
 * a create are in the request ({@code aws:RequestTag}, {@code aws:TagKeys}; "Controlling access during AWS
 * requests", https://docs.aws.amazon.com/IAM/latest/UserGuide/access_tags.html). The exceptions create something
 * inside a resource that already exists and carries the tags: IAM authorises them against that parent (Service
 * Authorization Reference, each action's resource types).
 */
public final class CreateConditionsCanMatch implements PolicyRule {

    /** Creates authorised against an existing, tagged parent: a route table, a key, a pool, a file system. */
    static final List<String> CREATE_IN_EXISTING_RESOURCE = List.of(
            "ec2:CreateRoute", "ec2:CreateTags", "kms:CreateAlias", "kms:CreateGrant",
            "cognito-idp:CreateUserPoolClient", "cognito-idp:CreateUserPoolReplica", "elasticfilesystem:CreateMountTarget",
            "elasticfilesystem:CreateReplicationConfiguration");

    @Override
    public String id() {
        return "iam-create-conditions";
    }

    @Override
    public List<Violation> check(Plan plan) {
        List<Violation> violations = new ArrayList<>();
        for (PolicyDocuments.Statement s : PolicyDocuments.statements(plan)) {
            if (!s.allows() || !conditionsOnResourceTag(s.condition())) {
                continue;
            }
            List<String> creates = s.actions().stream()
                    .filter(a -> a.matches("[a-z0-9-]+:(Create|Request|Run|Register|Allocate)[A-Za-z]*"))
                    .filter(a -> !CREATE_IN_EXISTING_RESOURCE.contains(a))
                    .toList();
            if (!creates.isEmpty()) {
                violations.add(new Violation(id(), s.owner().key(), "statement " + s.sid() + " limits " + creates
                        + " by aws:ResourceTag, which a resource being created does not have yet: use aws:RequestTag"));
            }
        }
        return violations;
    }

    private static boolean conditionsOnResourceTag(Object condition) {
        return condition instanceof Map<?, ?> operators && operators.values().stream().anyMatch(keys ->
                keys instanceof Map<?, ?> map && map.keySet().stream()
                        .anyMatch(k -> String.valueOf(k).startsWith("aws:ResourceTag/")));
    }
}
