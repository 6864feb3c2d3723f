package com.bookstore.infra.pipeline;

import com.bookstore.infra.region.RegionContext;
import com.bookstore.infra.security.EncryptionKey;
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

import java.util.List;
import java.util.Map;

/**
 * Where the pipelines keep what passes between stages (SourceOutput, BuildOutput, deploy outputs) and the builds'
 * caches: a private, versioned bucket, encrypted with a customer-managed key that also encrypts the pipeline's
 * logs, readable only over TLS, and emptied of old executions' artifacts by a lifecycle rule.
 */
public final class PipelineArtifacts extends ComponentResource {

    /** Long enough to re-run or inspect a month of executions; the bytes deployed are recorded in git. */
    static final int ARTIFACT_DAYS = 30;
    /** The builds' S3 caches live under this prefix, one folder per project. */
    static final String CACHE_PREFIX = "cache/";

    public final Output<String> bucketName;
    public final Output<String> bucketArn;
    /** Encrypts the artifacts (SSE-KMS) and the pipeline's log groups. */
    public final Output<String> keyArn;

    public PipelineArtifacts(String name, RegionContext region, ComponentResource parent) {
        super("bookstore:pipeline:PipelineArtifacts", name,
                ComponentResourceOptions.builder().parent(parent).providers(region.providers().home()).build());
        // The pipeline lives in the primary only, so its name is a unique alias in the account and region.
        var key = new EncryptionKey(name, name, "pipeline artifacts and logs", region.region(), region.accountId(),
                List.of(EncryptionKey.ServiceUse.LOGS), ComponentResourceOptions.builder().parent(this).build());
        // Bucket names are global: the account and region keep forks and regions apart, as for the UI buckets.
        Output<String> physicalName = region.accountId().applyValue(account -> name + "-" + account + "-" + region.region());
        var bucket = new BucketV2(name, BucketV2Args.builder().bucket(physicalName).build(), child());
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
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(
                                BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                        .builder().sseAlgorithm("aws:kms").kmsMasterKeyId(key.arn).build())
                        // One data key per bucket rather than one KMS request per object.
                        .bucketKeyEnabled(true)
                        .build())
                .build(), child());
        var versioning = new BucketVersioningV2(name, BucketVersioningV2Args.builder()
                .bucket(bucket.id())
                .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder()
                        .status("Enabled").build())
                .build(), child());
        new BucketLifecycleConfigurationV2(name, BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                        .id("expire-old-executions")
                        .status("Enabled")
                        .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                        .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                                .days(ARTIFACT_DAYS).build())
                        .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs
                                .builder().noncurrentDays(7).build())
                        .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs
                                .builder().daysAfterInitiation(1).build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(versioning).build());
        new BucketPolicy(name, BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(bucketPolicy(bucket.arn()))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(publicAccess).build());

        this.bucketName = bucket.id();
        this.bucketArn = bucket.arn();
        this.keyArn = key.arn;
        registerOutputs(Map.of("bucketName", bucketName, "bucketArn", bucketArn, "keyArn", keyArn));
    }

    /** The bucket's objects, for role grants. */
    public Output<String> objects() {
        return bucketArn.applyValue(arn -> arn + "/*");
    }

    /** The S3 cache location of one build project ({@code bucket/cache/<project>}). */
    public Output<String> cacheLocation(String project) {
        return bucketName.applyValue(bucket -> bucket + "/" + CACHE_PREFIX + project);
    }

    private static Output<String> bucketPolicy(Output<String> bucketArn) {
        Output<String> objects = bucketArn.applyValue(arn -> arn + "/*");
        return PolicyJson.document(List.of(
                PolicyJson.statement("DenyInsecureTransport", "Deny", List.of("s3:*"), List.of(bucketArn, objects),
                        Map.of("Principal", "*",
                                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))));
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
