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
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One CodeBuild project a pipeline action runs: its buildspec (a file of the source, or inline YAML the program
 * defines when the source is untrusted), its image (CodeBuild's Ubuntu standard image, or a public one), an
 * optional S3 cache of its own, encrypted logs with retention, and a role of its own under the project's
 * permissions boundary that grants its logs (and test reports, for the build), reads of its pipeline's artifacts, writes of only the
 * artifacts it outputs and its own cache prefix, plus exactly the {@link Spec#grants()} its job needs (inline)
 * and the {@link Spec#managedPolicies()} attached (the deploys' grants, too large for IAM's inline quota).
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

    /**
     * What differs between the projects.
     *
     * @param buildspec       a path in the source, or inline YAML (starts with {@code version:})
     * @param pipelineName    the pipeline whose artifacts the project reads
     * @param outputs         the output artifacts the project writes (and nothing else of its pipeline)
     * @param cache           whether the project keeps an S3 cache under its own prefix
     * @param testReports     whether its buildspec publishes test reports (its own report groups)
     * @param managedPolicies managed policies attached to the project's role
     */
    public record Spec(String buildspec, String description, String image, String computeType, int timeoutMinutes,
                       List<Variable> variables, List<Map<String, Object>> grants, String pipelineName,
                       List<String> outputs, boolean cache, boolean testReports, List<Output<String>> managedPolicies) {
    }

    public final String projectName;
    public final Output<String> arn;

    public BuildProject(String name, BuildProjectArgs args, ComponentResourceOptions options) {
        super("bookstore:pipeline:BuildProject", name, options);
        RegionContext region = args.region();
        PipelineArtifacts artifacts = args.artifacts();
        Spec spec = args.spec();
        this.projectName = name;
        var logs = new LogGroup(name, LogGroupArgs.builder()
                .name("/aws/codebuild/" + name)
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(artifacts.keyArn)
                .build(), child());
        var role = new Role(name, RoleArgs.builder()
                .description("Runs the CodeBuild project " + name)
                .assumeRolePolicy(PolicyJson.trustPolicy("codebuild.amazonaws.com"))
                .permissionsBoundary(region.permissionsBoundaryArn())
                .build(), child());
        Output<String> reportGroups = region.accountId().applyValue(account ->
                "arn:aws:codebuild:" + region.region() + ":" + account + ":report-group/" + name + "-*");
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(PolicyJson.allow("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(logs.arn().applyValue(arn -> arn + ":*"))));
        // Reads its pipeline's artifacts; writes only its own outputs and cache, so no build can replace what
        // another action reads (a deploy's cache, the tested BuildOutput of another project).
        statements.add(PolicyJson.allow("ReadPipelineArtifacts",
                List.of("s3:GetObject", "s3:GetObjectVersion"), List.of(artifacts.pipelineObjects(spec.pipelineName()))));
        List<Object> writes = new ArrayList<>();
        spec.outputs().forEach(output -> writes.add(artifacts.artifactObjects(spec.pipelineName(), output)));
        if (spec.cache()) {
            writes.add(artifacts.cacheObjects(name));
        }
        if (!writes.isEmpty()) {
            statements.add(PolicyJson.allow("WriteOwnArtifactsAndCache", List.of("s3:PutObject"), writes));
        }
        if (spec.cache()) {
            statements.add(PolicyJson.allow("ReadOwnCache", List.of("s3:GetObject"), List.of(artifacts.cacheObjects(name))));
        }
        statements.add(PolicyJson.allow("PipelineArtifactBucket",
                List.of("s3:GetBucketLocation", "s3:GetBucketAcl"), List.of(artifacts.bucketArn)));
        statements.add(PolicyJson.allow("PipelineArtifactKey",
                List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"),
                List.of(artifacts.keyArn)));
        if (spec.testReports()) {
            statements.add(PolicyJson.allow("PublishTestReports",
                    List.of("codebuild:CreateReportGroup", "codebuild:CreateReport", "codebuild:UpdateReport",
                            "codebuild:BatchPutTestCases", "codebuild:BatchPutCodeCoverages"),
                    List.of(reportGroups)));
        }
        statements.addAll(spec.grants());
        var grants = new RolePolicy(name, RolePolicyArgs.builder()
                .role(role.id())
                .policy(PolicyJson.document(statements))
                .build(), child());
        List<RolePolicyAttachment> attachments = new ArrayList<>();
        for (int i = 0; i < spec.managedPolicies().size(); i++) {
            attachments.add(new RolePolicyAttachment(name + "-" + (i + 1), RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn(spec.managedPolicies().get(i))
                    .build(), child()));
        }
        List<com.pulumi.resources.Resource> grantsFirst = new ArrayList<>(attachments);
        grantsFirst.add(grants);

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
                // Local caches do not survive across build hosts; the S3 cache does. Each project has its own.
                .cache(spec.cache()
                        ? ProjectCacheArgs.builder().type("S3").location(artifacts.cacheLocation(name)).build()
                        : ProjectCacheArgs.builder().type("NO_CACHE").build())
                .logsConfig(ProjectLogsConfigArgs.builder()
                        .cloudwatchLogs(ProjectLogsConfigCloudwatchLogsArgs.builder()
                                .status("ENABLED").groupName(logs.name()).build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(grantsFirst).build());

        this.arn = project.arn();
        registerOutputs(Map.of("arn", arn));
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
