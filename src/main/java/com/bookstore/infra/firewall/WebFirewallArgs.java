package com.bookstore.infra.firewall;

import com.pulumi.core.Output;

import java.util.List;
import java.util.Optional;

/**
 * What a {@link WebFirewall} protects and how. The limits come from config (docs/configuration.md gives defaults).
 *
 * @param scope          required; {@code CLOUDFRONT} (the provider must be us-east-1) or {@code REGIONAL}
 * @param description    required; what the web ACL fronts, in its description
 * @param ruleGroups     required; the AWS managed rule groups, evaluated in this order after the rate rules
 * @param rates          required; the rate-based rules
 * @param protectedArns  default none: a CloudFront distribution names its web ACL itself; regional resources
 *                       (a user pool, a load balancer) are associated here
 */
public record WebFirewallArgs(String scope, String description, List<ManagedRuleGroup> ruleGroups, Rates rates,
                              List<Output<String>> protectedArns) {

    public static final String CLOUDFRONT = "CLOUDFRONT";
    public static final String REGIONAL = "REGIONAL";

    public WebFirewallArgs {
        if (!scope.equals(CLOUDFRONT) && !scope.equals(REGIONAL)) {
            throw new IllegalArgumentException("scope is CLOUDFRONT or REGIONAL, not " + scope);
        }
        ruleGroups = List.copyOf(ruleGroups);
        protectedArns = List.copyOf(protectedArns);
    }

    /**
     * Rate-based rules, each counting over the same window. A client over a limit gets 429 until its rate falls.
     *
     * @param windowSeconds   60, 120, 300 or 600 (what AWS WAF offers)
     * @param perClientIp     requests per window from one address
     * @param perBearerToken  default none; requests per window carrying one {@code Authorization} value (a signed-in
     *                        shopper on many addresses); requests without the header are not counted by it
     */
    public record Rates(int windowSeconds, int perClientIp, Optional<Integer> perBearerToken) {
    }
}
