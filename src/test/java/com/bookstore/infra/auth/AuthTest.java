package com.bookstore.infra.auth;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthTest {

    @Test
    void primaryOwnsAProtectedUserPoolAndAPublicClientThatSignsInWithAPassword() {
        Plan plan = Plans.primary();

        var pool = Plans.one(plan, "aws:cognito/userPool:UserPool");
        var client = Plans.one(plan, "aws:cognito/userPoolClient:UserPoolClient");

        assertEquals("ACTIVE", input(pool, "deletionProtection"));
        assertEquals(List.of("email"), input(pool, "usernameAttributes"));
        assertEquals(pool.id(), input(client, "userPoolId"));
        assertEquals(false, input(client, "generateSecret"));
        assertTrue(((List<?>) input(client, "explicitAuthFlows")).contains("ALLOW_USER_PASSWORD_AUTH"));
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
        var pool = Plans.one(Plans.primary(), "aws:cognito/userPool:UserPool");

        assertEquals(12L, ((Number) input(pool, "passwordPolicy.minimumLength")).longValue());
        assertEquals(true, input(pool, "passwordPolicy.requireUppercase"));
        assertEquals(true, input(pool, "passwordPolicy.requireLowercase"));
        assertEquals(true, input(pool, "passwordPolicy.requireNumbers"));
        assertEquals(false, input(pool, "passwordPolicy.requireSymbols"));
        assertEquals(3L, ((Number) input(pool, "passwordPolicy.temporaryPasswordValidityDays")).longValue());
    }

    @Test
    void secondaryCreatesNoPoolAndTrustsThePrimarysPoolInThePrimarysRegion() {
        Plan primary = Plans.primary();
        Plan secondary = Plans.secondary();

        var authorizer = Plans.one(secondary, "aws:apigatewayv2/authorizer:Authorizer");

        assertTrue(secondary.ofType("aws:cognito/userPool:UserPool").isEmpty());
        assertEquals("https://cognito-idp.eu-west-1.amazonaws.com/" + primary.outputs().get("userPoolId"),
                input(authorizer, "jwtConfiguration.issuer"));
        assertEquals(List.of(primary.outputs().get("userPoolClientId")), input(authorizer, "jwtConfiguration.audiences"));
    }
}
