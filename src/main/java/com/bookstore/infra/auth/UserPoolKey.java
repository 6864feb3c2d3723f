package com.bookstore.infra.auth;

import com.bookstore.infra.security.PolicyJson;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.kms.ReplicaKey;
import com.pulumi.aws.kms.ReplicaKeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * The user pool's customer-managed key: a multi-Region primary key in the pool's region and its replica in the
 * peer region, where the pool's replica decrypts with the same key material. Cognito requires a multi-Region key
 * available in every region of a replicated pool (API reference, KeyConfigurationType; developer guide,
 * "Multi-Region replication for user pools"). Both keys are billed as separate KMS keys (README, "What it costs").
 */
public final class UserPoolKey extends ComponentResource {

    /** Cognito's service principal, allowed to use the key for this account's pools only (unverified: docs/architecture.md). */
    static final String COGNITO = "cognito-idp.amazonaws.com";

    /** The primary key's ARN, the pool's {@code KeyConfiguration.KmsKeyArn}. */
    public final Output<String> arn;
    /** The replica key's ARN in the peer region (same key id, {@code mrk-...}). */
    public final Output<String> replicaArn;

    public UserPoolKey(String name, UserPoolKeyArgs args, ComponentResourceOptions options) {
        super("bookstore:auth:UserPoolKey", name, options);
        Output<String> policy = policy(args.accountId());
        var key = new Key(name, KeyArgs.builder()
                .description("Bookstore user pool (multi-Region, replicated to " + args.peerRegion() + ")")
                .multiRegion(true)
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(policy)
                .build(), CustomResourceOptions.builder().parent(this).build());
        new Alias(name, AliasArgs.builder()
                .name("alias/" + name)
                .targetKeyId(key.keyId())
                .build(), CustomResourceOptions.builder().parent(this).build());
        // The replica belongs to the primary stack too (one owner for the key's lifecycle), in the peer region.
        var replica = new ReplicaKey(name + "-replica", ReplicaKeyArgs.builder()
                .primaryKeyArn(key.arn())
                .description("Bookstore user pool (replica of the key in " + args.region() + ")")
                .deletionWindowInDays(30)
                .policy(policy)
                .build(), CustomResourceOptions.builder().parent(this).provider(args.peerProvider()).build());
        this.arn = key.arn();
        this.replicaArn = replica.arn();
        registerOutputs(Map.of("arn", arn, "replicaArn", replicaArn));
    }

    private static Output<String> policy(Output<String> accountId) {
        // As EncryptionKey: the account root keeps the key manageable; Cognito may use it for this account's pools.
        return PolicyJson.document(List.of(
                PolicyJson.statement("AccountAdministersKey", "Allow", List.of("kms:*"), List.of("*"),
                        Map.of("Principal", Map.of("AWS", accountId.applyValue(id -> "arn:aws:iam::" + id + ":root")))),
                PolicyJson.statement("CognitoEncryptsUserPool", "Allow",
                        List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"),
                        List.of("*"),
                        Map.of("Principal", Map.of("Service", COGNITO),
                                "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", accountId))))));
    }
}
