package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Data at rest is encrypted: tables (SSE with KMS), buckets (a default-encryption configuration), caches (at
 * rest and in transit), secrets (a KMS key, so replicas in the other region can be read), log groups (a KMS
 * key), queues and topics. DynamoDB replicas inherit the global table's encryption.
 */
public final class EncryptionAtRest implements PolicyRule {

    @Override
    public String id() {
        return "encryption-at-rest";
    }

    @Override
    public List<Violation> check(Plan plan) {
        List<Violation> violations = new ArrayList<>();
        Set<Object> encryptedBuckets = plan.ofType("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2")
                .stream()
                .filter(c -> Inputs.string(c, "rules.applyServerSideEncryptionByDefault.sseAlgorithm").isPresent())
                .map(c -> Inputs.at(c, "bucket").orElse(""))
                .collect(Collectors.toSet());
        for (PlannedResource r : plan.resources()) {
            switch (r.type()) {
                case "aws:dynamodb/table:Table" -> require(violations, r, Inputs.isTrue(r, "serverSideEncryption.enabled"),
                        "serverSideEncryption.enabled must be true");
                case "aws:s3/bucketV2:BucketV2" -> require(violations, r, encryptedBuckets.contains(r.id()),
                        "no BucketServerSideEncryptionConfigurationV2 sets a default algorithm for this bucket");
                case "aws:elasticache/replicationGroup:ReplicationGroup" -> {
                    require(violations, r, Inputs.isTrue(r, "atRestEncryptionEnabled"), "atRestEncryptionEnabled must be true");
                    require(violations, r, Inputs.isTrue(r, "transitEncryptionEnabled"), "transitEncryptionEnabled must be true");
                }
                case "aws:secretsmanager/secret:Secret" -> require(violations, r, Inputs.string(r, "kmsKeyId").isPresent(),
                        "kmsKeyId must name a customer-managed key");
                case "aws:cloudwatch/logGroup:LogGroup" -> require(violations, r, Inputs.string(r, "kmsKeyId").isPresent(),
                        "kmsKeyId must be set");
                case "aws:sqs/queue:Queue" -> require(violations, r,
                        Inputs.isTrue(r, "sqsManagedSseEnabled") || Inputs.string(r, "kmsMasterKeyId").isPresent(),
                        "sqsManagedSseEnabled or kmsMasterKeyId must be set");
                case "aws:sns/topic:Topic" -> require(violations, r, Inputs.string(r, "kmsMasterKeyId").isPresent(),
                        "kmsMasterKeyId must be set");
                default -> {
                }
            }
        }
        return violations;
    }

    private void require(List<Violation> violations, PlannedResource r, boolean ok, String message) {
        if (!ok) {
            violations.add(new Violation(id(), r.key(), message));
        }
    }
}
