package com.bookstore.infra.auth;

import com.bookstore.contract.PasswordPolicy;
import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shoppers' user pool as CloudFormation's {@code AWS::Cognito::UserPool} properties, the desired state Cloud
 * Control creates it from. {@code com.pulumi:aws} 6.83.0's typed {@code cognito.UserPool} has {@code userPoolTier}
 * but neither {@code IssuerConfiguration} nor {@code KeyConfiguration}, and multi-Region replication needs both
 * (docs.aws.amazon.com/cognito/latest/developerguide/user-pool-multi-region.html): the Essentials plan, a
 * multi-Region customer-managed key, and the updated issuer whose JWKS both regions serve.
 */
final class UserPoolDocument {

    /** The feature plan: Essentials is the cheapest that allows multi-Region replication (Lite does not). */
    static final String TIER = "ESSENTIALS";
    /** {@code https://issuer-cognito-idp.<primary region>.amazonaws.com/<pool id>} (API reference, IssuerConfigurationType). */
    static final String ISSUER = "UPDATED";

    private UserPoolDocument() {
    }

    static String json(String name, boolean deletionProtection, Optional<AuthArgs.SesSender> ses, String keyArn,
                       Map<String, String> tags) {
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("UserPoolName", name);
        pool.put("UsernameAttributes", List.of("email"));
        pool.put("AutoVerifiedAttributes", List.of("email"));
        pool.put("DeletionProtection", deletionProtection ? "ACTIVE" : "INACTIVE");
        pool.put("Policies", Map.of("PasswordPolicy", passwordPolicy(PasswordPolicy.SHOPPERS)));
        pool.put("EmailConfiguration", emailConfiguration(ses));
        pool.put("AccountRecoverySetting", Map.of("RecoveryMechanisms",
                List.of(Map.of("Name", "verified_email", "Priority", 1))));
        pool.put("UserPoolTier", TIER);
        pool.put("IssuerConfiguration", Map.of("Type", ISSUER));
        pool.put("KeyConfiguration", Map.of("KeyType", "CUSTOMER_MANAGED_KEY", "KmsKeyArn", keyArn));
        // Cloud Control resources get no provider default tags: the pool carries the stack's tags itself.
        pool.put("UserPoolTags", tags);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(pool);
    }

    private static Map<String, Object> passwordPolicy(PasswordPolicy policy) {
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("MinimumLength", policy.minimumLength());
        rules.put("RequireUppercase", policy.requireUppercase());
        rules.put("RequireLowercase", policy.requireLowercase());
        rules.put("RequireNumbers", policy.requireNumbers());
        rules.put("RequireSymbols", policy.requireSymbols());
        rules.put("TemporaryPasswordValidityDays", PasswordPolicy.TEMPORARY_PASSWORD_VALIDITY_DAYS);
        return rules;
    }

    /**
     * Cognito's built-in sender (about 50 e-mails a day per account, for trials) unless an SES identity is
     * configured; with SES, Cognito sends as the verified identity from the shop's own address.
     */
    static Map<String, Object> emailConfiguration(Optional<AuthArgs.SesSender> ses) {
        Map<String, Object> email = new LinkedHashMap<>();
        ses.ifPresentOrElse(sender -> {
            email.put("EmailSendingAccount", "DEVELOPER");
            email.put("SourceArn", sender.identityArn());
            email.put("From", sender.fromAddress());
            sender.replyTo().ifPresent(replyTo -> email.put("ReplyToEmailAddress", replyTo));
        }, () -> email.put("EmailSendingAccount", "COGNITO_DEFAULT"));
        return email;
    }
}
