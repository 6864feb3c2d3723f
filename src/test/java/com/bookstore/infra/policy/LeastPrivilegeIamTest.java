package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlanMocks;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.bookstore.infra.support.PlanEdits.with;
import static com.bookstore.infra.support.PlanEdits.withProviders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The least-privilege contract (docs/infrastructure.md, "Policy rules") statement by statement: each test adds
 * one policy to the real primary plan and expects exactly the violation it should cause, or none.
 */
class LeastPrivilegeIamTest {

    private static final String TABLES = "arn:aws:dynamodb:eu-west-1:123456789012:table/";
    private static final LeastPrivilegeIam RULE = new LeastPrivilegeIam();

    @Test
    void partialActionWildcardOnEveryResourceIsCaught() {
        assertEquals(List.of("statement Probe allows wildcard action(s) [s3:Get*]",
                        "statement Probe allows [s3:Get*] on every resource (\"*\")"),
                messages(rolePolicy(allow(List.of("s3:Get*"), "*"))));
    }

    @Test
    void verbOnlyOrNounlessWildcardIsCaughtEvenOnOwnResources() {
        assertEquals(List.of("statement Probe allows wildcard action(s) [s3:Get*, s3:*Object]"),
                messages(rolePolicy(allow(List.of("s3:Get*", "s3:*Object", "s3:GetBucket*"),
                        "arn:aws:s3:::bookstore-ui/*"))));
    }

    @Test
    void verbAndNounWildcardPassesOnlyOnResourcesNamedOrOwnedByName() {
        assertEquals(List.of(), messages(rolePolicy(allow(List.of("s3:GetBucket*", "s3:Put*Configuration"),
                "arn:aws:s3:::bookstore-*", "arn:aws:s3:::acme-pulumi-state"))));
        assertEquals(List.of("statement Probe allows wildcard action(s) [lambda:GetEventSource*]"),
                messages(rolePolicy(allow(List.of("lambda:GetEventSource*"),
                        "arn:aws:lambda:eu-west-1:123456789012:function:bookstore-api",
                        "arn:aws:lambda:eu-west-1:123456789012:event-source-mapping:*"))));
    }

    @Test
    void wildcardArnIsCaughtUnlessAProjectNameComesBeforeTheWildcard() {
        assertEquals(List.of(), messages(rolePolicy(allow(List.of("dynamodb:GetItem"),
                TABLES + "bookstore-*", "arn:aws:ssm:eu-west-1:123456789012:parameter/bookstore/*"))));
        assertEquals(List.of("statement Probe allows wildcard resource(s) [" + TABLES + "*, " + TABLES
                        + "bookstore*, arn:aws:ssm:eu-west-1:123456789012:parameter/bookstore*] that name no "
                        + "bookstore-owned resource and no condition names the resources"),
                messages(rolePolicy(allow(List.of("dynamodb:GetItem"), TABLES + "*", TABLES + "bookstore*",
                        "arn:aws:ssm:eu-west-1:123456789012:parameter/bookstore*"))));
    }

    @Test
    void writingTracesOnStarPassesButReadingThemDoesNot() {
        assertEquals(List.of(), messages(rolePolicy(allow(List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"), "*"))));
        assertEquals(List.of("statement Probe allows [xray:PutTraceSegments, xray:GetTraceSummaries] on every resource (\"*\")"),
                messages(rolePolicy(allow(List.of("xray:PutTraceSegments", "xray:GetTraceSummaries"), "*"))));
    }

    @Test
    void questionMarkIsAWildcardToo() {
        assertEquals(List.of("statement Probe allows wildcard action(s) [dynamodb:GetIte?]",
                        "statement Probe allows wildcard resource(s) [" + TABLES + "?ookstore-books] that name no "
                                + "bookstore-owned resource and no condition names the resources"),
                messages(rolePolicy(allow(List.of("dynamodb:GetIte?"), TABLES + "?ookstore-books"))));
    }

    @Test
    void childrenOfOneNamedResourcePass() {
        assertEquals(List.of(), messages(rolePolicy(allow(List.of("s3:GetObject"),
                "arn:aws:s3:::acme-pulumi-state/*",
                "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/ecs/acme:*",
                TABLES + "acme/index/*"))));
        assertEquals(1, messages(rolePolicy(allow(List.of("s3:GetObject"), "arn:aws:s3:::acme-*/*"))).size(),
                "a wildcard in the bucket name is not one named bucket");
    }

    @Test
    void tagConditionMustPinTheProject() {
        String keys = "arn:aws:kms:eu-west-1:123456789012:key/*";
        assertEquals(List.of(), messages(rolePolicy(statement(List.of("kms:TagResource"), List.of(keys),
                Map.of("StringEquals", Map.of("aws:ResourceTag/project", "bookstore"))))));
        assertEquals(1, messages(rolePolicy(statement(List.of("kms:TagResource"), List.of(keys),
                Map.of("StringEquals", Map.of("aws:ResourceTag/project", "someone-else"))))).size());
        assertEquals(1, messages(rolePolicy(statement(List.of("kms:TagResource"), List.of(keys),
                Map.of("StringLike", Map.of("aws:ResourceTag/project", "bookstore"))))).size(),
                "only an equality operator pins the tag");
        assertEquals(1, messages(rolePolicy(statement(List.of("kms:Decrypt"), List.of(keys),
                Map.of("ForAnyValue:StringEquals", Map.of("kms:ResourceAliases", "alias/*"))))).size(),
                "an alias pattern names no key");
    }

    @Test
    void notActionAndNotResourceInAnAllowAreCaughtButNotInADeny() {
        Map<String, Object> notAction = Map.of("Sid", "Probe", "Effect", "Allow", "NotAction", List.of("iam:*"),
                "Resource", List.of(TABLES + "bookstore-books"));
        Map<String, Object> notResource = Map.of("Sid", "Probe", "Effect", "Allow", "Action", List.of("dynamodb:GetItem"),
                "NotResource", List.of(TABLES + "bookstore-books"));
        Map<String, Object> deny = Map.of("Sid", "Probe", "Effect", "Deny", "NotAction", List.of("s3:GetObject"),
                "NotResource", List.of("arn:aws:s3:::bookstore-ui/*"));

        assertEquals(List.of("statement Probe allows with [NotAction], which grants everything not listed"),
                messages(rolePolicy(notAction)));
        assertEquals(List.of("statement Probe allows with [NotResource], which grants everything not listed"),
                messages(rolePolicy(notResource)));
        assertEquals(List.of(), messages(rolePolicy(deny)));
    }

    @Test
    void roleInlinePoliciesAreChecked() {
        Plan plan = with(Plans.primary(), resource("aws:iam/role:Role", Map.of("inlinePolicies", List.of(
                Map.of("name", "probe", "policy", document(allow(List.of("dynamodb:*"), TABLES + "bookstore-books")))))));

        assertEquals(List.of(new Violation("iam-least-privilege", "aws:iam/role:Role::probe",
                "statement Probe allows wildcard action(s) [dynamodb:*]")), RULE.check(plan));
    }

    @Test
    void customerManagedPoliciesAreCheckedAndAwsManagedAttachmentsAreCaught() {
        Plan plan = with(Plans.primary(), resource("aws:iam/policy:Policy",
                Map.of("policy", document(allow(List.of("lambda:*"), "arn:aws:lambda:eu-west-1:123456789012:function:bookstore-api")))));
        plan = with(plan, resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                Map.of("role", "bookstore-deploy", "policyArn", "arn:aws:iam::aws:policy/PowerUserAccess")));
        plan = with(plan, new PlannedResource("aws:iam/role:Role", "probe-role", null, "eu-west-1", "aws-eu-west-1",
                "probe-role", Map.of("managedPolicyArns", List.of("arn:aws:iam::aws:policy/AdministratorAccess"))));

        assertEquals(List.of(
                new Violation("iam-least-privilege", "aws:iam/policy:Policy::probe", "statement Probe allows wildcard action(s) [lambda:*]"),
                new Violation("iam-least-privilege", "aws:iam/rolePolicyAttachment:RolePolicyAttachment::probe",
                        "attaches the AWS-managed policy arn:aws:iam::aws:policy/PowerUserAccess, whose statements the plan cannot check"),
                new Violation("iam-least-privilege", "aws:iam/role:Role::probe-role",
                        "attaches the AWS-managed policy arn:aws:iam::aws:policy/AdministratorAccess, whose statements the plan cannot check")),
                RULE.check(plan));
    }

    @Test
    void singleStringActionsAndResourcesAreReadLikeArrays() {
        Map<String, Object> statement = Map.of("Sid", "Probe", "Effect", "Allow", "Action", "s3:*", "Resource", "*");

        assertEquals(List.of("statement Probe allows wildcard action(s) [s3:*]",
                "statement Probe allows [s3:*] on every resource (\"*\")"), messages(rolePolicy(statement)));
    }

    @Test
    void attachingACustomerManagedPolicyIsFine() {
        Plan plan = with(Plans.primary(), resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                Map.of("role", "bookstore-deploy", "policyArn", "arn:aws:iam::123456789012:policy/bookstore-deploy-tables")));

        assertEquals(List.of(), RULE.check(plan));
    }

    @Test
    void awsNamedResourceTypesStillNeedNamedActions() {
        String mappings = "arn:aws:lambda:eu-west-1:123456789012:event-source-mapping:*";
        assertEquals(List.of(), messages(rolePolicy(allow(List.of("lambda:GetEventSourceMapping"), mappings))));
        assertEquals(List.of("statement Probe allows wildcard action(s) [lambda:*EventSourceMapping]"),
                messages(rolePolicy(allow(List.of("lambda:*EventSourceMapping"), mappings))));
    }

    @Test
    void creatingAStreamMappingOnStarMustNameTheProjectsFunctionsAndTheRegions() {
        List<String> create = List.of("lambda:CreateEventSourceMapping", "lambda:GetEventSourceMapping");
        Map<String, Object> regions = Map.of("aws:RequestedRegion", List.of("eu-west-1", "ap-southeast-1"));
        Map<String, Object> functions = Map.of("lambda:FunctionArn",
                "arn:aws:lambda:*:123456789012:function:bookstore-*");

        assertEquals(List.of(), messages(rolePolicy(statement(create, List.of("*"),
                Map.of("StringEquals", regions, "ArnLikeIfExists", functions)))));
        assertEquals(1, messages(rolePolicy(statement(create, List.of("*"), Map.of("StringEquals", regions)))).size());
        assertEquals(1, messages(rolePolicy(statement(create, List.of("*"), Map.of("StringEquals", regions,
                "ArnLike", Map.of("lambda:FunctionArn", "arn:aws:lambda:*:123456789012:function:*"))))).size());
        assertEquals(1, messages(rolePolicy(statement(create, List.of("*"), Map.of("ArnLike", functions)))).size());
    }

    @Test
    void withoutAProjectTagNoNameIsOwned() {
        Plan untagged = new Plan("primary", List.of(resource("aws:iam/rolePolicy:RolePolicy",
                Map.of("policy", document(allow(List.of("dynamodb:GetItem"), TABLES + "bookstore-*"))))),
                Map.of(), List.of(), null);

        assertEquals(1, RULE.check(untagged).size());
    }

    @Test
    void aMalformedConditionScopesNothingAndBreaksNothing() {
        String keys = "arn:aws:kms:eu-west-1:123456789012:key/*";

        assertEquals(1, messages(rolePolicy(statement(List.of("kms:TagResource"), List.of(keys),
                Map.of("StringEquals", "aws:ResourceTag/project=bookstore")))).size());
    }

    @Test
    void theProjectIsTheFirstProjectTagAProviderCarries() {
        Plan plan = rolePolicy(allow(List.of("dynamodb:GetItem"), TABLES + "bookstore-*"));
        List<PlanMocks.ProviderConfig> providers = new java.util.ArrayList<>();
        providers.add(new PlanMocks.ProviderConfig("untagged", "us-east-1", Map.of("project", " ")));
        providers.addAll(plan.providers());

        assertEquals(List.of(), RULE.check(withProviders(plan, providers)));
    }

    private static Map<String, Object> allow(List<String> actions, String... resources) {
        return statement(actions, List.of(resources), null);
    }

    private static Map<String, Object> statement(List<String> actions, List<String> resources, Map<String, Object> condition) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("Sid", "Probe", "Effect", "Allow",
                "Action", actions, "Resource", resources));
        if (condition != null) {
            body.put("Condition", condition);
        }
        return body;
    }

    private static String document(Map<String, Object> statement) {
        return new Gson().toJson(Map.of("Version", "2012-10-17", "Statement", List.of(statement)));
    }

    private static PlannedResource resource(String type, Map<String, Object> inputs) {
        return new PlannedResource(type, "probe", null, "eu-west-1", "aws-eu-west-1", "probe", inputs);
    }

    private static Plan rolePolicy(Map<String, Object> statement) {
        return with(Plans.primary(), resource("aws:iam/rolePolicy:RolePolicy", Map.of("policy", document(statement))));
    }

    /** The rule's messages on the added policy; the real plan itself has none (PolicyRulesTest). */
    private static List<String> messages(Plan plan) {
        List<Violation> violations = RULE.check(plan);
        assertTrue(violations.stream().allMatch(v -> v.resource().endsWith("::probe")), () -> "only the probe: " + violations);
        return violations.stream().map(Violation::message).toList();
    }
}
