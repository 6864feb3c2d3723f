package com.bookstore.infra.auth;

import com.bookstore.infra.recovery.ServiceModel;
import com.bookstore.infra.support.Plans;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The user pool and its replica, as Cloud Control will request them, against Cognito's published API model
 * (botocore's cognito-idp, pinned in scripts/python-requirements.txt): CloudFormation's properties are
 * CreateUserPool's and CreateUserPoolReplica's members except for the renamed ones.
 */
class UserPoolRequestTest {

    static final ServiceModel MODEL = ServiceModel.botocore("cognito-idp");

    @Test
    void thePoolTheStackDeploysIsAValidCreateUserPoolRequest() {
        JsonObject request = createUserPool(Plans.primary());

        assertEquals(List.of(), MODEL.problems(MODEL.inputOf("CreateUserPool"), request));
        assertEquals("ESSENTIALS", request.get("UserPoolTier").getAsString());
    }

    @Test
    void theReplicaTheStackDeploysIsAValidCreateUserPoolReplicaRequest() {
        JsonObject request = createUserPoolReplica(Plans.primary());

        assertEquals(List.of(), MODEL.problems(MODEL.inputOf("CreateUserPoolReplica"), request));
    }

    @Test
    void brokenPoolsFailTheServiceModel() {
        java.util.Map<String, java.util.function.Consumer<JsonObject>> breakages = new java.util.LinkedHashMap<>();
        breakages.put("'FREE' is not one of", pool -> pool.addProperty("UserPoolTier", "FREE"));
        breakages.put("'MULTI_REGION' is not one of", pool -> pool.getAsJsonObject("IssuerConfiguration")
                .addProperty("Type", "MULTI_REGION"));
        breakages.put("'MANAGED' is not one of", pool -> pool.getAsJsonObject("KeyConfiguration")
                .addProperty("KeyType", "MANAGED"));
        breakages.put("unknown member 'KmsKeyId'", pool -> pool.getAsJsonObject("KeyConfiguration")
                .addProperty("KmsKeyId", "alias/bookstore-users-key"));
        breakages.forEach((expected, breakage) -> {
            JsonObject request = createUserPool(Plans.primary());
            breakage.accept(request);
            List<String> problems = MODEL.problems(MODEL.inputOf("CreateUserPool"), request);
            assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), expected + " not among " + problems);
        });
    }

    /** CloudFormation's AWS::Cognito::UserPool properties as CreateUserPool's request: UserPoolName is PoolName. */
    static JsonObject createUserPool(com.bookstore.infra.plan.Plan plan) {
        JsonObject pool = desiredState(plan, Auth.POOL_TYPE);
        pool.add("PoolName", pool.remove("UserPoolName"));
        return pool;
    }

    /** AWS::Cognito::UserPoolReplica as CreateUserPoolReplica's request: UserPoolTagsAtCreate is UserPoolTags. */
    static JsonObject createUserPoolReplica(com.bookstore.infra.plan.Plan plan) {
        JsonObject replica = desiredState(plan, Auth.REPLICA_TYPE);
        replica.add("UserPoolTags", replica.remove("UserPoolTagsAtCreate"));
        return replica;
    }

    private static JsonObject desiredState(com.bookstore.infra.plan.Plan plan, String typeName) {
        return JsonParser.parseString((String) Plans.cloudControl(plan, typeName).inputs().get("desiredState")).getAsJsonObject();
    }
}
