package com.bookstore.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shoppers' password rules: the user pool enforces them (the stack's on AWS, the local runtime's in moto), and
 * the storefront reads them from {@code config.json} to check and explain them before calling Cognito, so the
 * three cannot disagree.
 */
public record PasswordPolicy(int minimumLength, boolean requireUppercase, boolean requireLowercase,
                             boolean requireNumbers, boolean requireSymbols) {

    /** Length does more than character classes; symbols are not required, so a passphrase with a digit will do. */
    public static final PasswordPolicy SHOPPERS = new PasswordPolicy(12, true, true, true, false);

    /** How long an administrator-issued temporary password stays valid. */
    public static final int TEMPORARY_PASSWORD_VALIDITY_DAYS = 3;

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
