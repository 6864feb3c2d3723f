package com.bookstore.infra.auth;

import com.bookstore.contract.PasswordPolicy;
import com.pulumi.core.Output;

/**
 * The Cognito user pool as the API and the storefront see it. The primary creates the pool; the secondary
 * rebuilds this record from the cross-stack contract (Cognito stays in one region:
 * docs/architecture.md#the-user-pool). The password policy is the program's, not an output: both stacks run the
 * same program.
 */
public record UserPoolRef(String region, Output<String> userPoolId, Output<String> clientId,
                          PasswordPolicy passwordPolicy) {

    /** The JWT issuer the HTTP API's authorizer trusts. */
    public Output<String> issuer() {
        return userPoolId.applyValue(id -> "https://cognito-idp." + region + ".amazonaws.com/" + id);
    }

    /** The endpoint the UI calls Cognito's JSON API at in the pool's own region. */
    public String endpoint() {
        return endpoint(region);
    }

    /** Cognito's user-pool API endpoint in {@code region}, where the pool or its replica answers. */
    public static String endpoint(String region) {
        return "https://cognito-idp." + region + ".amazonaws.com/";
    }
}
