package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlanMocks;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.bookstore.infra.support.PlanEdits.editInputs;
import static com.bookstore.infra.support.PlanEdits.editType;
import static com.bookstore.infra.support.PlanEdits.set;
import static com.bookstore.infra.support.PlanEdits.with;
import static com.bookstore.infra.support.PlanEdits.withProviders;
import static com.bookstore.infra.support.PlanEdits.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule passes the real plans and catches a fixture that breaks it, naming the resource. */
class PolicyRulesTest {

    private static final PolicySet POLICIES = PolicySet.standard();

    @Test
    void bothPlansPassEveryRule() {
        assertEquals(List.of(), POLICIES.check(Plans.primary()));
        assertEquals(List.of(), POLICIES.check(Plans.secondary()));
    }

    @Test
    void unencryptedTableIsCaught() {
        Plan plan = editType(Plans.primary(), "aws:dynamodb/table:Table",
                inputs -> set(inputs, "serverSideEncryption.enabled", false));

        assertViolations(plan, "encryption-at-rest", "aws:dynamodb/table:Table::bookstore-tables-books",
                "serverSideEncryption.enabled must be true");
    }

    @Test
    void bucketWithoutDefaultEncryptionIsCaught() {
        Plan plan = without(Plans.primary(), r -> r.type().startsWith("aws:s3/bucketServerSideEncryptionConfigurationV2"));

        assertViolations(plan, "encryption-at-rest", "aws:s3/bucketV2:BucketV2::bookstore-storefront",
                "no BucketServerSideEncryptionConfigurationV2");
    }

    @Test
    void cacheWithoutTransitEncryptionIsCaught() {
        Plan plan = editType(Plans.primary(), "aws:elasticache/replicationGroup:ReplicationGroup",
                inputs -> inputs.put("transitEncryptionEnabled", false));

        assertViolations(plan, "encryption-at-rest", "aws:elasticache/replicationGroup:ReplicationGroup::bookstore-leaderboard",
                "transitEncryptionEnabled must be true");
    }

    @Test
    void logGroupWithoutKeyAndSecretWithoutKeyAreCaught() {
        Plan plan = editInputs(Plans.primary(), r -> r.name().equals("bookstore-api-access"),
                inputs -> inputs.remove("kmsKeyId"));
        plan = with(plan, new PlannedResource("aws:secretsmanager/secret:Secret", "blog-db", null, "eu-west-1",
                "aws-eu-west-1", "blog-db", Map.of("name", "blog-db")));

        assertViolations(plan, "encryption-at-rest", "aws:cloudwatch/logGroup:LogGroup::bookstore-api-access", "kmsKeyId must be set");
        assertViolations(plan, "encryption-at-rest", "aws:secretsmanager/secret:Secret::blog-db", "kmsKeyId must name");
    }

    @Test
    void bucketWithoutPublicAccessBlockIsCaught() {
        Plan plan = editType(Plans.secondary(), "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                inputs -> inputs.put("restrictPublicBuckets", false));

        assertViolations(plan, "s3-public-access-blocked", "aws:s3/bucketV2:BucketV2::bookstore-storefront",
                "restrictPublicBuckets");
    }

    @Test
    void bucketPolicyWithoutTlsDenialIsCaught() {
        Plan plan = editType(Plans.primary(), "aws:s3/bucketPolicy:BucketPolicy",
                inputs -> inputs.put("policy", String.valueOf(inputs.get("policy")).replace("\"false\"", "\"true\"")));

        assertViolations(plan, "s3-tls-only", "aws:s3/bucketV2:BucketV2::bookstore-storefront", "aws:SecureTransport");
    }

    @Test
    void wildcardActionAndWildcardResourceAreCaughtOutsideTheAllowList() {
        Plan plan = editInputs(Plans.primary(), r -> r.name().equals("bookstore-functions-api")
                        && r.type().equals("aws:iam/rolePolicy:RolePolicy"),
                inputs -> inputs.put("policy", String.valueOf(inputs.get("policy"))
                        .replace("\"dynamodb:Scan\"", "\"dynamodb:*\"")
                        .replace("\"arn:aws:dynamodb:eu-west-1:123456789012:table/bookstore-cart\"", "\"*\"")));

        assertViolations(plan, "iam-least-privilege", "aws:iam/rolePolicy:RolePolicy::bookstore-functions-api",
                "statement ReadCatalogue allows wildcard action(s) [dynamodb:*]");
        assertViolations(plan, "iam-least-privilege", "aws:iam/rolePolicy:RolePolicy::bookstore-functions-api",
                "statement ManageOwnCart allows");
    }

    @Test
    void kmsStarIsAllowedOnlyToTheAccountRootInAKeyPolicy() {
        Plan plan = editInputs(Plans.primary(), r -> r.name().equals("bookstore-logs") && r.type().equals("aws:kms/key:Key"),
                inputs -> inputs.put("policy", String.valueOf(inputs.get("policy"))
                        .replace("arn:aws:iam::123456789012:root", "arn:aws:iam::123456789012:role/someone")));

        assertViolations(plan, "iam-least-privilege", "aws:kms/key:Key::bookstore-logs",
                "statement AccountAdministersKey allows wildcard action(s) [kms:*]");
    }

    @Test
    void tableWithoutPitrOrDeletionProtectionIsCaught() {
        Plan plan = editInputs(Plans.primary(), r -> r.name().equals("bookstore-tables-orders"), inputs -> {
            set(inputs, "pointInTimeRecovery.enabled", false);
            inputs.put("deletionProtectionEnabled", false);
        });

        assertViolations(plan, "stateful-protection", "aws:dynamodb/table:Table::bookstore-tables-orders",
                "pointInTimeRecovery.enabled must be true");
        assertViolations(plan, "stateful-protection", "aws:dynamodb/table:Table::bookstore-tables-orders",
                "deletionProtectionEnabled must be true");
    }

    @Test
    void replicaWithoutPitrAndUnprotectedUserPoolAreCaught() {
        Plan secondary = editInputs(Plans.secondary(), r -> r.name().equals("bookstore-tables-cart"),
                inputs -> inputs.put("pointInTimeRecovery", false));
        Plan primary = editInputs(Plans.primary(), r -> "AWS::Cognito::UserPool".equals(r.inputs().get("typeName")),
                inputs -> inputs.put("desiredState", ((String) inputs.get("desiredState"))
                        .replace("\"DeletionProtection\":\"ACTIVE\"", "\"DeletionProtection\":\"INACTIVE\"")));

        assertViolations(secondary, "stateful-protection", "aws:dynamodb/tableReplica:TableReplica::bookstore-tables-cart",
                "pointInTimeRecovery must be true");
        assertViolations(primary, "stateful-protection", "aws:cloudcontrol/resource:Resource::bookstore-users",
                "DeletionProtection must be ACTIVE");
    }

    @Test
    void resourceWhoseProviderLacksDefaultTagsAndHasNoOwnTagsIsCaught() {
        Plan plan = withProviders(Plans.primary(), Plans.primary().providers().stream()
                .map(p -> p.region().equals("us-east-1") ? p
                        : new PlanMocks.ProviderConfig(p.name(), p.region(), Map.of("project", "bookstore")))
                .toList());

        assertViolations(plan, "required-tags", "aws:dynamodb/table:Table::bookstore-tables-books", "missing tag(s) [stack, role]");
        assertTrue(POLICIES.check(plan).stream().noneMatch(v -> v.resource().startsWith("aws:route53/record:Record")),
                "records are not taggable");
        assertTrue(POLICIES.check(plan).stream().noneMatch(v -> v.resource().contains("HealthCheck")),
                "the us-east-1 provider still tags");
    }

    @Test
    void lambdaWithoutTimeoutOrWithUnmanagedLogsIsCaught() {
        Plan plan = editInputs(Plans.primary(), r -> r.name().equals("bookstore-functions-bestsellers")
                && r.type().equals("aws:lambda/function:Function"), inputs -> {
            inputs.remove("timeout");
            set(inputs, "loggingConfig.logGroup", "/aws/lambda/elsewhere");
        });

        assertViolations(plan, "lambda-limits", "aws:lambda/function:Function::bookstore-functions-bestsellers",
                "timeout must be set explicitly");
        assertViolations(plan, "lambda-limits", "aws:lambda/function:Function::bookstore-functions-bestsellers",
                "logs to /aws/lambda/elsewhere, which this stack does not create");
    }

    @Test
    void logGroupWithoutRetentionIsCaught() {
        Plan plan = editInputs(Plans.primary(), r -> r.name().equals("bookstore-functions-api")
                && r.type().equals("aws:cloudwatch/logGroup:LogGroup"), inputs -> inputs.remove("retentionInDays"));

        assertViolations(plan, "lambda-limits", "aws:lambda/function:Function::bookstore-functions-api",
                "has no retentionInDays");
    }

    @Test
    void resourceOnTheDefaultProviderIsCaught() {
        Plan plan = with(Plans.primary(), new PlannedResource("aws:sqs/queue:Queue", "stray", null, null, null, "stray",
                Map.of("sqsManagedSseEnabled", true, "tags", Map.of("project", "p", "stack", "s", "role", "r"))));

        assertEquals(List.of(new Violation("explicit-region", "aws:sqs/queue:Queue::stray",
                "has no explicit provider, so its region is not known")), POLICIES.check(plan));
    }

    @Test
    void resilienceBudgetOverTheTargetIsCaught() {
        Plan plan = Plans.run(Plans.primaryConfig(Map.of("bookstore:rtoTargetSeconds", "60",
                "bookstore:rpoTargetSeconds", "1")), Map.of());

        assertViolations(plan, "resilience-budget", "stack primary", "RTO budget 90 s exceeds bookstore:rtoTargetSeconds 60 s");
        assertViolations(plan, "resilience-budget", "stack primary", "RPO budget 5 s exceeds bookstore:rpoTargetSeconds 1 s");
    }

    @Test
    void taggabilityIsReadFromTheProviderSdk() {
        assertTrue(RequiredTags.taggable("aws:s3/bucketV2:BucketV2"));
        assertTrue(RequiredTags.taggable("aws:lambda/function:Function"));
        assertTrue(!RequiredTags.taggable("aws:route53/record:Record"));
        assertTrue(!RequiredTags.taggable("aws:iam/rolePolicy:RolePolicy"));
    }

    private static void assertViolations(Plan plan, String rule, String resource, String messagePart) {
        List<Violation> violations = POLICIES.check(plan);
        assertTrue(violations.stream().anyMatch(v -> v.rule().equals(rule) && v.resource().equals(resource)
                        && v.message().contains(messagePart)),
                "expected " + rule + " on " + resource + " (" + messagePart + "), got " + violations);
    }
}
