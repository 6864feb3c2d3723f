package com.bookstore.infra.security;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A customer-managed KMS key (rotated yearly) for the data a region keeps outside DynamoDB: log groups and the
 * alarm topic. AWS-managed keys cannot be granted to CloudWatch alarms, and a key of our own lets the log
 * encryption be seen and checked in the plan.
 */
public final class EncryptionKey extends ComponentResource {

    /** A service allowed to use the key for the account's own resources. */
    public enum ServiceUse {
        /** CloudWatch Logs encrypting this account's log groups in the key's region. */
        LOGS,
        /** CloudWatch alarms publishing to an encrypted SNS topic. */
        ALARMS
    }

    public final Output<String> arn;

    public EncryptionKey(String name, EncryptionKeyArgs args, ComponentResourceOptions options) {
        super("bookstore:security:EncryptionKey", name, options);
        var key = new Key(name, KeyArgs.builder()
                .description("Bookstore " + args.purpose())
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(policy(args.region(), args.accountId(), args.uses()))
                .build(), CustomResourceOptions.builder().parent(this).build());
        new Alias(name, AliasArgs.builder()
                .name("alias/" + args.aliasName())
                .targetKeyId(key.keyId())
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.arn = key.arn();
        registerOutputs(Map.of("arn", arn));
    }

    private static Output<String> policy(String region, Output<String> accountId, List<ServiceUse> uses) {
        List<Map<String, Object>> statements = new ArrayList<>();
        // A key policy's Resource "*" means this key. The account root keeps it manageable (AWS's default
        // key policy); without it a mistake in this document could lock the key for good.
        statements.add(PolicyJson.statement("AccountAdministersKey", "Allow", List.of("kms:*"), List.of("*"),
                Map.of("Principal", Map.of("AWS", accountId.applyValue(id -> "arn:aws:iam::" + id + ":root")))));
        for (ServiceUse use : uses) {
            switch (use) {
                case LOGS -> statements.add(PolicyJson.statement("CloudWatchLogsEncrypt", "Allow",
                        List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"),
                        List.of("*"),
                        Map.of("Principal", Map.of("Service", "logs." + region + ".amazonaws.com"),
                                "Condition", Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                                        accountId.applyValue(id -> "arn:aws:logs:" + region + ":" + id + ":log-group:*"))))));
                case ALARMS -> statements.add(PolicyJson.statement("CloudWatchAlarmsPublish", "Allow",
                        List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                        List.of("*"),
                        Map.of("Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                                "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", accountId)))));
            }
        }
        return PolicyJson.document(statements);
    }
}
