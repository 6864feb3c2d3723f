package com.bookstore.infra.pipeline;

import com.bookstore.infra.region.RegionContext;
import com.bookstore.infra.security.PolicyJson;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.codebuild.Project;
import com.pulumi.aws.codebuild.ProjectArgs;
import com.pulumi.aws.codebuild.inputs.ProjectArtifactsArgs;
import com.pulumi.aws.codebuild.inputs.ProjectCacheArgs;
import com.pulumi.aws.codebuild.inputs.ProjectEnvironmentArgs;
import com.pulumi.aws.codebuild.inputs.ProjectEnvironmentEnvironmentVariableArgs;
import com.pulumi.aws.codebuild.inputs.ProjectLogsConfigArgs;
import com.pulumi.aws.codebuild.inputs.ProjectLogsConfigCloudwatchLogsArgs;
import com.pulumi.aws.codebuild.inputs.ProjectSourceArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One CodeBuild project a pipeline action runs: the buildspec from the source ({@code pipeline/buildspecs/}), its
 * image (CodeBuild's Ubuntu standard image, or a public one), an S3 cache in its pipeline's artifact bucket,
 * encrypted logs with retention,
 * and a role of its own that grants the pipeline's artifacts, its logs and reports, plus exactly the
 * {@link Spec#grants()} its job needs (none for the build, the stacks' resources for a deploy).
 */
public final class BuildProject extends ComponentResource {

    /** CodeBuild's curated Ubuntu image: JDK 17 (corretto17), Node 20, Python, AWS CLI, jq, cached on the hosts. */
    public static final String CURATED_IMAGE = "aws/codebuild/standard:7.0";

    /** An environment variable; {@code fromSecret} values are Secrets Manager names CodeBuild resolves. */
    public record Variable(String name, String value, boolean fromSecret) {

        public static Variable plain(String name, String value) {
            return new Variable(name, value, false);
        }

        public static Variable secret(String name, String secretName) {
            return new Variable(name, secretName, true);
        }
    }

    /** What differs between the projects. */
    public record Spec(String buildspec, String description, String image, String computeType, int timeoutMinutes,
                       List<Variable> variables, List<Map<String, Object>> grants) {
    }

    public final String projectName;
    public final Output<String> arn;

    public BuildProject(String name, RegionContext region, PipelineArtifacts artifacts, Spec spec,
                        ComponentResource parent) {
        super("bookstore:pipeline:BuildProject", name,
                ComponentResourceOptions.builder().parent(parent).providers(region.providers().home()).build());
        this.projectName = name;
        var logs = new LogGroup(name, LogGroupArgs.builder()
                .name("/aws/codebuild/" + name)
                .retentionInDays(region.settings().sizing().logRetentionDays())
                .kmsKeyId(artifacts.keyArn)
                .build(), child());
        var role = new Role(name, RoleArgs.builder()
                .description("Runs the CodeBuild project " + name)
                .assumeRolePolicy(PolicyJson.trustPolicy("codebuild.amazonaws.com"))
                .build(), child());
        Output<String> reportGroups = region.accountId().applyValue(account ->
                "arn:aws:codebuild:" + region.region() + ":" + account + ":report-group/" + name + "-*");
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(PolicyJson.allow("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(logs.arn().applyValue(arn -> arn + ":*"))));
        // Input and output artifacts of the pipeline this project belongs to, and the project's cache.
        statements.add(PolicyJson.allow("PipelineArtifacts",
                List.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"), List.of(artifacts.objects())));
        statements.add(PolicyJson.allow("PipelineArtifactBucket",
                List.of("s3:GetBucketLocation", "s3:GetBucketAcl"), List.of(artifacts.bucketArn)));
        statements.add(PolicyJson.allow("PipelineArtifactKey",
                List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"),
                List.of(artifacts.keyArn)));
        statements.add(PolicyJson.allow("PublishTestReports",
                List.of("codebuild:CreateReportGroup", "codebuild:CreateReport", "codebuild:UpdateReport",
                        "codebuild:BatchPutTestCases", "codebuild:BatchPutCodeCoverages"),
                List.of(reportGroups)));
        statements.addAll(spec.grants());
        var grants = new RolePolicy(name, RolePolicyArgs.builder()
                .role(role.id())
                .policy(PolicyJson.document(statements))
                .build(), child());

        var project = new Project(name, ProjectArgs.builder()
                .name(name)
                .description(spec.description())
                .serviceRole(role.arn())
                .encryptionKey(artifacts.keyArn)
                .buildTimeout(spec.timeoutMinutes())
                .queuedTimeout(60)
                .source(ProjectSourceArgs.builder().type("CODEPIPELINE").buildspec(spec.buildspec()).build())
                .artifacts(ProjectArtifactsArgs.builder().type("CODEPIPELINE").build())
                .environment(ProjectEnvironmentArgs.builder()
                        .type("LINUX_CONTAINER")
                        .computeType(spec.computeType())
                        .image(spec.image())
                        // CodeBuild's own identity pulls curated and public images; SERVICE_ROLE is for private
                        // registries and ECR repositories, which would need pull rights on this project's role.
                        .imagePullCredentialsType("CODEBUILD")
                        .privilegedMode(false)
                        .environmentVariables(spec.variables().stream().map(v ->
                                ProjectEnvironmentEnvironmentVariableArgs.builder()
                                        .name(v.name())
                                        .value(v.value())
                                        .type(v.fromSecret() ? "SECRETS_MANAGER" : "PLAINTEXT")
                                        .build()).toList())
                        .build())
                // Local caches do not survive across build hosts; the S3 cache does.
                .cache(ProjectCacheArgs.builder().type("S3").location(artifacts.cacheLocation(name)).build())
                .logsConfig(ProjectLogsConfigArgs.builder()
                        .cloudwatchLogs(ProjectLogsConfigCloudwatchLogsArgs.builder()
                                .status("ENABLED").groupName(logs.name()).build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(grants).build());

        this.arn = project.arn();
        registerOutputs(Map.of("arn", arn));
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
