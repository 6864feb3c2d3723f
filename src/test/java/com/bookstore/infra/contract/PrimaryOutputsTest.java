package com.bookstore.infra.contract;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlanFailedException;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrimaryOutputsTest {

    @Test
    void primaryExportsEveryFieldOfTheContract() {
        Plan primary = Plans.primary();

        assertTrue(primary.outputs().keySet().containsAll(PrimaryOutputs.names()), primary.outputs().keySet().toString());
        assertEquals("eu-west-1", primary.outputs().get("primaryRegion"));
    }

    @Test
    void primaryExportsFeedTheSecondarysResources() {
        Map<String, Object> exported = new HashMap<>(Plans.primary().outputs());
        exported.put("ordersTableArn", "arn:aws:dynamodb:eu-west-1:123456789012:table/round-trip-orders");
        exported.put("distributionArn", "arn:aws:cloudfront::123456789012:distribution/ROUNDTRIP");
        exported.put("userPoolClientId", "round-trip-client");

        Plan secondary = Plans.run(Plans.secondaryConfig(Map.of()), exported);

        assertTrue(secondary.ofType("aws:dynamodb/tableReplica:TableReplica").stream()
                .anyMatch(r -> exported.get("ordersTableArn").equals(input(r, "globalTableArn"))));
        assertTrue(String.valueOf(input(Plans.named(secondary, "aws:s3/bucketPolicy:BucketPolicy", "bookstore-storefront"), "policy"))
                .contains("distribution/ROUNDTRIP"));
        assertEquals(java.util.List.of("round-trip-client"),
                input(Plans.one(secondary, "aws:apigatewayv2/authorizer:Authorizer"), "jwtConfiguration.audiences"));
    }

    @Test
    void secondaryStopsNamingEveryMissingOutput() {
        Map<String, Object> exported = new HashMap<>(Plans.primary().outputs());
        exported.remove("cartTableArn");
        exported.remove("userPoolId");

        var failure = assertThrows(PlanFailedException.class, () -> Plans.run(Plans.secondaryConfig(Map.of()), exported));

        assertTrue(failure.getMessage().contains("cartTableArn is missing"), failure.getMessage());
        assertTrue(failure.getMessage().contains("userPoolId is missing"), failure.getMessage());
    }

    @Test
    void mistypedOutputsAreNamedTogether() {
        Map<String, Object> outputs = new HashMap<>();
        PrimaryOutputs.names().forEach(name -> outputs.put(name, "arn:aws:placeholder"));
        outputs.put("primaryRegion", "us-west-2");
        outputs.put("booksTableArn", 42.0);
        outputs.put("distributionArn", "not-an-arn");

        var failure = assertThrows(ContractException.class, () -> PrimaryOutputs.validate(outputs, "eu-west-1"));

        assertTrue(failure.getMessage().contains("booksTableArn should be a string, got Double 42.0"), failure.getMessage());
        assertTrue(failure.getMessage().contains("distributionArn should be an ARN, got 'not-an-arn'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("primaryRegion is us-west-2 but this stack's bookstore:peerRegion is eu-west-1"),
                failure.getMessage());
    }

    @Test
    void bothStacksNameTheSecondaryBucketWithTheSameFunction() {
        Plan primary = Plans.primary();
        Plan secondary = Plans.secondary();

        assertTrue(String.valueOf(input(Plans.one(primary, "aws:cloudfront/distribution:Distribution"), "origins"))
                .contains(secondary.outputs().get("uiBucketName") + ".s3.ap-southeast-1.amazonaws.com"));
    }
}
