package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * No Allow statement grants a wildcard action ({@code *}, {@code service:*}) or the resource {@code *},
 * except the short list of cases where AWS offers nothing narrower. Each exception says why; a new one belongs
 * in docs/infrastructure.md as well.
 */
public final class LeastPrivilegeIam implements PolicyRule {

    /** A documented exception to the rule. */
    public record AllowedWildcard(String why, Predicate<PolicyDocuments.Statement> covers) {
    }

    private static final List<String> ENI_ACTIONS = List.of(
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
            "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses");

    private static final List<String> GATE_ACTIONS = List.of(
            "codepipeline:PutJobSuccessResult", "codepipeline:PutJobFailureResult", "cloudwatch:GetMetricData");
    private static final String METADATA_READ = "[a-z0-9-]+:(Describe|List)[A-Za-z]+";
    private static final List<String> TAGGED_CREATES =
            List.of("kms:CreateKey", "cognito-idp:CreateUserPool", "acm:RequestCertificate");
    private static final List<String> UNTAGGED_CREATES = List.of("route53:CreateHealthCheck");

    /** The allow-list. */
    public static final List<AllowedWildcard> ALLOWED = List.of(
            new AllowedWildcard("A KMS key policy's Resource \"*\" means the key itself, and the account root keeps kms:* "
                    + "so the key can never be locked out (AWS's default key policy)",
                    s -> s.owner().type().equals("aws:kms/key:Key")
                            && s.resources().equals(List.of("*"))
                            && (!s.actions().contains("kms:*") || isAccountRoot(s.principal()))),
            new AllowedWildcard("Lambda manages a VPC function's network interfaces; EC2 offers no resource-level "
                    + "permission for these actions",
                    s -> s.resources().equals(List.of("*")) && ENI_ACTIONS.containsAll(s.actions())),
            new AllowedWildcard("An ECR login token is account-wide: ecr:GetAuthorizationToken has no resource-level "
                    + "permission (the image pulls themselves are scoped to the blog's repositories)",
                    s -> s.resources().equals(List.of("*")) && s.actions().equals(List.of("ecr:GetAuthorizationToken"))),
            // The delivery pipeline (issue 6).
            new AllowedWildcard("The verify gate reports its CodePipeline job's result and reads replication metrics; "
                    + "AWS offers no resource-level permission for these actions",
                    s -> s.resources().equals(List.of("*")) && GATE_ACTIONS.containsAll(s.actions())),
            new AllowedWildcard("Pulumi's deploy and preview read the stacks' resources back with named Describe/List "
                    + "metadata actions, most of which support no resource-level permission; they return no data "
                    + "(S3 object listings are never among them)",
                    s -> s.resources().equals(List.of("*")) && !s.actions().isEmpty()
                            && s.actions().stream().allMatch(a -> a.matches(METADATA_READ) && !a.startsWith("s3:"))),
            new AllowedWildcard("A deploy creates the Region switch plan through Cloud Control, whose actions have no "
                    + "resource type; Cloud Control acts with the caller's credentials, which the plan-scoped "
                    + "arc-region-switch grants bound",
                    s -> s.resources().equals(List.of("*"))
                            && com.bookstore.infra.pipeline.StackAccess.CLOUD_CONTROL_ACTIONS.containsAll(s.actions())),
            new AllowedWildcard("A deploy creates KMS keys, user pools, certificates and health checks, whose create "
                    + "actions support no resource-level permission; all but Route 53's must carry the project tag "
                    + "(aws:RequestTag condition)",
                    s -> s.resources().equals(List.of("*")) && (UNTAGGED_CREATES.containsAll(s.actions())
                            || TAGGED_CREATES.containsAll(s.actions()) && requiresRequestTag(s.condition()))));

    @Override
    public String id() {
        return "iam-least-privilege";
    }

    @Override
    public List<Violation> check(Plan plan) {
        List<Violation> violations = new ArrayList<>();
        for (PolicyDocuments.Statement s : PolicyDocuments.statements(plan)) {
            if (!s.allows() || ALLOWED.stream().anyMatch(e -> e.covers().test(s))) {
                continue;
            }
            List<String> wildcardActions = s.actions().stream()
                    .filter(a -> a.equals("*") || a.endsWith(":*")).toList();
            if (!wildcardActions.isEmpty()) {
                violations.add(new Violation(id(), s.owner().key(),
                        "statement " + s.sid() + " allows wildcard action(s) " + wildcardActions));
            }
            if (s.resources().contains("*")) {
                violations.add(new Violation(id(), s.owner().key(),
                        "statement " + s.sid() + " allows " + s.actions() + " on every resource (\"*\")"));
            }
        }
        return violations;
    }

    private static boolean requiresRequestTag(Object condition) {
        return condition instanceof Map<?, ?> operators && operators.get("StringEquals") instanceof Map<?, ?> keys
                && keys.keySet().stream().anyMatch(k -> String.valueOf(k).startsWith("aws:RequestTag/"));
    }

    private static boolean isAccountRoot(Object principal) {
        return principal instanceof Map<?, ?> map && map.get("AWS") instanceof String arn
                && arn.matches("arn:aws:iam::\\d{12}:root");
    }
}
