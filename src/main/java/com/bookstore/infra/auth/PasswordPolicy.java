package com.bookstore.infra.auth;

import com.pulumi.aws.cognito.inputs.UserPoolPasswordPolicyArgs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shoppers' password rules: the user pool enforces them, and the storefront reads them from
 * {@code config.json} to check and explain them before calling Cognito, so the two cannot disagree.
 * The local runtime gives its pool the same rules ({@code com.bookstore.local.cognito.LocalUserPool}).
 */
public record PasswordPolicy(int minimumLength, boolean requireUppercase, boolean requireLowercase,
                             boolean requireNumbers, boolean requireSymbols) {

    /** Length does more than character classes; symbols are not required, so a passphrase with a digit will do. */
    public static final PasswordPolicy SHOPPERS = new PasswordPolicy(12, true, true, true, false);

    /** How long an administrator-issued temporary password stays valid. */
    static final int TEMPORARY_PASSWORD_VALIDITY_DAYS = 3;

    UserPoolPasswordPolicyArgs args() {
        return UserPoolPasswordPolicyArgs.builder()
                .minimumLength(minimumLength)
                .requireUppercase(requireUppercase)
                .requireLowercase(requireLowercase)
                .requireNumbers(requireNumbers)
                .requireSymbols(requireSymbols)
                .temporaryPasswordValidityDays(TEMPORARY_PASSWORD_VALIDITY_DAYS)
                .build();
    }

    /** The {@code cognito.passwordPolicy} object of {@code config.json} (docs/interfaces.md), named as Cognito names it. */
    public Map<String, Object> asConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("minimumLength", minimumLength);
        config.put("requireUppercase", requireUppercase);
        config.put("requireLowercase", requireLowercase);
        config.put("requireNumbers", requireNumbers);
        config.put("requireSymbols", requireSymbols);
        return config;
    }
}
