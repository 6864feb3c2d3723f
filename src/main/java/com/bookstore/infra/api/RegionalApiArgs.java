package com.bookstore.infra.api;

import com.bookstore.infra.auth.UserPoolRef;
import com.bookstore.infra.dns.CustomDomain;
import com.pulumi.core.Output;

import java.util.Optional;

/**
 * What a {@link RegionalApi} fronts and how. The numbers come from the stack's sizing (docs/configuration.md),
 * which carries their defaults.
 *
 * @param stackRole              required; {@code primary} or {@code secondary}, in the API's description
 * @param functionAliasArn       required; the API function's alias, the integration target
 * @param functionName           required; the API function, which API Gateway is allowed to invoke
 * @param functionTimeoutSeconds required; the integration waits one second longer, at most API Gateway's 30 s
 * @param userPool               required; the Cognito pool whose tokens the JWT authorizer trusts
 * @param logKeyArn              required; the KMS key of the access-log group
 * @param logRetentionDays       required; how long access logs are kept
 * @param throttleRateLimit      required; the stage's steady requests per second
 * @param throttleBurstLimit     required; the stage's burst
 * @param healthThrottle         required; {@code GET /health}'s own steady rate and burst, apart from the stage's
 * @param customDomain           default none: clients use the execute-api endpoint; with one, {@code api.<domain>}
 */
public record RegionalApiArgs(String stackRole, Output<String> functionAliasArn, Output<String> functionName,
                              int functionTimeoutSeconds, UserPoolRef userPool, Output<String> logKeyArn,
                              int logRetentionDays, int throttleRateLimit, int throttleBurstLimit,
                              Optional<CustomDomain> customDomain, Throttle healthThrottle) {

    /** A route's steady requests per second and burst. */
    public record Throttle(int rateLimit, int burstLimit) {
    }
}
