package com.bookstore.infra.firewall;

import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclAssociationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionBlockArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionBlockCustomResponseArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionNoneArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCountArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementCustomKeyArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementCustomKeyHeaderArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementCustomKeyHeaderTextTransformationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleVisibilityConfigArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An AWS WAF web ACL (docs/security.md#edge-waf): rate-based rules per client address and per bearer token that
 * answer 429, then AWS managed rule groups; everything else is allowed. Regional resources are associated here; a
 * CloudFront distribution names the ACL itself. Every rule keeps CloudWatch metrics and sampled requests.
 */
public final class WebFirewall extends ComponentResource {

    /** The WCUs a web ACL has at the basic price (AWS WAF Developer Guide, "Web ACL capacity units"). */
    public static final int BASIC_CAPACITY = 1500;
    /** A rate-based rule's base cost (ibid., "Rate-based rule statement"). */
    static final int RATE_RULE_CAPACITY = 2;
    /** Too many requests: what a client over a rate limit gets, as API Gateway's own throttling answers. */
    static final int TOO_MANY_REQUESTS = 429;

    public final Output<String> arn;

    public WebFirewall(String name, WebFirewallArgs args, ComponentResourceOptions options) {
        super("bookstore:firewall:WebFirewall", name, options);
        requireBasicCapacity(name, args);
        List<WebAclRuleArgs> rules = new ArrayList<>();
        var rates = args.rates();
        rules.add(rateRule(name + "-per-ip", rules.size(), WebAclRuleStatementRateBasedStatementArgs.builder()
                .aggregateKeyType("IP")
                .limit(rates.perClientIp())
                .evaluationWindowSec(rates.windowSeconds())
                .build()));
        rates.perBearerToken().ifPresent(limit -> rules.add(rateRule(name + "-per-token", rules.size(),
                WebAclRuleStatementRateBasedStatementArgs.builder()
                        .aggregateKeyType("CUSTOM_KEYS")
                        .customKeys(WebAclRuleStatementRateBasedStatementCustomKeyArgs.builder()
                                .header(WebAclRuleStatementRateBasedStatementCustomKeyHeaderArgs.builder()
                                        .name("authorization")
                                        .textTransformations(WebAclRuleStatementRateBasedStatementCustomKeyHeaderTextTransformationArgs.builder()
                                                .priority(0).type("NONE").build())
                                        .build())
                                .build())
                        .limit(limit)
                        .evaluationWindowSec(rates.windowSeconds())
                        .build())));
        for (ManagedRuleGroup group : args.ruleGroups()) {
            rules.add(managedRule(name + "-" + group.ruleGroupName, rules.size(), group));
        }

        var acl = new WebAcl(name, WebAclArgs.builder()
                .name(name)
                .description(args.description())
                .scope(args.scope())
                .defaultAction(WebAclDefaultActionArgs.builder().allow(WebAclDefaultActionAllowArgs.builder().build()).build())
                .rules(rules)
                .visibilityConfig(WebAclVisibilityConfigArgs.builder()
                        .cloudwatchMetricsEnabled(true).metricName(name).sampledRequestsEnabled(true).build())
                .build(), CustomResourceOptions.builder().parent(this).build());
        for (int i = 0; i < args.protectedArns().size(); i++) {
            new WebAclAssociation(name + "-association-" + i, WebAclAssociationArgs.builder()
                    .resourceArn(args.protectedArns().get(i))
                    .webAclArn(acl.arn())
                    .build(), CustomResourceOptions.builder().parent(this).build());
        }
        this.arn = acl.arn();
        registerOutputs(Map.of("arn", arn));
    }

    /** Refuses an ACL over the basic capacity, which AWS would bill extra for (or refuse past 5,000). */
    static void requireBasicCapacity(String name, WebFirewallArgs args) {
        int capacity = capacity(args);
        if (capacity > BASIC_CAPACITY) {
            throw new IllegalArgumentException(name + " needs " + capacity + " WCUs; a web ACL has " + BASIC_CAPACITY
                    + " at the basic price");
        }
    }

    /** The WCUs the ACL's rules take: the managed groups' fixed capacities and the rate rules' base cost. */
    static int capacity(WebFirewallArgs args) {
        int rateRules = args.rates().perBearerToken().isPresent() ? 2 : 1;
        return rateRules * RATE_RULE_CAPACITY + args.ruleGroups().stream().mapToInt(group -> group.capacity).sum();
    }

    private static WebAclRuleArgs rateRule(String metric, int priority, WebAclRuleStatementRateBasedStatementArgs rate) {
        return WebAclRuleArgs.builder()
                .name(metric)
                .priority(priority)
                .action(WebAclRuleActionArgs.builder()
                        .block(WebAclRuleActionBlockArgs.builder()
                                .customResponse(WebAclRuleActionBlockCustomResponseArgs.builder()
                                        .responseCode(TOO_MANY_REQUESTS).build())
                                .build())
                        .build())
                .statement(WebAclRuleStatementArgs.builder().rateBasedStatement(rate).build())
                .visibilityConfig(visibility(metric))
                .build();
    }

    private static WebAclRuleArgs managedRule(String metric, int priority, ManagedRuleGroup group) {
        var statement = WebAclRuleStatementManagedRuleGroupStatementArgs.builder()
                .vendorName("AWS")
                .name(group.ruleGroupName)
                .ruleActionOverrides(group.countOnly.stream()
                        .map(rule -> WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideArgs.builder()
                                .name(rule)
                                .actionToUse(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseArgs.builder()
                                        .count(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCountArgs.builder().build())
                                        .build())
                                .build())
                        .toList());
        return WebAclRuleArgs.builder()
                .name(metric)
                .priority(priority)
                // "none": the group's own actions apply (a managed group takes an override action, not an action).
                .overrideAction(WebAclRuleOverrideActionArgs.builder()
                        .none(WebAclRuleOverrideActionNoneArgs.builder().build()).build())
                .statement(WebAclRuleStatementArgs.builder().managedRuleGroupStatement(statement.build()).build())
                .visibilityConfig(visibility(metric))
                .build();
    }

    private static WebAclRuleVisibilityConfigArgs visibility(String metric) {
        return WebAclRuleVisibilityConfigArgs.builder()
                .cloudwatchMetricsEnabled(true).metricName(metric).sampledRequestsEnabled(true).build();
    }
}
