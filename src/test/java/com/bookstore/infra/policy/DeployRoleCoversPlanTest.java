package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.bookstore.infra.support.PlanEdits.editInputs;
import static com.bookstore.infra.support.PlanEdits.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deploy role of each stack can create, read back, update, tag and delete everything its plan holds, under its
 * permissions boundary. The regression fixture is the deploy roles' managed policies as they were before CloudFront
 * Functions, Aurora and Container Insights log groups and the EFS uploads replica were granted (resources/iam/).
 */
class DeployRoleCoversPlanTest {

    private static final String POLICY = "aws:iam/policy:Policy";
    private static final Map<String, String> PIPELINE = Map.of(
            "bookstore:pipelineRepository", "acme/bookstore",
            "bookstore:pipelineBackendUrl", "s3://acme-pulumi-state?region=eu-west-1",
            "bookstore:pipelineSecretsProvider", "awskms://alias/bookstore-pulumi?region=eu-west-1");

    @Test
    void bothStacksWithTheBlogAreCoveredByTheirDeployRoles() {
        Plan primary = Plans.primaryWithPipeline();

        assertEquals(List.of(), new DeployRoleCoversPlan().check(primary));
        assertEquals(List.of(), DeployRoleCoversPlan.check(Plans.secondary(), primary));
    }

    @Test
    void bothStacksWithoutTheBlogAreCoveredByTheirDeployRoles() {
        Map<String, String> off = new java.util.HashMap<>(PIPELINE);
        off.put("bookstore:blog", "off");
        Plan primary = Plans.run(Plans.primaryConfig(off), Map.of());
        Plan secondary = Plans.run(Plans.secondaryConfig(Map.of("bookstore:blog", "off")), primary.outputs());

        assertTrue(primary.ofType("aws:rds/cluster:Cluster").isEmpty());
        assertEquals(List.of(), new DeployRoleCoversPlan().check(primary));
        assertEquals(List.of(), DeployRoleCoversPlan.check(secondary, primary));
    }

    @Test
    void theDeployPoliciesAsShippedBeforeMissFunctionsLogGroupsAndTheUploadsReplica() throws IOException {
        Plan before = withManagedPoliciesBefore(Plans.primaryWithPipeline());

        List<Violation> primary = new DeployRoleCoversPlan().check(before);
        List<Violation> secondary = DeployRoleCoversPlan.check(Plans.secondary(), before);

        assertDenied(primary, "aws:cloudfront/function:Function::bookstore-storefront-client-routes",
                "create: arn:aws:cloudfront::123456789012:function/bookstore-storefront-client-routes "
                        + "[cloudfront:CreateFunction, cloudfront:PublishFunction]");
        for (String group : List.of("bookstore-blog-db-error", "bookstore-blog-db-slowquery", "bookstore-blog-insights")) {
            assertDenied(primary, "aws:cloudwatch/logGroup:LogGroup::" + group, "logs:CreateLogGroup");
            assertDenied(secondary, "aws:cloudwatch/logGroup:LogGroup::" + group, "logs:DeleteLogGroup");
        }
        assertDenied(secondary, "aws:efs/replicationConfiguration:ReplicationConfiguration::bookstore-blog-uploads-replication",
                "create: arn:aws:elasticfilesystem:ap-southeast-1:123456789012:file-system/");
        assertDenied(secondary, "aws:efs/mountTarget:MountTarget::bookstore-blog-uploads-0",
                "[elasticfilesystem:CreateMountTarget]");
        // Found by the rule too: ECS creates that have no resource type, and the secret's key.
        assertDenied(primary, "aws:ecs/cluster:Cluster::bookstore-blog", "create: * [ecs:CreateCluster]");
        assertDenied(primary, "aws:ecs/taskDefinition:TaskDefinition::bookstore-blog", "[ecs:RegisterTaskDefinition]");
        assertDenied(primary, "aws:secretsmanager/secretVersion:SecretVersion::bookstore-blog-db-credentials",
                "[kms:GenerateDataKey, kms:Decrypt]");
        // Lambda documents creating a stream mapping on "*": a grant on the mappings' ARNs alone cannot create one.
        assertDenied(secondary, "aws:lambda/eventSourceMapping:EventSourceMapping::bookstore-functions-orders-stream",
                "create: * [lambda:CreateEventSourceMapping]");
    }

    @Test
    void aResourceTypeWithoutDeclaredDeployActionsFailsThePlan() {
        Plan plan = with(Plans.primaryWithPipeline(), new PlannedResource("aws:sns/topicSubscription:TopicSubscription",
                "bookstore-extra", null, "eu-west-1", "aws-eu-west-1", "s1", Map.of("protocol", "sqs")));

        List<Violation> violations = new DeployRoleCoversPlan().check(plan);

        assertEquals(1, violations.size(), violations.toString());
        assertEquals("aws:sns/topicSubscription:TopicSubscription::bookstore-extra", violations.get(0).resource());
        assertTrue(violations.get(0).message().startsWith("no deploy actions are declared for aws:sns/topicSubscription"));
    }

    @Test
    void anAllowWhoseConditionACreateCannotMeetDoesNotCount() {
        Plan plan = editPolicy(Plans.primaryWithPipeline(), "bookstore-deploy-network-and-edge",
                json -> json.replace("aws:RequestTag/project", "aws:ResourceTag/project"));

        List<Violation> violations = new DeployRoleCoversPlan().check(plan);

        assertDenied(violations, "aws:ec2/vpc:Vpc::bookstore-network-vpc", "create: arn:aws:ec2:eu-west-1:123456789012:vpc/");
        // Deleting the VPC finds the tag on it: the ResourceTag statement still covers that.
        assertTrue(violations.stream().filter(v -> v.resource().equals("aws:ec2/vpc:Vpc::bookstore-network-vpc"))
                .noneMatch(v -> v.message().contains("ec2:DeleteVpc")), violations.toString());
    }

    @Test
    void aRegionLeftOutOfRequestedRegionDeniesTheSecondaryOnly() {
        Plan plan = editPolicy(Plans.primaryWithPipeline(), "bookstore-deploy-data-and-compute",
                json -> json.replace("\"ap-southeast-1\",", ""));

        assertFalse(new DeployRoleCoversPlan().check(plan).stream()
                .anyMatch(v -> v.resource().startsWith("aws:dynamodb/table:Table")));
        assertDenied(DeployRoleCoversPlan.check(Plans.secondary(), plan),
                "aws:lambda/function:Function::bookstore-functions-api",
                "create: arn:aws:lambda:ap-southeast-1:123456789012:function:bookstore-api [lambda:CreateFunction");
    }

    @Test
    void theBoundaryCapsWhatTheRoleIsGrantedAndItsDenyWins() {
        Plan plan = editPolicy(Plans.primaryWithPipeline(), "bookstore-permissions-boundary",
                json -> json.replace("\"cloudfront:*\",", "").replace("\"Statement\":[", "\"Statement\":[{\"Effect\":"
                        + "\"Deny\",\"Action\":\"lambda:Delete*\",\"Resource\":\"*\"},"));

        List<Violation> violations = new DeployRoleCoversPlan().check(plan);

        assertDenied(violations, "aws:cloudfront/distribution:Distribution::bookstore-storefront", "cloudfront:CreateDistribution");
        assertDenied(violations, "aws:lambda/function:Function::bookstore-functions-api", "delete: ");
    }

    @Test
    void conditionOperatorsFollowIamForMissingKeysAndSets() {
        assertFalse(IamEvaluation.holds("StringEquals", List.of("bookstore"), null));
        assertFalse(IamEvaluation.holds("StringNotEquals", List.of("bookstore"), null));
        assertTrue(IamEvaluation.holds("BoolIfExists", List.of("false"), null));
        assertTrue(IamEvaluation.holds("ForAllValues:StringEquals", List.of("a"), null));
        assertTrue(IamEvaluation.holds("ForAnyValue:StringEquals", List.of("b"), List.of("a", "b")));
        assertFalse(IamEvaluation.holds("ForAllValues:StringEquals", List.of("b"), List.of("a", "b")));
        assertTrue(IamEvaluation.holds("StringNotEquals", List.of("a"), List.of("b")));
        assertTrue(IamEvaluation.holds("ArnLike", List.of("arn:aws:iam::*:policy/bookstore-*"),
                List.of("arn:aws:iam::123456789012:policy/bookstore-deploy-blog")));
        assertTrue(IamEvaluation.glob("arn:aws:logs:*:123456789012:log-group:/aws/rds/cluster/bookstore-*",
                "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/rds/cluster/bookstore-blog-db/error", false));
        assertFalse(IamEvaluation.glob("arn:aws:logs:*:123456789012:*", "*", false));
        assertTrue(IamEvaluation.glob("CloudFront:*Function", "cloudfront:CreateFunction", true));
    }

    private static void assertDenied(List<Violation> violations, String resource, String part) {
        assertTrue(violations.stream().anyMatch(v -> v.resource().equals(resource) && v.message().contains(part)),
                resource + " should be denied " + part + " in " + violations);
    }

    private static Plan editPolicy(Plan plan, String name, java.util.function.UnaryOperator<String> edit) {
        return editInputs(plan, r -> r.type().equals(POLICY) && r.name().equals(name),
                inputs -> inputs.put("policy", edit.apply((String) inputs.get("policy"))));
    }

    @SuppressWarnings("unchecked")
    private Plan withManagedPoliciesBefore(Plan plan) throws IOException {
        String json = new String(Objects.requireNonNull(getClass().getResourceAsStream(
                "/iam/deploy-managed-policies-before.json")).readAllBytes(), StandardCharsets.UTF_8);
        Map<String, Object> before = new Gson().fromJson(json, Map.class);
        return editInputs(plan, r -> r.type().equals(POLICY) && before.containsKey(r.name()),
                inputs -> inputs.put("policy", new Gson().toJson(before.get(inputs.get("name")))));
    }
}
