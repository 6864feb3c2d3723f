package com.bookstore.infra.auth;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;

/**
 * What a {@link UserPoolKey} needs. Every field is required; the keys are always rotated yearly and deleted only
 * after a 30-day window.
 *
 * @param region       the primary key's region, the pool's
 * @param peerRegion   the replica key's region, the pool replica's
 * @param peerProvider the AWS provider of {@code peerRegion}
 * @param accountId    the account whose root administers the keys and whose user pools Cognito may encrypt with them
 */
public record UserPoolKeyArgs(String region, String peerRegion, Provider peerProvider, Output<String> accountId) {
}
