package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.bookstore.infra.support.PlanEdits.editInputs;
import static com.bookstore.infra.support.PlanEdits.editType;
import static com.bookstore.infra.support.PlanEdits.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** stateful-protection and lambda-limits for the cases PolicyRulesTest does not break: one violating resource each. */
class StatefulProtectionTest {

    private static final StatefulProtection RULE = new StatefulProtection();

    @Test
    void replicaWithoutDeletionProtectionIsCaught() {
        Plan plan = editInputs(Plans.secondary(), r -> r.name().equals("bookstore-tables-orders"),
                inputs -> inputs.put("deletionProtectionEnabled", false));

        List<Violation> violations = RULE.check(plan);
        assertEquals(1, violations.size(), violations.toString());
        assertEquals("aws:dynamodb/tableReplica:TableReplica::bookstore-tables-orders", violations.get(0).resource());
        assertTrue(violations.get(0).message().startsWith("deletionProtectionEnabled must be true"), violations.toString());
    }

    @Test
    void databaseClusterWithoutDeletionProtectionIsCaught() {
        Plan plan = editType(Plans.primary(), "aws:rds/cluster:Cluster", inputs -> inputs.put("deletionProtection", false));

        List<Violation> violations = RULE.check(plan);
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).resource().startsWith("aws:rds/cluster:Cluster::"));
        assertTrue(violations.get(0).message().startsWith("deletionProtection must be true"), violations.toString());
    }

    @Test
    void suspendedVersioningIsCaught() {
        Plan plan = editType(Plans.primary(), "aws:s3/bucketVersioningV2:BucketVersioningV2",
                inputs -> set(inputs, "versioningConfiguration.status", "Suspended"));

        String problem = "needs a BucketVersioningV2 with status Enabled";
        assertEquals(List.of(new Violation("stateful-protection", "aws:s3/bucketV2:BucketV2::bookstore-shopper-runs", problem),
                new Violation("stateful-protection", "aws:s3/bucketV2:BucketV2::bookstore-storefront", problem)),
                RULE.check(plan));
    }

    @Test
    void logGroupWithZeroRetentionIsCaught() {
        Plan plan = editInputs(Plans.primary(), r -> r.name().equals("bookstore-functions-api")
                && r.type().equals("aws:cloudwatch/logGroup:LogGroup"), inputs -> inputs.put("retentionInDays", 0));

        assertEquals(List.of(new Violation("lambda-limits", "aws:lambda/function:Function::bookstore-functions-api",
                "its log group /aws/lambda/bookstore-api has no retentionInDays")), new LambdaLimits().check(plan));
    }
}
