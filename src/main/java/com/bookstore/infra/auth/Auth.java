package com.bookstore.infra.auth;

import com.bookstore.contract.PasswordPolicy;
import com.pulumi.aws.cognito.UserPool;
import com.pulumi.aws.cognito.UserPoolArgs;
import com.pulumi.aws.cognito.UserPoolClient;
import com.pulumi.aws.cognito.UserPoolClientArgs;
import com.pulumi.aws.cognito.inputs.UserPoolAccountRecoverySettingArgs;
import com.pulumi.aws.cognito.inputs.UserPoolClientTokenValidityUnitsArgs;
import com.pulumi.aws.cognito.inputs.UserPoolEmailConfigurationArgs;
import com.pulumi.aws.cognito.inputs.UserPoolAccountRecoverySettingRecoveryMechanismArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * The shoppers' identity: a Cognito user pool (email as the user name, deletion protection on) and a public
 * app client for the storefront that signs in with {@code USER_PASSWORD_AUTH}. Primary only: the secondary
 * trusts this pool's published keys (docs/architecture.md#the-user-pool explains the trade-off).
 */
public final class Auth extends ComponentResource {

    public final UserPoolRef userPool;

    public Auth(String name, AuthArgs args, ComponentResourceOptions options) {
        super("bookstore:auth:Auth", name, options);
        var pool = new UserPool(name, UserPoolArgs.builder()
                .name(name)
                .usernameAttributes("email")
                .autoVerifiedAttributes("email")
                .deletionProtection(args.deletionProtection() ? "ACTIVE" : "INACTIVE")
                .passwordPolicy(UserPoolPasswordPolicy.args(PasswordPolicy.SHOPPERS))
                .emailConfiguration(emailConfiguration(args.sesSender()))
                .accountRecoverySetting(UserPoolAccountRecoverySettingArgs.builder()
                        .recoveryMechanisms(UserPoolAccountRecoverySettingRecoveryMechanismArgs.builder()
                                .name("verified_email").priority(1).build())
                        .build())
                .build(), child());
        var client = new UserPoolClient(name + "-storefront", UserPoolClientArgs.builder()
                .name(name + "-storefront")
                .userPoolId(pool.id())
                // A browser cannot keep a secret; the storefront signs in with the user's password over TLS.
                .generateSecret(false)
                .explicitAuthFlows(List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"))
                .preventUserExistenceErrors("ENABLED")
                .enableTokenRevocation(true)
                // Short-lived: the storefront keeps tokens in localStorage (docs/ui.md#where-the-tokens-live).
                .refreshTokenValidity(args.refreshTokenValidityHours())
                .tokenValidityUnits(UserPoolClientTokenValidityUnitsArgs.builder().refreshToken("hours").build())
                .build(), child());
        this.userPool = new UserPoolRef(args.region(), pool.id(), client.id(), PasswordPolicy.SHOPPERS);
        registerOutputs(Map.of("userPoolId", pool.id(), "clientId", client.id()));
    }

    /**
     * Cognito's built-in sender (about 50 e-mails a day per account, for trials) unless an SES identity is
     * configured; with SES, Cognito sends as the verified identity from the shop's own address.
     */
    static UserPoolEmailConfigurationArgs emailConfiguration(java.util.Optional<AuthArgs.SesSender> ses) {
        return ses.map(email -> {
                    var args = UserPoolEmailConfigurationArgs.builder()
                            .emailSendingAccount("DEVELOPER")
                            .sourceArn(email.identityArn())
                            .fromEmailAddress(email.fromAddress());
                    email.replyTo().ifPresent(args::replyToEmailAddress);
                    return args.build();
                })
                .orElseGet(() -> UserPoolEmailConfigurationArgs.builder().emailSendingAccount("COGNITO_DEFAULT").build());
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
