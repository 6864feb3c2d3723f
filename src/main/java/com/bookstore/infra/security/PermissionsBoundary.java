package com.bookstore.infra.security;

import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * The project's permissions boundary: the most any role of the two stacks may ever do, whatever policies a deploy
 * gives it (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html). Every role carries
 * it, and the deploy roles may create or change a role only with it ({@code iam:PermissionsBoundary} conditions in
 * the pipeline's grants), so whoever controls what a deploy runs gets at most this: the services the bookstore
 * uses, no IAM beyond the project's own roles, no change to the boundary, no role without it and no role outside
 * the account assumed. It lives in the primary stack; the secondary's roles refer to it by name. Changing it
 * takes an administrator: the deploy roles cannot write it (docs/configuration.md, "Pipeline").
 */
public final class PermissionsBoundary extends ComponentResource {

    /** The services of the bookstore's resources and of the pipeline that deploys them; a boundary caps, it grants nothing. */
    static final List<String> SERVICES = List.of(
            "acm", "apigateway", "arc-region-switch", "cloudfront", "cloudwatch", "codebuild", "codeconnections", "codepipeline",
            "codestar-connections", "cognito-idp", "dynamodb", "ec2", "ecr", "ecs", "elasticache",
            "elasticfilesystem", "elasticloadbalancing", "kms", "lambda", "logs", "rds", "route53", "s3",
            "secretsmanager", "sns", "sqs", "ssm", "synthetics", "wafv2", "xray");

    /** Cloud Control's resource operations, with which a deploy creates the Region switch plan; not CloudFormation stacks. */
    static final List<String> CLOUD_CONTROL_ACTIONS = List.of("cloudformation:CreateResource", "cloudformation:GetResource",
            "cloudformation:UpdateResource", "cloudformation:DeleteResource", "cloudformation:GetResourceRequestStatus");

    /** The IAM a deploy needs for the project's roles and policies; nothing on users, groups or the account. */
    static final List<String> IAM_ACTIONS = List.of(
            "iam:CreateRole", "iam:DeleteRole", "iam:GetRole", "iam:UpdateRole", "iam:UpdateAssumeRolePolicy",
            "iam:TagRole", "iam:UntagRole", "iam:PutRolePolicy", "iam:GetRolePolicy", "iam:DeleteRolePolicy",
            "iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary",
            "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:ListRoleTags",
            "iam:ListInstanceProfilesForRole", "iam:PassRole", "iam:CreateServiceLinkedRole",
            "iam:CreatePolicy", "iam:DeletePolicy", "iam:GetPolicy", "iam:GetPolicyVersion",
            "iam:CreatePolicyVersion", "iam:DeletePolicyVersion", "iam:ListPolicyVersions",
            "iam:TagPolicy", "iam:UntagPolicy");

    public final Output<String> arn;

    /** {@code name} is {@link #name(String)} of the project: the policy's physical name, which the other stack derives. */
    public PermissionsBoundary(String name, PermissionsBoundaryArgs args, ComponentResourceOptions options) {
        super("bookstore:security:PermissionsBoundary", name, options);
        var policy = new Policy(name, PolicyArgs.builder()
                .name(name)
                .description("Permissions boundary of every " + args.project() + " role (the most a role may do)")
                .policy(document(args.project(), args.accountId()))
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.arn = policy.arn();
        registerOutputs(Map.of("arn", arn));
    }

    /** The boundary's name, {@code <project>-permissions-boundary}. */
    public static String name(String project) {
        return project + "-permissions-boundary";
    }

    /** The boundary's ARN, for the stack that did not create it and for the deploy roles' conditions. */
    public static Output<String> arnOf(String project, Output<String> accountId) {
        return accountId.applyValue(account -> "arn:aws:iam::" + account + ":policy/" + name(project));
    }

    static Output<String> document(String project, Output<String> accountId) {
        Output<String> self = arnOf(project, accountId);
        return PolicyJson.document(List.of(
                PolicyJson.allow("ProjectServices", SERVICES.stream().map(s -> s + ":*").toList(), List.of("*")),
                PolicyJson.allow("CloudControlForTheRegionSwitchPlan", CLOUD_CONTROL_ACTIONS, List.of("*")),
                PolicyJson.allow("ProjectRolesAndPolicies", IAM_ACTIONS,
                        List.of(accountId.applyValue(a -> "arn:aws:iam::" + a + ":role/" + project + "-*"),
                                accountId.applyValue(a -> "arn:aws:iam::" + a + ":role/aws-service-role/*"),
                                accountId.applyValue(a -> "arn:aws:iam::" + a + ":policy/" + project + "-*"))),
                PolicyJson.statement("NoChangeToTheBoundary", "Deny", List.of(
                                "iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion",
                                "iam:SetDefaultPolicyVersion", "iam:TagPolicy", "iam:UntagPolicy"),
                        List.of(self), Map.of()),
                PolicyJson.statement("NoRoleWithoutTheBoundary", "Deny", List.of("iam:DeleteRolePermissionsBoundary"),
                        List.of("*"), Map.of()),
                PolicyJson.statement("RoleWritesKeepTheBoundary", "Deny", List.of(
                                "iam:CreateRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:AttachRolePolicy",
                                "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary"),
                        List.of("*"), Map.of("Condition", Map.of("StringNotEquals", Map.of("iam:PermissionsBoundary", self)))),
                PolicyJson.statement("StayInTheAccount", "Deny", List.of("sts:AssumeRole"), List.of("*"),
                        Map.of("Condition", Map.of("StringNotEquals", Map.of("aws:ResourceAccount", accountId))))));
    }
}
