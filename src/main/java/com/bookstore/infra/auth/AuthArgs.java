package com.bookstore.infra.auth;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;

import java.util.Map;
import java.util.Optional;

/**
 * What an {@link Auth} user pool needs.
 *
 * @param region             required; the pool's (primary) region, which owns every write to the directory
 * @param peerRegion         required; the secondary's region, where the pool's read-only replica and key replica live
 * @param peerProvider       required; the AWS provider of {@code peerRegion}, for the key replica
 * @param accountId          required; the account whose root administers the pool's key and whose pools may use it
 * @param tags               required; the stack's tags, which the Cloud Control pool carries itself
 * @param deletionProtection the safe value is true (Cognito refuses to delete the pool); false only for a teardown
 * @param sesSender          default none: Cognito's built-in sender (about 50 e-mails a day per account, trials only)
 * @param refreshTokenValidityHours required; how long the storefront's refresh tokens last (docs/configuration.md)
 */
public record AuthArgs(String region, String peerRegion, Provider peerProvider, Output<String> accountId,
                       Map<String, String> tags, boolean deletionProtection, Optional<SesSender> sesSender,
                       int refreshTokenValidityHours) {

    public AuthArgs {
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
    }

    /** A verified SES identity Cognito sends as, from the shop's own address, optionally with a Reply-To. */
    public record SesSender(String identityArn, String fromAddress, Optional<String> replyTo) {
    }
}
