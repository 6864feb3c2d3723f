package com.bookstore.infra.contract;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlanFailedException;
import com.bookstore.infra.plan.PlanMocks;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A primary that exports some of the contract as secrets (a fork marking its ARNs secret, say): the
 * StackReference hands them over as secret values, and the secondary must read them like plain ones,
 * neither dropping them as missing nor taking the secret wrapper for a mistyped value.
 */
class SecretPrimaryOutputsTest {

    @Test
    void secretOutputsFeedTheSecondaryLikePlainOnes() {
        Map<String, Object> exported = new HashMap<>(Plans.primary().outputs());
        String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:bookstore-blog-db-Secret1";
        exported.put("blogCredentialsSecretArn", new PlanMocks.SecretOutput(arn));
        exported.put("userPoolClientId", new PlanMocks.SecretOutput("secret-client"));

        Plan secondary = Plans.run(Plans.secondaryConfig(Map.of()), exported);

        assertEquals(java.util.List.of("secret-client"),
                Plans.input(Plans.one(secondary, "aws:apigatewayv2/authorizer:Authorizer"), "jwtConfiguration.audiences"));
        assertTrue(secondary.resources().stream().anyMatch(r -> String.valueOf(r.inputs()).contains("arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:bookstore-blog-db-Secret1")),
                "the secondary's blog reads the replica of the primary's credentials secret");
    }

    @Test
    void aSecretOutputIsStillValidated() {
        Map<String, Object> exported = new HashMap<>(Plans.primary().outputs());
        exported.put("ordersTableArn", new PlanMocks.SecretOutput("not-an-arn"));
        exported.put("userPoolId", new PlanMocks.SecretOutput(""));

        var failure = assertThrows(PlanFailedException.class, () -> Plans.run(Plans.secondaryConfig(Map.of()), exported));

        assertTrue(failure.getMessage().contains("ordersTableArn should be an ARN, got 'not-an-arn'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("userPoolId is empty"), failure.getMessage());
    }
}
