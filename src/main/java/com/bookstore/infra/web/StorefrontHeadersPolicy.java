package com.bookstore.infra.web;

import com.bookstore.contract.SiteHeaders;
import com.bookstore.infra.region.ResourceOwner;
import com.pulumi.aws.cloudfront.ResponseHeadersPolicy;
import com.pulumi.aws.cloudfront.ResponseHeadersPolicyArgs;
import com.pulumi.aws.cloudfront.inputs.ResponseHeadersPolicySecurityHeadersConfigArgs;
import com.pulumi.aws.cloudfront.inputs.ResponseHeadersPolicySecurityHeadersConfigContentSecurityPolicyArgs;
import com.pulumi.aws.cloudfront.inputs.ResponseHeadersPolicySecurityHeadersConfigContentTypeOptionsArgs;
import com.pulumi.aws.cloudfront.inputs.ResponseHeadersPolicySecurityHeadersConfigFrameOptionsArgs;
import com.pulumi.aws.cloudfront.inputs.ResponseHeadersPolicySecurityHeadersConfigReferrerPolicyArgs;
import com.pulumi.aws.cloudfront.inputs.ResponseHeadersPolicySecurityHeadersConfigStrictTransportSecurityArgs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The storefront's response headers: the headers of AWS's managed SecurityHeadersPolicy plus the
 * Content-Security-Policy of {@code ui/site-headers.yaml} (which the managed policy lacks), filled with this
 * deployment's origins (docs/security.md#sessions-and-csp).
 */
final class StorefrontHeadersPolicy {

    /** CloudFront's quota on the Content-Security-Policy value (CloudFront Developer Guide, "Quotas"). */
    static final int MAX_POLICY_LENGTH = 1783;
    private static final int ONE_YEAR_SECONDS = 31_536_000;

    private StorefrontHeadersPolicy() {
    }

    /** {@code page}: the built index.html, whose inline style the policy allows by hash; absent before a build. */
    static ResponseHeadersPolicy create(String name, SiteHeaders headers, SiteHeaders.Origins origins, Path page,
                                        ResourceOwner owner) {
        String policy = headers.contentSecurityPolicy(origins, read(page));
        if (policy.length() > MAX_POLICY_LENGTH) {
            throw new IllegalStateException("the Content-Security-Policy has " + policy.length()
                    + " characters; CloudFront accepts " + MAX_POLICY_LENGTH);
        }
        return new ResponseHeadersPolicy(name + "-headers", ResponseHeadersPolicyArgs.builder()
                .name(name + "-headers")
                .comment("Bookstore storefront: security headers and Content-Security-Policy")
                .securityHeadersConfig(ResponseHeadersPolicySecurityHeadersConfigArgs.builder()
                        .contentSecurityPolicy(ResponseHeadersPolicySecurityHeadersConfigContentSecurityPolicyArgs.builder()
                                .contentSecurityPolicy(policy).override(true).build())
                        .strictTransportSecurity(ResponseHeadersPolicySecurityHeadersConfigStrictTransportSecurityArgs.builder()
                                .accessControlMaxAgeSec(ONE_YEAR_SECONDS).includeSubdomains(false).preload(false)
                                .override(true).build())
                        .contentTypeOptions(ResponseHeadersPolicySecurityHeadersConfigContentTypeOptionsArgs.builder()
                                .override(true).build())
                        // DENY agrees with the policy's frame-ancestors 'none' (older browsers read only this one).
                        .frameOptions(ResponseHeadersPolicySecurityHeadersConfigFrameOptionsArgs.builder()
                                .frameOption("DENY").override(true).build())
                        .referrerPolicy(ResponseHeadersPolicySecurityHeadersConfigReferrerPolicyArgs.builder()
                                .referrerPolicy("strict-origin-when-cross-origin").override(true).build())
                        .build())
                .build(), owner.child());
    }

    private static String read(Path page) {
        if (!Files.isRegularFile(page)) {
            return "";
        }
        try {
            return Files.readString(page);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + page, e);
        }
    }
}
