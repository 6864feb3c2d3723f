package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.bookstore.infra.support.PlanEdits.editInputs;
import static com.bookstore.infra.support.PlanEdits.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IAM rules AWS enforces only at {@code pulumi up}: quotas, creates limited by tags they cannot have yet, and
 * the permissions boundary. Each catches a fixture built from the plan with the pipeline; the regression fixture is
 * the deploy role's inline policy as the pipeline shipped it before (resources/iam/).
 */
class IamRulesTest {

    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final String POLICY = "aws:iam/policy:Policy";
    private static final String ROLE = "aws:iam/role:Role";

    @Test
    void thePlanWithThePipelinePassesTheIamRules() {
        Plan plan = Plans.primaryWithPipeline();

        assertEquals(List.of(), new IamQuotas().check(plan));
        assertEquals(List.of(), new CreateConditionsCanMatch().check(plan));
        assertEquals(List.of(), new PermissionsBoundaryEnforced().check(plan));
    }

    @Test
    void theDeployRoleAsShippedBeforeBreaksTheInlineQuotaTheCreateTagsAndTheBoundary() throws IOException {
        String before = new String(Objects.requireNonNull(getClass().getResourceAsStream(
                "/iam/deploy-primary-inline-policy-before.json")).readAllBytes(), StandardCharsets.UTF_8);
        Plan plan = editInputs(Plans.primaryWithPipeline(), r -> r.type().equals(ROLE_POLICY)
                && r.name().equals("bookstore-deploy-primary"), inputs -> inputs.put("policy", before));

        List<Violation> quotas = new IamQuotas().check(plan);
        assertEquals(1, quotas.size(), quotas.toString());
        assertEquals("aws:iam/role:Role::bookstore-deploy-primary", quotas.get(0).resource());
        assertTrue(quotas.get(0).message().startsWith("inline policies of 25626 characters (IAM allows 10240"),
                quotas.get(0).message());
        assertViolation(new CreateConditionsCanMatch().check(plan), "ManageTaggedBlogStorageAndEdge",
                "elasticfilesystem:CreateFileSystem");
        assertViolation(new CreateConditionsCanMatch().check(plan), "ManageTaggedBlogStorageAndEdge",
                "ec2:CreateInternetGateway");
        assertViolation(new PermissionsBoundaryEnforced().check(plan), "statement ManageRoles allows [iam:CreateRole, "
                + "iam:PutRolePolicy, iam:DeleteRolePolicy] without a StringEquals iam:PermissionsBoundary", "");
    }

    @Test
    void whitespaceIsNotCountedButEveryOtherCharacterIs() {
        assertEquals(10, IamQuotas.size("{ \"a\" :\n\t\"bc\" }"));
        assertEquals(IamQuotas.INLINE_CHARACTERS_PER_ROLE, IamQuotas.size(" ".repeat(500) + "x".repeat(10_240)));
    }

    @Test
    void inlinePoliciesWrittenOnTheRoleCountTowardsTheSameQuota() {
        String nineThousand = padded("{\"Version\":\"2012-10-17\",\"Statement\":[]}".replace("[]",
                "[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::y\"}]"), 9_000);
        Plan plan = editInputs(Plans.primaryWithPipeline(), r -> r.type().equals(ROLE) && r.name().equals("bookstore-build"),
                inputs -> inputs.put("inlinePolicies", List.of(Map.of("name", "extra", "policy", nineThousand))));

        List<Violation> violations = new IamQuotas().check(plan);

        assertEquals(1, violations.size(), violations.toString());
        assertEquals(ROLE + "::bookstore-build", violations.get(0).resource());
        assertTrue(violations.get(0).message().startsWith("inline policies of 10"), violations.get(0).message());
    }

    @Test
    void aManagedPolicyOverItsQuotaIsCaught() {
        Plan plan = editInputs(Plans.primaryWithPipeline(), r -> r.type().equals(POLICY)
                && r.name().equals("bookstore-deploy-blog"), inputs -> inputs.put("policy",
                padded((String) inputs.get("policy"), IamQuotas.MANAGED_POLICY_CHARACTERS + 1)));

        assertEquals(List.of(new Violation("iam-quotas", POLICY + "::bookstore-deploy-blog",
                "managed policy of 6145 characters (IAM allows 6144, whitespace not counted)")),
                new IamQuotas().check(plan));
    }

    @Test
    void anEleventhManagedPolicyAndAnOversizedTrustPolicyAreCaught() {
        Plan plan = Plans.primaryWithPipeline();
        for (int i = 7; i <= 11; i++) { // the deploy role attaches 6 (StackAccess.deploy()): 5 more make 11
            plan = with(plan, new PlannedResource("aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                    "bookstore-deploy-primary-" + i, null, "eu-west-1", "aws-eu-west-1", "attachment-" + i,
                    Map.of("role", "bookstore-deploy-primary", "policyArn", "arn:aws:iam::123456789012:policy/p" + i)));
        }
        plan = editInputs(plan, r -> r.type().equals(ROLE) && r.name().equals("bookstore-build"), inputs ->
                inputs.put("assumeRolePolicy", padded((String) inputs.get("assumeRolePolicy"), 2049)));

        List<Violation> violations = new IamQuotas().check(plan);
        assertTrue(violations.contains(new Violation("iam-quotas", ROLE + "::bookstore-deploy-primary",
                "11 managed policies attached (IAM allows 10 per role by default)")), violations.toString());
        assertTrue(violations.contains(new Violation("iam-quotas", ROLE + "::bookstore-build",
                "trust policy of 2049 characters (IAM allows 2048 by default, whitespace not counted)")), violations.toString());
        assertEquals(2, violations.size(), violations.toString());
    }

    @Test
    void aCreateLimitedByTheTagOfTheResourceItCreatesIsCaughtButACreateInsideATaggedResourceIsNot() {
        Plan plan = editInputs(Plans.primaryWithPipeline(), r -> r.type().equals(POLICY)
                && r.name().equals("bookstore-deploy-network-and-edge"), inputs -> inputs.put("policy",
                ((String) inputs.get("policy")).replace("aws:RequestTag/project", "aws:ResourceTag/project")));

        List<Violation> violations = new CreateConditionsCanMatch().check(plan);
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).message().startsWith("statement CreateTaggedNetwork limits [ec2:CreateVpc, "
                + "ec2:CreateSubnet, ec2:CreateRouteTable, ec2:CreateSecurityGroup, ec2:CreateVpcEndpoint, "
                + "ec2:CreateInternetGateway] by aws:ResourceTag"), violations.get(0).message());
        // ManageTaggedNetwork's ec2:CreateRoute and CreateTags act on a route table or resource that exists.
        assertTrue(violations.stream().noneMatch(v -> v.message().contains("ManageTaggedNetwork")));
    }

    @Test
    void aDeployRoleThatCanWriteRolesWithoutTheBoundaryConditionFailsThePlan() {
        Plan plan = editInputs(Plans.primaryWithPipeline(), r -> r.type().equals(POLICY)
                && r.name().equals("bookstore-deploy-identity"), inputs -> inputs.put("policy",
                ((String) inputs.get("policy")).replace("\"iam:PermissionsBoundary\"", "\"iam:ResourceTag/owner\"")));

        List<Violation> violations = new PermissionsBoundaryEnforced().check(plan);

        assertViolation(violations, "statement WriteRolesUnderTheBoundary allows [iam:CreateRole, iam:PutRolePolicy, "
                + "iam:DeleteRolePolicy, iam:PutRolePermissionsBoundary] without", "");
        assertViolation(violations, "statement AttachOnlyProjectPoliciesUnderTheBoundary allows", "iam:AttachRolePolicy");
    }

    @Test
    void aRoleWithoutTheBoundaryARemovalOfItAndAWriteOfTheBoundaryPolicyAreCaught() {
        Plan plan = editInputs(Plans.primaryWithPipeline(), r -> r.type().equals(ROLE) && r.name().equals("bookstore-pipeline-gate"),
                inputs -> inputs.remove("permissionsBoundary"));
        plan = editInputs(plan, r -> r.type().equals(POLICY) && r.name().equals("bookstore-deploy-identity"),
                inputs -> inputs.put("policy", ((String) inputs.get("policy"))
                        .replace("\"iam:ListPolicyVersions\"", "\"iam:DeleteRolePermissionsBoundary\"")
                        .replace("policy/bookstore-deploy-*\"]},{\"Sid\":\"ReadPolicies\"", "policy/bookstore-*\"]},{\"Sid\":\"ReadPolicies\"")));

        List<Violation> violations = new PermissionsBoundaryEnforced().check(plan);

        assertTrue(violations.contains(new Violation("iam-permissions-boundary", ROLE + "::bookstore-pipeline-gate",
                "role without a permissions boundary")), violations.toString());
        assertViolation(violations, "statement ManageProjectPolicies allows iam:DeleteRolePermissionsBoundary", "");
        assertViolation(violations, "statement ManageProjectPolicies can rewrite the permissions boundary", "policy/bookstore-*");
    }

    @Test
    void aRoleTrustedByAnotherAccountOrByAnyoneIsCaught() {
        Plan plan = editInputs(Plans.primaryWithPipeline(), r -> r.type().equals(ROLE) && r.name().equals("bookstore-deploy-primary"),
                inputs -> inputs.put("assumeRolePolicy", ((String) inputs.get("assumeRolePolicy"))
                        .replace("{\"Service\":\"codebuild.amazonaws.com\"}", "{\"AWS\":\"arn:aws:iam::999999999999:root\"}")));
        plan = editInputs(plan, r -> r.type().equals(ROLE) && r.name().equals("bookstore-build"),
                inputs -> inputs.put("assumeRolePolicy", ((String) inputs.get("assumeRolePolicy"))
                        .replace("{\"Service\":\"codebuild.amazonaws.com\"}", "\"*\"")));

        assertEquals(List.of(
                        new Violation("iam-trust-in-account", ROLE + "::bookstore-build", "trusts AWS *, outside the account 123456789012"),
                        new Violation("iam-trust-in-account", ROLE + "::bookstore-deploy-primary",
                                "trusts AWS arn:aws:iam::999999999999:root, outside the account 123456789012")),
                new TrustStaysInTheAccount("123456789012").check(plan).stream()
                        .sorted(java.util.Comparator.comparing(Violation::resource)).toList());
        assertEquals(List.of(), new TrustStaysInTheAccount("123456789012").check(Plans.primaryWithPipeline()));
    }

    /** The document with one more statement whose Sid brings it to exactly {@code characters}. */
    private static String padded(String document, int characters) {
        String statement = ",{\"Sid\":\"\",\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::x\"}";
        String trimmed = document.substring(0, document.lastIndexOf(']'));
        int missing = characters - IamQuotas.size(trimmed + statement + "]}");
        assertTrue(missing >= 0, "document already over " + characters);
        return trimmed + statement.replace("\"Sid\":\"\"", "\"Sid\":\"" + "P".repeat(missing) + "\"") + "]}";
    }

    private static void assertViolation(List<Violation> violations, String messagePart, String alsoPart) {
        assertTrue(violations.stream().anyMatch(v -> v.message().contains(messagePart) && v.message().contains(alsoPart)),
                "expected '" + messagePart + "' in " + violations);
    }
}
