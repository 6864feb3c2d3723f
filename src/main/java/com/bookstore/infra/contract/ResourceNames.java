package com.bookstore.infra.contract;

import com.pulumi.core.Output;

/**
 * The physical names both stacks must agree on before the other stack exists (the secondary's UI bucket is
 * named in the primary's CloudFront origin group; a table keeps its name in every replica region). One
 * function per name, used by both stacks, instead of string literals repeated in places.
 */
public final class ResourceNames {

    private final String project;

    public ResourceNames(String project) {
        this.project = project;
    }

    /** A DynamoDB table; global tables keep one name across regions. */
    public String table(String logicalName) {
        return project + "-" + logicalName;
    }

    /** Per-region Lambda function names (functions are regional, so the names repeat across regions). */
    public String function(String logicalName) {
        return project + "-" + logicalName;
    }

    /**
     * The UI bucket of a region. Bucket names are global, so the account id keeps forks in other accounts
     * from colliding, and the region keeps the two stacks apart.
     */
    public Output<String> uiBucket(Output<String> accountId, String region) {
        return accountId.applyValue(account -> project + "-ui-" + account + "-" + region);
    }

    /** The regional S3 endpoint CloudFront uses as the origin of a bucket in {@code region}. */
    public Output<String> uiBucketRegionalDomain(Output<String> accountId, String region) {
        return uiBucket(accountId, region).applyValue(bucket -> bucket + ".s3." + region + ".amazonaws.com");
    }

    /** The failover name of the API: {@code api.<domain>}. */
    public static String apiHost(String domain) {
        return "api." + domain;
    }

    /**
     * The region's fault switch (docs/interfaces.md): while its value is {@code on} the region's {@code /health}
     * answers 503, so a drill moves traffic without breaking anything.
     */
    public String faultParameter() {
        return "/" + project + "/fault-injection";
    }

    /** The failover name of the blog: {@code blog.<domain>}. */
    public static String blogHost(String domain) {
        return "blog." + domain;
    }

    /** The storefront's name, served by CloudFront. */
    public static String storefrontHost(String domain) {
        return "www." + domain;
    }
}
