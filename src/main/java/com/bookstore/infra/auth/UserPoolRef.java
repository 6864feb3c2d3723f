package com.bookstore.infra.auth;

import com.bookstore.contract.PasswordPolicy;
import com.pulumi.core.Output;

/**
 * The Cognito user pool as the API and the storefront see it. The primary creates the pool and its replica; the
 * secondary rebuilds this record from the cross-stack contract (docs/architecture.md#the-user-pool). The password
 * policy is the program's, not an output: both stacks run the same program.
 *
 * @param region the pool's primary region, which owns sign-up and every other write
 * @param issuer the JWT issuer both regions' authorizers trust: the pool's updated issuer, the same in both regions
 */
public record UserPoolRef(String region, Output<String> userPoolId, Output<String> clientId, Output<String> issuer,
                          PasswordPolicy passwordPolicy) {

    /**
     * The updated issuer, {@code https://issuer-cognito-idp.<primary region>.amazonaws.com/<pool id>}, whose JWKS
     * both regions host (API reference, IssuerConfigurationType): tokens from the replica carry it too.
     */
    public static Output<String> updatedIssuer(String primaryRegion, Output<String> userPoolId) {
        return userPoolId.applyValue(id -> "https://issuer-cognito-idp." + primaryRegion + ".amazonaws.com/" + id);
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
