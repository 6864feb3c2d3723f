package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.bookstore.infra.support.PlanEdits.editInputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules still see the user pool now that it, and its replica, go through Cloud Control: its deletion
 * protection, its name's limits, its tags, and the deploy role's grants for replicating it and its key.
 */
class UserPoolReplicationRulesTest {

    private static final String POOL = "AWS::Cognito::UserPool";

    @Test
    void withoutTheReplicationGrantsTheDeployRoleCannotReplicateThePoolOrItsKey() {
        Plan plan = editInputs(Plans.primaryWithPipeline(),
                r -> r.type().equals("aws:iam/policy:Policy") && r.name().equals("bookstore-deploy-network-and-edge"),
                inputs -> inputs.put("policy", ((String) inputs.get("policy"))
                        .replace("\"cognito-idp:CreateUserPoolReplica\",", "")
                        .replace("\"kms:ReplicateKey\",", "")));

        List<Violation> violations = new DeployRoleCoversPlan().check(plan);

        assertTrue(violations.stream().anyMatch(v -> v.resource().equals("aws:cloudcontrol/resource:Resource::bookstore-users-replica")
                && v.message().contains("cognito-idp:CreateUserPoolReplica")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.resource().equals("aws:kms/replicaKey:ReplicaKey::bookstore-users-key-replica")
                && v.message().contains("kms:ReplicateKey")), violations.toString());
        assertEquals(List.of(), new DeployRoleCoversPlan().check(Plans.primaryWithPipeline()));
    }

    @Test
    void aPoolNameCognitoRefusesIsCaught() {
        Plan plan = editPool(Plans.primary(), "\"UserPoolName\":\"bookstore-users\"", "\"UserPoolName\":\"" + "u".repeat(129) + "\"");

        assertTrue(new NameAndSizeLimits().check(plan).stream().anyMatch(v -> v.message().contains("UserPoolName")
                && v.message().contains("AWS allows 128")), new NameAndSizeLimits().check(plan).toString());
        assertEquals(List.of(), new NameAndSizeLimits().check(Plans.primary()));
    }

    @Test
    void aPoolWithoutTheStackTagsIsCaughtAsCloudControlGetsNoProviderDefaultTags() {
        Plan plan = editPool(Plans.primary(), "\"project\":\"bookstore\",", "");

        assertTrue(new RequiredTags().check(plan).stream().anyMatch(v -> v.resource().equals("aws:cloudcontrol/resource:Resource::bookstore-users")
                && v.message().contains("project")), new RequiredTags().check(plan).toString());
        assertEquals(List.of(), new RequiredTags().check(Plans.primary()));
    }

    private static Plan editPool(Plan plan, String from, String to) {
        return editInputs(plan, r -> POOL.equals(r.inputs().get("typeName")), inputs -> {
            String state = (String) inputs.get("desiredState");
            assertTrue(state.contains(from), state);
            inputs.put("desiredState", state.replace(from, to));
        });
    }
}
