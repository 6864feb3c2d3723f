package com.bookstore.infra.storage;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.policy.EncryptionAtRest;
import com.bookstore.infra.policy.PolicySet;
import com.bookstore.infra.policy.PublicAccessBlocked;
import com.bookstore.infra.policy.StatefulProtection;
import com.bookstore.infra.policy.TlsOnlyBuckets;
import com.bookstore.infra.support.Plans;
import com.google.gson.Gson;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The component on its own: what a caller gets without asking, and what each setting adds. */
class PrivateBucketTest {

    private static final String BUCKET = "bookstore-test-123456789012-eu-west-1";
    private static final String ARN = "arn:aws:s3:::" + BUCKET;
    private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/test";
    private static final String DISTRIBUTION = "arn:aws:cloudfront::123456789012:distribution/ETEST";

    @Test
    void withNothingAskedTheBucketIsPrivateOwnerOnlyVersionedEncryptedAndTlsOnly() {
        Plan plan = plan(PrivateBucketArgs.of(Output.of(BUCKET), PrivateBucket.Encryption.s3Managed()));

        var block = Plans.one(plan, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
        for (String setting : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertEquals(true, input(block, setting), setting);
        }
        assertEquals("BucketOwnerEnforced", input(Plans.one(plan,
                "aws:s3/bucketOwnershipControls:BucketOwnershipControls"), "rule.objectOwnership"));
        assertEquals("Enabled", input(Plans.one(plan, "aws:s3/bucketVersioningV2:BucketVersioningV2"),
                "versioningConfiguration.status"));
        var encryption = Plans.one(plan,
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2");
        assertEquals("AES256", input(encryption, "rules.applyServerSideEncryptionByDefault.sseAlgorithm"));
        assertNull(input(encryption, "rules.bucketKeyEnabled"));
        assertEquals(List.of(Map.of("Sid", "DenyInsecureTransport", "Effect", "Deny", "Principal", "*",
                        "Action", List.of("s3:*"), "Resource", List.of(ARN, ARN + "/*"),
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))),
                statements(plan));
        assertTrue(plan.ofType("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2").isEmpty());
        assertTrue(plan.awsResources().stream().allMatch(r -> r.parent().equals("bookstore:storage:PrivateBucket::test")));
    }

    @Test
    void everyBucketRuleOfThePlanPassesOnTheDefaults() {
        Plan plan = plan(PrivateBucketArgs.of(Output.of(BUCKET), PrivateBucket.Encryption.s3Managed()));

        assertEquals(List.of(), new PolicySet(List.of(new PublicAccessBlocked(), new TlsOnlyBuckets(),
                new EncryptionAtRest(), new StatefulProtection())).check(plan));
    }

    @Test
    void kmsEncryptionUsesTheCallersKeyWithOneBucketKey() {
        Plan plan = plan(PrivateBucketArgs.of(Output.of(BUCKET), PrivateBucket.Encryption.kms(Output.of(KEY))));

        var encryption = Plans.one(plan,
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2");
        assertEquals("aws:kms", input(encryption, "rules.applyServerSideEncryptionByDefault.sseAlgorithm"));
        assertEquals(KEY, input(encryption, "rules.applyServerSideEncryptionByDefault.kmsMasterKeyId"));
        assertEquals(true, input(encryption, "rules.bucketKeyEnabled"));
    }

    @Test
    void aServiceReadLetsThatServiceGetObjectsOnlyForItsSourceAndKeepsTheTlsDenyFirst() {
        Plan plan = plan(PrivateBucketArgs.of(Output.of(BUCKET), PrivateBucket.Encryption.s3Managed())
                .readableBy(new PrivateBucket.ServiceRead("CloudFrontReadsObjects", "cloudfront.amazonaws.com",
                        Output.of(DISTRIBUTION))));

        List<Map<String, Object>> statements = statements(plan);

        assertEquals("DenyInsecureTransport", statements.get(0).get("Sid"));
        assertEquals(Map.of("Sid", "CloudFrontReadsObjects", "Effect", "Allow",
                "Principal", Map.of("Service", "cloudfront.amazonaws.com"),
                "Action", List.of("s3:GetObject"), "Resource", List.of(ARN + "/*"),
                "Condition", Map.of("StringEquals", Map.of("AWS:SourceArn", DISTRIBUTION))), statements.get(1));
        assertEquals(2, statements.size());
    }

    @Test
    void expiryDeletesOldObjectsOldVersionsAndAbandonedUploads() {
        Plan plan = plan(PrivateBucketArgs.of(Output.of(BUCKET), PrivateBucket.Encryption.s3Managed())
                .expiring(new PrivateBucket.Expiry("expire-old-things", 30, 7)));

        PlannedResource lifecycle = Plans.one(plan,
                "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2");

        assertEquals(BUCKET, input(lifecycle, "bucket"));
        assertEquals("expire-old-things", input(lifecycle, "rules.id"));
        assertEquals(30L, input(lifecycle, "rules.expiration.days"));
        assertEquals(7L, input(lifecycle, "rules.noncurrentVersionExpiration.noncurrentDays"));
        assertEquals(1L, input(lifecycle, "rules.abortIncompleteMultipartUpload.daysAfterInitiation"));
    }

    private static Plan plan(PrivateBucketArgs settings) {
        return Plans.of(ctx -> new PrivateBucket("test", settings, ComponentResourceOptions.builder().build()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Plan plan) {
        String policy = (String) input(Plans.one(plan, "aws:s3/bucketPolicy:BucketPolicy"), "policy");
        return (List<Map<String, Object>>) new Gson().fromJson(policy, Map.class).get("Statement");
    }
}
