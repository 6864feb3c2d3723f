package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.bookstore.infra.support.PlanEdits.editType;
import static com.bookstore.infra.support.PlanEdits.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** encryption-at-rest for the resource types PolicyRulesTest does not break: one violating resource each. */
class EncryptionAtRestTest {

    private static final EncryptionAtRest RULE = new EncryptionAtRest();

    @Test
    void cacheWithoutAtRestEncryptionIsCaught() {
        Plan plan = editType(Plans.primary(), "aws:elasticache/replicationGroup:ReplicationGroup",
                inputs -> inputs.put("atRestEncryptionEnabled", false));

        assertEquals(List.of(new Violation("encryption-at-rest",
                "aws:elasticache/replicationGroup:ReplicationGroup::bookstore-leaderboard", "atRestEncryptionEnabled must be true")),
                RULE.check(plan));
    }

    @Test
    void queueWithoutEitherEncryptionIsCaughtAndEitherOneSuffices() {
        Plan plan = with(with(with(Plans.primary(), resource("aws:sqs/queue:Queue", "plain", Map.of())),
                resource("aws:sqs/queue:Queue", "managed", Map.of("sqsManagedSseEnabled", true))),
                resource("aws:sqs/queue:Queue", "keyed", Map.of("kmsMasterKeyId", "alias/bookstore-queues")));

        assertEquals(List.of(new Violation("encryption-at-rest", "aws:sqs/queue:Queue::plain",
                "sqsManagedSseEnabled or kmsMasterKeyId must be set")), RULE.check(plan));
    }

    @Test
    void topicWithoutAKeyIsCaught() {
        Plan plan = with(Plans.primary(), resource("aws:sns/topic:Topic", "alerts", Map.of("kmsMasterKeyId", "")));

        assertEquals(List.of(new Violation("encryption-at-rest", "aws:sns/topic:Topic::alerts", "kmsMasterKeyId must be set")),
                RULE.check(plan));
    }

    @Test
    void anEncryptionConfigurationWithoutAnAlgorithmDoesNotCount() {
        Plan plan = editType(Plans.primary(),
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                inputs -> inputs.remove("rules"));

        String problem = "no BucketServerSideEncryptionConfigurationV2 sets a default algorithm for this bucket";
        assertEquals(List.of(new Violation("encryption-at-rest", "aws:s3/bucketV2:BucketV2::bookstore-shopper-runs", problem),
                new Violation("encryption-at-rest", "aws:s3/bucketV2:BucketV2::bookstore-storefront", problem)),
                RULE.check(plan));
    }

    private static PlannedResource resource(String type, String name, Map<String, Object> inputs) {
        return new PlannedResource(type, name, null, "eu-west-1", "aws-eu-west-1", name, inputs);
    }
}
