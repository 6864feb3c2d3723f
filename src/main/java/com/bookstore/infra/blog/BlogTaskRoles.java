package com.bookstore.infra.blog;

import com.bookstore.infra.region.ResourceOwner;
import com.bookstore.infra.security.PolicyJson;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The log group and the two roles of the blog's tasks: the execution role ECS uses to pull the image, write logs
 * and read the database credentials, and the task role WordPress uses to mount the uploads.
 */
final class BlogTaskRoles {

    final LogGroup logs;
    final Role execution;
    final Role task;

    BlogTaskRoles(String name, Output<String> permissionsBoundaryArn, Output<String> logKeyArn, int logRetentionDays,
                  ImageCache image, BlogDatabase database, UploadsFileSystem uploads, ResourceOwner owner) {
        this.logs = new LogGroup(name, LogGroupArgs.builder()
                .name("/aws/ecs/" + name)
                .retentionInDays(logRetentionDays)
                .kmsKeyId(logKeyArn)
                .build(), owner.child());
        this.execution = new Role(name + "-execution", RoleArgs.builder()
                .description("Bookstore blog: pull the image, write logs, read the database credentials")
                .assumeRolePolicy(PolicyJson.trustPolicy("ecs-tasks.amazonaws.com"))
                .permissionsBoundary(permissionsBoundaryArn)
                .build(), owner.child());
        List<Map<String, Object>> executionStatements = new ArrayList<>(List.of(
                // GetAuthorizationToken has no resource-level permissions: AWS accepts only "*".
                PolicyJson.allow("EcrLogin", List.of("ecr:GetAuthorizationToken"), List.of("*")),
                PolicyJson.allow("PullThroughCache", List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
                        "ecr:BatchImportUpstreamImage", "ecr:CreateRepository"), List.of(image.repositoryArns)),
                PolicyJson.allow("WriteLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        List.of(logs.arn().applyValue(arn -> arn + ":*"))),
                PolicyJson.allow("ReadDatabaseCredentials", List.of("secretsmanager:GetSecretValue"),
                        List.of(database.secretArn))));
        database.secretKeyArn.ifPresent(keyArn -> executionStatements.add(
                PolicyJson.allow("DecryptDatabaseCredentials", List.of("kms:Decrypt"), List.of(keyArn))));
        new RolePolicy(name + "-execution", RolePolicyArgs.builder()
                .role(execution.id())
                .policy(PolicyJson.document(executionStatements))
                .build(), owner.child());
        this.task = new Role(name + "-task", RoleArgs.builder()
                .description("Bookstore blog tasks: mount and write the uploads file system")
                .assumeRolePolicy(PolicyJson.trustPolicy("ecs-tasks.amazonaws.com"))
                .permissionsBoundary(permissionsBoundaryArn)
                .build(), owner.child());
        new RolePolicy(name + "-task", RolePolicyArgs.builder()
                .role(task.id())
                .policy(PolicyJson.document(List.of(PolicyJson.statement("MountUploads", "Allow",
                        List.of("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"),
                        List.of(uploads.arn),
                        Map.of("Condition", Map.of("StringEquals",
                                Map.of("elasticfilesystem:AccessPointArn", uploads.accessPoint.arn())))))))
                .build(), owner.child());
    }
}
