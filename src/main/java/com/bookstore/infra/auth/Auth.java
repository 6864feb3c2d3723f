package com.bookstore.infra.auth;

import com.bookstore.contract.PasswordPolicy;
import com.google.gson.GsonBuilder;
import com.pulumi.aws.cloudcontrol.Resource;
import com.pulumi.aws.cloudcontrol.ResourceArgs;
import com.pulumi.aws.cognito.UserPoolClient;
import com.pulumi.aws.cognito.UserPoolClientArgs;
import com.pulumi.core.Output;
import com.pulumi.aws.cognito.inputs.UserPoolClientTokenValidityUnitsArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shoppers' identity: a Cognito user pool (email as the user name, deletion protection on, the Essentials
 * feature plan, the updated issuer, a multi-Region customer-managed key), its read-only replica in the peer region,
 * and a public app client for the storefront that signs in with {@code USER_PASSWORD_AUTH}. The primary stack
 * owns all of it; the secondary trusts the same issuer (docs/architecture.md#the-user-pool).
 *
 * <p>The pool and the replica go through Cloud Control: 6.83.0's typed {@code cognito.UserPool} lacks the issuer
 * and key configuration, and it has no user pool replica resource at all.
 */
public final class Auth extends ComponentResource {

    static final String POOL_TYPE = "AWS::Cognito::UserPool";
    static final String REPLICA_TYPE = "AWS::Cognito::UserPoolReplica";

    public final UserPoolRef userPool;

    public Auth(String name, AuthArgs args, ComponentResourceOptions options) {
        super("bookstore:auth:Auth", name, options);
        var key = new UserPoolKey(name + "-key", new UserPoolKeyArgs(args.region(), args.peerRegion(), args.peerProvider(),
                args.accountId()), ComponentResourceOptions.builder().parent(this).build());
        var pool = new Resource(name, ResourceArgs.builder()
                .typeName(POOL_TYPE)
                .desiredState(key.arn.applyValue(keyArn -> UserPoolDocument.json(name, args.deletionProtection(),
                        args.sesSender(), keyArn, args.tags())))
                .build(), child());
        Output<String> poolId = pool.id();
        var client = new UserPoolClient(name + "-storefront", UserPoolClientArgs.builder()
                .name(name + "-storefront")
                .userPoolId(poolId)
                // A browser cannot keep a secret; the storefront signs in with the user's password over TLS.
                .generateSecret(false)
                .explicitAuthFlows(List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"))
                .preventUserExistenceErrors("ENABLED")
                .enableTokenRevocation(true)
                // Short-lived: the storefront keeps tokens in localStorage (docs/ui.md#where-the-tokens-live).
                .refreshTokenValidity(args.refreshTokenValidityHours())
                .tokenValidityUnits(UserPoolClientTokenValidityUnitsArgs.builder().refreshToken("hours").build())
                .build(), child());
        // CreateUserPoolReplica: the same pool id served read-only in the peer region (sign-in, token refresh).
        // Cognito starts a replica INACTIVE; the deploy activates it (docs/architecture.md#the-user-pool), as
        // AWS::Cognito::UserPoolReplica has no status property. The replica's pool is encrypted with the key's
        // replica, which must exist first.
        new Resource(name + "-replica", ResourceArgs.builder()
                .typeName(REPLICA_TYPE)
                .desiredState(poolId.applyValue(id -> replicaDocument(id, args.peerRegion(), args.tags())))
                .build(), CustomResourceOptions.builder().parent(this)
                .dependsOn(List.of(key)).build());
        this.userPool = new UserPoolRef(args.region(), poolId, client.id(), UserPoolRef.updatedIssuer(args.region(), poolId),
                PasswordPolicy.SHOPPERS);
        registerOutputs(Map.of("userPoolId", poolId, "clientId", client.id(), "issuer", userPool.issuer(),
                "keyReplicaArn", key.replicaArn));
    }

    static String replicaDocument(String poolId, String region, Map<String, String> tags) {
        Map<String, Object> replica = new LinkedHashMap<>();
        replica.put("UserPoolId", poolId);
        replica.put("RegionName", region);
        replica.put("UserPoolTagsAtCreate", tags);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(replica);
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
