package com.bookstore.infra.auth;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.bookstore.infra.support.Plans.desired;
import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthTest {

    static final String POOL = "AWS::Cognito::UserPool";

    @Test
    void primaryOwnsAProtectedUserPoolAndAPublicClientThatSignsInWithAPassword() {
        Plan plan = Plans.primary();

        var pool = Plans.cloudControl(plan, POOL);
        var client = Plans.one(plan, "aws:cognito/userPoolClient:UserPoolClient");

        assertEquals("ACTIVE", desired(pool, "DeletionProtection"));
        assertEquals(List.of("email"), desired(pool, "UsernameAttributes"));
        assertEquals("bookstore-users", desired(pool, "UserPoolName"));
        assertEquals(pool.id(), input(client, "userPoolId"));
        assertEquals(false, input(client, "generateSecret"));
        assertTrue(((List<?>) input(client, "explicitAuthFlows")).contains("ALLOW_USER_PASSWORD_AUTH"));
        assertTrue(plan.ofType("aws:cognito/userPool:UserPool").isEmpty(), "one pool, through Cloud Control");
    }

    @Test
    void refreshTokensLastTwelveHoursByDefaultOrTheConfiguredHoursAndCanBeRevoked() {
        var client = Plans.one(Plans.primary(), "aws:cognito/userPoolClient:UserPoolClient");
        var configured = Plans.one(Plans.run(Plans.primaryConfig(java.util.Map.of("bookstore:refreshTokenValidityHours", "3")),
                java.util.Map.of()), "aws:cognito/userPoolClient:UserPoolClient");

        assertEquals(12, ((Number) input(client, "refreshTokenValidity")).intValue());
        assertEquals("hours", input(client, "tokenValidityUnits.refreshToken"));
        assertEquals(true, input(client, "enableTokenRevocation"), "sign-out revokes the refresh token");
        assertEquals(3, ((Number) input(configured, "refreshTokenValidity")).intValue());
    }

    @Test
    void theUserPoolRequiresTwelveCharactersWithUpperAndLowerCaseAndANumber() {
        var pool = Plans.cloudControl(Plans.primary(), POOL);

        assertEquals(12, ((Number) desired(pool, "Policies.PasswordPolicy.MinimumLength")).intValue());
        assertEquals(true, desired(pool, "Policies.PasswordPolicy.RequireUppercase"));
        assertEquals(true, desired(pool, "Policies.PasswordPolicy.RequireLowercase"));
        assertEquals(true, desired(pool, "Policies.PasswordPolicy.RequireNumbers"));
        assertEquals(false, desired(pool, "Policies.PasswordPolicy.RequireSymbols"));
        assertEquals(3, ((Number) desired(pool, "Policies.PasswordPolicy.TemporaryPasswordValidityDays")).intValue());
    }

    @Test
    void thePoolHasWhatMultiRegionReplicationNeedsTheEssentialsPlanAMultiRegionKeyAndTheUpdatedIssuer() {
        Plan plan = Plans.primary();
        var pool = Plans.cloudControl(plan, POOL);
        var key = Plans.named(plan, "aws:kms/key:Key", "bookstore-users-key");
        var keyReplica = Plans.one(plan, "aws:kms/replicaKey:ReplicaKey");

        assertEquals("ESSENTIALS", desired(pool, "UserPoolTier"));
        assertEquals("UPDATED", desired(pool, "IssuerConfiguration.Type"));
        assertEquals("CUSTOMER_MANAGED_KEY", desired(pool, "KeyConfiguration.KeyType"));
        assertEquals(keyArn(plan), desired(pool, "KeyConfiguration.KmsKeyArn"));
        assertEquals(true, input(key, "multiRegion"));
        assertEquals(true, input(key, "enableKeyRotation"));
        assertEquals(desired(pool, "KeyConfiguration.KmsKeyArn"), input(keyReplica, "primaryKeyArn"));
        assertEquals("eu-west-1", pool.region());
        assertEquals("ap-southeast-1", keyReplica.region(), "the key must be available where the replica is");
        String policy = (String) input(key, "policy");
        assertTrue(policy.contains("cognito-idp.amazonaws.com"), policy);
        assertEquals(policy, input(keyReplica, "policy"));
    }

    @Test
    void thePrimaryReplicatesThePoolToTheSecondarysRegionAfterTheKeyReplicaExists() {
        Plan primary = Plans.primary();
        var pool = Plans.cloudControl(primary, POOL);
        var replica = Plans.cloudControl(primary, "AWS::Cognito::UserPoolReplica");
        var keyReplica = Plans.one(primary, "aws:kms/replicaKey:ReplicaKey");

        assertEquals(pool.id(), desired(replica, "UserPoolId"));
        assertEquals("ap-southeast-1", desired(replica, "RegionName"));
        assertTrue(replica.dependsOn().stream().anyMatch(d -> d.contains("bookstore-users-key")), replica.dependsOn().toString());
        assertTrue(keyReplica.key().contains("bookstore-users-key"));
        assertTrue(Plans.secondary().ofType("aws:cloudcontrol/resource:Resource").stream()
                .noneMatch(r -> String.valueOf(r.inputs().get("typeName")).startsWith("AWS::Cognito::")),
                "the primary owns the pool and its replica");
    }

    @Test
    void bothRegionsAuthorizersTrustTheUpdatedIssuerAndTheStorefrontClient() {
        Plan primary = Plans.primary();
        Plan secondary = Plans.secondary();
        String issuer = "https://issuer-cognito-idp.eu-west-1.amazonaws.com/" + primary.outputs().get("userPoolId");

        assertEquals(issuer, primary.outputs().get("userPoolIssuer"));
        for (Plan plan : List.of(primary, secondary)) {
            var authorizer = Plans.one(plan, "aws:apigatewayv2/authorizer:Authorizer");
            assertEquals(issuer, input(authorizer, "jwtConfiguration.issuer"), plan.stack());
            assertEquals(List.of(primary.outputs().get("userPoolClientId")), input(authorizer, "jwtConfiguration.audiences"),
                    plan.stack());
        }
        assertTrue(secondary.ofType("aws:cognito/userPoolClient:UserPoolClient").isEmpty());
    }

    private static Object keyArn(Plan plan) {
        return "arn:aws:kms:eu-west-1:" + com.bookstore.infra.plan.PlanMocks.ACCOUNT_ID + ":key/"
                + Plans.named(plan, "aws:kms/key:Key", "bookstore-users-key").id();
    }
}
