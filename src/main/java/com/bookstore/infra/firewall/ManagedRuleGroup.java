package com.bookstore.infra.firewall;

import java.util.List;

/**
 * The AWS managed rule groups the web ACLs use, with the capacity (WCUs) AWS WAF charges each against a web ACL's
 * 1,500 WCUs (AWS WAF Developer Guide, "AWS Managed Rules rule groups list": baseline, use-case specific and IP
 * reputation groups). Rules named in {@code countOnly} only count, where blocking would refuse legitimate traffic.
 */
public enum ManagedRuleGroup {
    /** Addresses Amazon threat intelligence lists as bots and attackers. */
    IP_REPUTATION("AWSManagedRulesAmazonIpReputationList", 25, List.of()),
    /** Request patterns known to exploit vulnerabilities (Log4j, Java deserialisation...). */
    KNOWN_BAD_INPUTS("AWSManagedRulesKnownBadInputsRuleSet", 200, List.of()),
    /** The OWASP-style core rule set (cross-site scripting, size limits, bad bots...). */
    COMMON("AWSManagedRulesCommonRuleSet", 700, List.of()),
    /**
     * The core rule set for the blog: editors post HTML articles larger than 8 KB, which its body XSS and size rules
     * would block; the WordPress and PHP groups still block exploits, and wp-admin is open to the admin network only.
     */
    COMMON_FOR_EDITORS("AWSManagedRulesCommonRuleSet", 700, List.of("SizeRestrictions_BODY", "CrossSiteScripting_BODY")),
    /** WordPress-specific exploits. */
    WORDPRESS("AWSManagedRulesWordPressRuleSet", 100, List.of()),
    /** PHP-specific exploits (WordPress runs on PHP). */
    PHP("AWSManagedRulesPHPRuleSet", 100, List.of());

    final String ruleGroupName;
    final int capacity;
    final List<String> countOnly;

    ManagedRuleGroup(String ruleGroupName, int capacity, List<String> countOnly) {
        this.ruleGroupName = ruleGroupName;
        this.capacity = capacity;
        this.countOnly = countOnly;
    }

    public String ruleGroupName() {
        return ruleGroupName;
    }
}
