package com.bookstore.infra.auth;

import com.bookstore.contract.PasswordPolicy;
import com.pulumi.aws.cognito.inputs.UserPoolPasswordPolicyArgs;

/** The shoppers' password policy (shared with the local runtime and the storefront) as the user pool's input. */
final class UserPoolPasswordPolicy {

    private UserPoolPasswordPolicy() {
    }

    static UserPoolPasswordPolicyArgs args(PasswordPolicy policy) {
        return UserPoolPasswordPolicyArgs.builder()
                .minimumLength(policy.minimumLength())
                .requireUppercase(policy.requireUppercase())
                .requireLowercase(policy.requireLowercase())
                .requireNumbers(policy.requireNumbers())
                .requireSymbols(policy.requireSymbols())
                .temporaryPasswordValidityDays(PasswordPolicy.TEMPORARY_PASSWORD_VALIDITY_DAYS)
                .build();
    }
}
