package com.bookstore.infra.firewall;

import com.bookstore.infra.config.ConfigSource;
import com.bookstore.infra.config.InvalidConfigException;
import com.bookstore.infra.config.StackSettings;
import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import com.pulumi.core.Output;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AWS WAF in front of what customers reach (docs/security.md#edge-waf), as the stacks deploy it. */
class WebFirewallTest {

    private static final String ACL = "aws:wafv2/webAcl:WebAcl";
    private static final String ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(PlannedResource acl) {
        return (List<Map<String, Object>>) input(acl, "rules");
    }

    private static Map<String, Object> rule(PlannedResource acl, String name) {
        return rules(acl).stream().filter(r -> name.equals(r.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(acl.name() + " has no rule " + name + ": " + rules(acl)));
    }

    private static List<Object> managedGroups(PlannedResource acl) {
        return rules(acl).stream().map(r -> input(new PlannedResource(ACL, "rule", null, null, null, null, r,
                List.of(), false), "statement.managedRuleGroupStatement.name")).filter(name -> name != null).toList();
    }

    @Test
    void cloudFrontsWebAclRateLimitsEachAddressAndEachBearerTokenAndRunsAwsBaselineGroups() {
        Plan plan = Plans.primary();

        var acl = Plans.named(plan, ACL, "bookstore-edge-waf");
        var distribution = Plans.one(plan, "aws:cloudfront/distribution:Distribution");

        assertEquals("CLOUDFRONT", input(acl, "scope"));
        assertEquals("us-east-1", acl.region(), "CLOUDFRONT-scope web ACLs are created in us-east-1");
        assertEquals("arn:aws:wafv2:us-east-1:123456789012:global/webacl/bookstore-edge-waf/" + acl.id(),
                input(distribution, "webAclId"));
        var perIp = rule(acl, "bookstore-edge-waf-per-ip");
        assertEquals(Map.of("aggregateKeyType", "IP", "limit", 2000, "evaluationWindowSec", 300),
                numbersAsInts((Map<?, ?>) input(ruleResource(perIp), "statement.rateBasedStatement")));
        assertEquals(429, ((Number) input(ruleResource(perIp), "action.block.customResponse.responseCode")).intValue());
        var perToken = ruleResource(rule(acl, "bookstore-edge-waf-per-token"));
        assertEquals("CUSTOM_KEYS", input(perToken, "statement.rateBasedStatement.aggregateKeyType"));
        assertEquals("authorization", input(perToken, "statement.rateBasedStatement.customKeys.header.name"));
        assertEquals(1000, ((Number) input(perToken, "statement.rateBasedStatement.limit")).intValue());
        assertEquals(List.of("AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesKnownBadInputsRuleSet",
                "AWSManagedRulesCommonRuleSet"), managedGroups(acl));
        assertEquals(List.of(0, 1, 2, 3, 4), rules(acl).stream().map(r -> ((Number) r.get("priority")).intValue()).toList());
        assertEquals(Map.of("allow", Map.of()), input(acl, "defaultAction"));
    }

    @Test
    void theUserPoolAndEachRegionsBlogLoadBalancerHaveRegionalWebAcls() {
        Plan primary = Plans.primary();
        Plan secondary = Plans.secondary();

        var users = Plans.named(primary, ACL, "bookstore-users-waf");
        var blog = Plans.named(primary, ACL, "bookstore-blog-waf");
        // The pool is a Cloud Control resource; its client names its id.
        Object poolId = input(Plans.one(primary, "aws:cognito/userPoolClient:UserPoolClient"), "userPoolId");

        assertEquals("REGIONAL", input(users, "scope"));
        assertEquals("eu-west-1", users.region());
        assertEquals("arn:aws:cognito-idp:eu-west-1:123456789012:userpool/" + poolId,
                input(Plans.named(primary, ASSOCIATION, "bookstore-users-waf-association-0"), "resourceArn"));
        assertEquals("arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/bookstore-users-waf/" + users.id(),
                input(Plans.named(primary, ASSOCIATION, "bookstore-users-waf-association-0"), "webAclArn"));
        assertTrue(String.valueOf(input(Plans.named(primary, ASSOCIATION, "bookstore-blog-waf-association-0"),
                "resourceArn")).startsWith("arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/"));
        assertEquals(List.of("AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesKnownBadInputsRuleSet",
                "AWSManagedRulesCommonRuleSet", "AWSManagedRulesWordPressRuleSet", "AWSManagedRulesPHPRuleSet"),
                managedGroups(blog));
        var common = ruleResource(rule(blog, "bookstore-blog-waf-AWSManagedRulesCommonRuleSet"));
        assertEquals(List.of(Map.of("name", "SizeRestrictions_BODY", "actionToUse", Map.of("count", Map.of())),
                        Map.of("name", "CrossSiteScripting_BODY", "actionToUse", Map.of("count", Map.of()))),
                input(common, "statement.managedRuleGroupStatement.ruleActionOverrides"), "editors post large HTML");
        // The secondary has its own blog load balancer but neither the pool nor the distribution.
        assertEquals(List.of("bookstore-blog-waf"), secondary.ofType(ACL).stream().map(PlannedResource::name).toList());
        assertEquals("ap-southeast-1", Plans.named(secondary, ACL, "bookstore-blog-waf").region());
    }

    @Test
    void everyWebAclFitsTheBasicCapacityAndOneThatWouldNotIsRefused() {
        var rates = new WebFirewallArgs.Rates(300, 2000, Optional.of(1000));
        var edge = new WebFirewallArgs(WebFirewallArgs.CLOUDFRONT, "edge", List.of(ManagedRuleGroup.IP_REPUTATION,
                ManagedRuleGroup.KNOWN_BAD_INPUTS, ManagedRuleGroup.COMMON), rates, List.of());
        var blog = new WebFirewallArgs(WebFirewallArgs.REGIONAL, "blog", List.of(ManagedRuleGroup.IP_REPUTATION,
                ManagedRuleGroup.KNOWN_BAD_INPUTS, ManagedRuleGroup.COMMON_FOR_EDITORS, ManagedRuleGroup.WORDPRESS,
                ManagedRuleGroup.PHP), rates, List.<Output<String>>of());

        assertEquals(2 + 2 + 25 + 200 + 700, WebFirewall.capacity(edge));
        assertEquals(2 + 2 + 25 + 200 + 700 + 100 + 100, WebFirewall.capacity(blog));
        var tooMuch = new WebFirewallArgs(WebFirewallArgs.REGIONAL, "x", List.of(ManagedRuleGroup.COMMON,
                ManagedRuleGroup.COMMON_FOR_EDITORS, ManagedRuleGroup.KNOWN_BAD_INPUTS), rates, List.of());
        WebFirewall.requireBasicCapacity("edge", edge);
        WebFirewall.requireBasicCapacity("blog", blog);
        var refused = assertThrows(IllegalArgumentException.class, () -> WebFirewall.requireBasicCapacity("x", tooMuch));
        assertTrue(refused.getMessage().contains("1604 WCUs"), refused.getMessage());
    }

    @Test
    void rateLimitsAndTheWindowComeFromConfigAndAWindowWafDoesNotOfferIsRefused() {
        Plan plan = Plans.run(Plans.primaryConfig(Map.of("bookstore:wafIpRateLimit", "500",
                "bookstore:wafTokenRateLimit", "200", "bookstore:wafRateWindowSeconds", "60")), Map.of());

        var acl = Plans.named(plan, ACL, "bookstore-edge-waf");
        assertEquals(500, ((Number) input(ruleResource(rule(acl, "bookstore-edge-waf-per-ip")), "statement.rateBasedStatement.limit")).intValue());
        assertEquals(200, ((Number) input(ruleResource(rule(acl, "bookstore-edge-waf-per-token")), "statement.rateBasedStatement.limit")).intValue());
        assertEquals(60, ((Number) input(ruleResource(rule(acl, "bookstore-edge-waf-per-ip")), "statement.rateBasedStatement.evaluationWindowSec")).intValue());
        var failure = assertThrows(InvalidConfigException.class, () -> StackSettings.parse(ConfigSource.of(
                Plans.primaryConfig(Map.of("bookstore:wafRateWindowSeconds", "90")))));
        assertTrue(failure.getMessage().contains("bookstore:wafRateWindowSeconds must be 60, 120, 300 or 600"),
                failure.getMessage());
    }

    private static PlannedResource ruleResource(Map<String, Object> rule) {
        return new PlannedResource(ACL, "rule", null, null, null, null, rule, List.of(), false);
    }

    private static Map<Object, Object> numbersAsInts(Map<?, ?> map) {
        Map<Object, Object> out = new java.util.HashMap<>();
        map.forEach((k, v) -> out.put(k, v instanceof Number n ? (Object) n.intValue() : v));
        return out;
    }
}
