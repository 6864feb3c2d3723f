package com.bookstore.infra.auth;

import java.util.Optional;

/**
 * What an {@link Auth} user pool needs.
 *
 * @param region             required; the pool's region, which the storefront signs in to
 * @param deletionProtection the safe value is true (Cognito refuses to delete the pool); false only for a teardown
 * @param sesSender          default none: Cognito's built-in sender (about 50 e-mails a day per account, trials only)
 * @param refreshTokenValidityHours required; how long the storefront's refresh tokens last (docs/configuration.md)
 */
public record AuthArgs(String region, boolean deletionProtection, Optional<SesSender> sesSender,
                       int refreshTokenValidityHours) {

    /** A verified SES identity Cognito sends as, from the shop's own address, optionally with a Reply-To. */
    public record SesSender(String identityArn, String fromAddress, Optional<String> replyTo) {
    }
}
