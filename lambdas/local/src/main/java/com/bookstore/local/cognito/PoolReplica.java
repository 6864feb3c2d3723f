package com.bookstore.local.cognito;

import java.util.Set;

/**
 * What the user pool's replica in a second region serves (Cognito multi-Region replication): sign-in and
 * tokens for the users of the primary's pool, nothing that writes the user directory. "Secondary user pools
 * can't create users", "users can't reset passwords or modify their profile in secondary user pools"
 * (Cognito developer guide, "Multi-Region replication for user pools"). What it refuses it refuses with
 * {@link #REFUSAL}, HTTP 400: "an operation is not available in the current region [...] operations that
 * are not supported in secondary replica regions" (Cognito API reference, e.g. SignUp > Errors; in the
 * cognito-idp model of botocore 1.44.18 for SignUp, ConfirmSignUp, ResendConfirmationCode, ChangePassword).
 */
public final class PoolReplica {
    public static final String REFUSAL = "OperationNotEnabledException";
    /** Our wording: the documentation names the exception, not its message. */
    public static final String REFUSAL_MESSAGE = "This operation is served by the user pool's primary region only.";

    /** Sign-in (USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH, as the storefront signs in) and its challenges. */
    private static final Set<String> SERVED = Set.of("InitiateAuth", "RespondToAuthChallenge");

    private PoolReplica() {
    }

    public static boolean serves(String operation) {
        return SERVED.contains(operation);
    }
}
