package com.bookstore.infra.storage;

import com.bookstore.infra.security.PolicyJson;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An S3 bucket nobody reaches by accident: all public access blocked, ACLs off (bucket owner enforced),
 * versioned, encrypted by default (SSE-S3 or SSE-KMS) and a bucket policy that denies every request not made
 * over TLS. The only way in besides IAM is a {@link ServiceRead} the caller names: one AWS service reading objects
 * on behalf of one resource of this account.
 */
public final class PrivateBucket extends ComponentResource {

    /** The bucket's name (its id). */
    public final Output<String> bucketName;
    public final Output<String> arn;

    /** Default encryption of new objects. */
    public record Encryption(String algorithm, Optional<Output<String>> kmsKeyArn) {

        /** SSE-S3: readers such as CloudFront's Origin Access Control need no key grant. */
        public static Encryption s3Managed() {
            return new Encryption("AES256", Optional.empty());
        }

        /** SSE-KMS with a customer-managed key, whose policy then decides who can read. */
        public static Encryption kms(Output<String> keyArn) {
            return new Encryption("aws:kms", Optional.of(keyArn));
        }
    }

    /**
     * An AWS service principal ({@code cloudfront.amazonaws.com}) allowed {@code s3:GetObject}, only when it acts for
     * {@code sourceArn}: the condition keeps other accounts' use of the same service out (confused deputy).
     */
    public record ServiceRead(String sid, String servicePrincipal, Output<String> sourceArn) {
    }

    /**
     * Lifecycle: current objects expire after {@code days}, replaced versions after {@code noncurrentDays}.
     *
     * @param ruleId names the rule after why objects may go ({@code expire-old-executions})
     */
    public record Expiry(String ruleId, int days, int noncurrentDays) {
    }

    public PrivateBucket(String name, PrivateBucketArgs args, ComponentResourceOptions options) {
        super("bookstore:storage:PrivateBucket", name, options);
        var bucket = new BucketV2(name, BucketV2Args.builder().bucket(args.bucketName())
                .forceDestroy(args.forceDestroy()).build(), child());
        var publicAccess = new BucketPublicAccessBlock(name, BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), child());
        new BucketOwnershipControls(name, BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), child());
        new BucketServerSideEncryptionConfigurationV2(name, BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(encryptionRule(args.encryption()))
                .build(), child());
        var versioning = new BucketVersioningV2(name, BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder()
                        .status("Enabled").build())
                .build(), child());
        // S3 rejects a noncurrent-version rule until versioning is on.
        args.expiry().ifPresent(expiry -> new BucketLifecycleConfigurationV2(name,
                BucketLifecycleConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(expiryRule(expiry))
                        .build(), CustomResourceOptions.builder().parent(this).dependsOn(versioning).build()));
        // After the public access block, so a policy is never briefly in force without it.
        new BucketPolicy(name, BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(policy(bucket.arn(), args.serviceReads()))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(publicAccess).build());

        this.bucketName = bucket.id();
        this.arn = bucket.arn();
        registerOutputs(Map.of("bucketName", bucketName, "arn", arn));
    }

    /** The bucket's objects ({@code arn/*}), for grants. */
    public Output<String> objects() {
        return objects(arn);
    }

    private static Output<String> objects(Output<String> bucketArn) {
        return bucketArn.applyValue(a -> a + "/*");
    }

    private static BucketServerSideEncryptionConfigurationV2RuleArgs encryptionRule(Encryption encryption) {
        var byDefault = BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder()
                .sseAlgorithm(encryption.algorithm());
        var rule = BucketServerSideEncryptionConfigurationV2RuleArgs.builder();
        encryption.kmsKeyArn().ifPresent(key -> {
            byDefault.kmsMasterKeyId(key);
            // One data key per bucket rather than one KMS request per object.
            rule.bucketKeyEnabled(true);
        });
        return rule.applyServerSideEncryptionByDefault(byDefault.build()).build();
    }

    private static BucketLifecycleConfigurationV2RuleArgs expiryRule(Expiry expiry) {
        return BucketLifecycleConfigurationV2RuleArgs.builder()
                .id(expiry.ruleId())
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(expiry.days()).build())
                .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                        .noncurrentDays(expiry.noncurrentDays()).build())
                // Parts of an upload that never finished are billed but invisible: drop them after a day.
                .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs
                        .builder().daysAfterInitiation(1).build())
                .build();
    }

    private static Output<String> policy(Output<String> bucketArn, List<ServiceRead> reads) {
        Output<String> objects = objects(bucketArn);
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(PolicyJson.statement("DenyInsecureTransport", "Deny", List.of("s3:*"), List.of(bucketArn, objects),
                Map.of("Principal", "*",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))));
        for (ServiceRead read : reads) {
            statements.add(PolicyJson.statement(read.sid(), "Allow", List.of("s3:GetObject"), List.of(objects),
                    Map.of("Principal", Map.of("Service", read.servicePrincipal()),
                            "Condition", Map.of("StringEquals", Map.of("AWS:SourceArn", read.sourceArn())))));
        }
        return PolicyJson.document(statements);
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
