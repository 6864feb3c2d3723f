package com.bookstore.local.cognito;

import com.bookstore.contract.PasswordPolicy;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The user pool and app client the storefront signs in with, created in the local Cognito (moto) with
 * the settings the stack gives the real one: e-mail as username, e-mail verified by code, the stack's
 * password policy (moto enforces it on sign-up and password changes), and the USER_PASSWORD_AUTH and
 * REFRESH_TOKEN_AUTH flows the UI uses.
 */
public final class LocalUserPool {
    /**
     * The deployed pool's rules ({@link PasswordPolicy#SHOPPERS}): local sign-up refuses what AWS would refuse.
     * Without them moto applies its own default (8 characters and a symbol).
     */
    static final PasswordPolicyType PASSWORD_POLICY = PasswordPolicyType.builder()
            .minimumLength(PasswordPolicy.SHOPPERS.minimumLength())
            .requireUppercase(PasswordPolicy.SHOPPERS.requireUppercase())
            .requireLowercase(PasswordPolicy.SHOPPERS.requireLowercase())
            .requireNumbers(PasswordPolicy.SHOPPERS.requireNumbers())
            .requireSymbols(PasswordPolicy.SHOPPERS.requireSymbols())
            .temporaryPasswordValidityDays(PasswordPolicy.TEMPORARY_PASSWORD_VALIDITY_DAYS)
            .build();

    private final String region;
    private final String userPoolId;
    private final String clientId;

    private LocalUserPool(String region, String userPoolId, String clientId) {
        this.region = region;
        this.userPoolId = userPoolId;
        this.clientId = clientId;
    }

    /** A pool that already exists (two-region mode: Cognito stays in the primary region). */
    public static LocalUserPool existing(String region, String userPoolId, String clientId) {
        return new LocalUserPool(region, userPoolId, clientId);
    }

    public static LocalUserPool create(CognitoIdentityProviderClient cognito, String region, String name) {
        UserPoolType pool = cognito.createUserPool(request -> request
                .poolName(name)
                .usernameAttributes(UsernameAttributeType.EMAIL)
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .policies(policies -> policies.passwordPolicy(PASSWORD_POLICY))).userPool();
        UserPoolClientType client = cognito.createUserPoolClient(request -> request
                .userPoolId(pool.id())
                .clientName(name + "-web")
                .generateSecret(false)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient();
        return new LocalUserPool(region, pool.id(), client.clientId());
    }

    /** A confirmed user with a permanent password, ready to sign in (the printed demo account). */
    public void createConfirmedUser(CognitoIdentityProviderClient cognito, String email, String password) {
        cognito.adminCreateUser(request -> request
                .userPoolId(userPoolId)
                .username(email)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value(email).build(),
                        AttributeType.builder().name("email_verified").value("true").build()));
        try {
            cognito.adminSetUserPassword(request -> request
                    .userPoolId(userPoolId).username(email).password(password).permanent(true));
        } catch (InvalidPasswordException e) {
            // Deleted again, so that a retry with a better password does not meet UsernameExistsException.
            cognito.adminDeleteUser(request -> request.userPoolId(userPoolId).username(email));
            throw new IllegalArgumentException("The password for " + email + " does not meet the user pool's policy: "
                    + PASSWORD_POLICY, e);
        }
    }

    /** The pool's password rules; a pool passed in by id was created by this class too (the primary's runtime). */
    public PasswordPolicy passwordPolicy() {
        return PasswordPolicy.SHOPPERS;
    }

    public String region() {
        return region;
    }

    public String userPoolId() {
        return userPoolId;
    }

    public String clientId() {
        return clientId;
    }

    /**
     * The {@code iss} of the pool's tokens, which the JWT authorizer is configured with: the pool's updated
     * issuer, the same whichever region's replica signed the shopper in (a pool with a multi-Region replica
     * needs it; docs/architecture.md#the-user-pool). scripts/moto/atomic_moto_server.py makes moto use it.
     */
    public String issuer() {
        return "https://issuer-cognito-idp." + region + ".amazonaws.com/" + userPoolId;
    }

    /** The pool's regional issuer, which the tokens used to carry and the authorizer no longer accepts. */
    public String regionalIssuer() {
        return "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
    }

    /** The Host under which Cognito serves this region's API and the pool's JWKS. */
    public String host() {
        return "cognito-idp." + region + ".amazonaws.com";
    }
}
