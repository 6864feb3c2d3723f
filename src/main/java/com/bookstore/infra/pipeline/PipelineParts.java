package com.bookstore.infra.pipeline;

import com.bookstore.infra.region.RegionContext;
import com.bookstore.infra.security.PolicyJson;
import com.google.gson.Gson;
import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreEncryptionKeyArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageActionArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the delivery and the pull-request pipelines are both made of: actions, stages, stores, service roles. */
final class PipelineParts {

    /** A pipeline's service role and the grants the pipeline must wait for. */
    record PipelineRole(Output<String> arn, RolePolicy grants) {
    }

    private PipelineParts() {
    }

    /** The backend variables pipeline/scripts/pulumi-login.sh and select-stack.sh read. */
    static List<BuildProject.Variable> backendVariables(PipelineSettings.StateBackend backend,
                                                        Optional<String> accessTokenSecret) {
        List<BuildProject.Variable> variables = new ArrayList<>();
        backend.url().ifPresent(url -> variables.add(BuildProject.Variable.plain("PULUMI_BACKEND_URL", url)));
        backend.secretsProvider().ifPresent(provider ->
                variables.add(BuildProject.Variable.plain("PULUMI_SECRETS_PROVIDER", provider)));
        accessTokenSecret.ifPresent(secret ->
                variables.add(BuildProject.Variable.secret("PULUMI_ACCESS_TOKEN", secret)));
        backend.stackPrefix().ifPresent(prefix ->
                variables.add(BuildProject.Variable.plain("PULUMI_STACK_PREFIX", prefix)));
        return variables;
    }

    /**
     * A source action on the repository's branch. With a {@code namespace} it is the action a trigger names (the
     * pushed commit, the pull request's head); without, a second source that fetches the branch's own head and
     * never starts an execution itself.
     */
    static PipelineStageActionArgs source(String name, String output, String namespace, Output<String> connectionArn,
                                          PipelineSettings pipeline) {
        var action = PipelineStageActionArgs.builder()
                .name(name)
                .category("Source")
                .owner("AWS")
                .provider("CodeStarSourceConnection")
                .version("1")
                .outputArtifacts(output)
                .configuration(connectionArn.applyValue(arn -> {
                    Map<String, String> configuration = new LinkedHashMap<>();
                    configuration.put("ConnectionArn", arn);
                    configuration.put("FullRepositoryId", pipeline.repository());
                    configuration.put("BranchName", pipeline.branch());
                    configuration.put("OutputArtifactFormat", "CODE_ZIP");
                    if (namespace == null) {
                        configuration.put("DetectChanges", "false");
                    }
                    return configuration;
                }));
        if (namespace != null) {
            action.namespace(namespace);
        }
        return action.build();
    }

    static PipelineStageActionArgs codeBuild(String name, BuildProject project, List<String> inputs,
                                             String output, String namespace, Map<String, String> variables) {
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("ProjectName", project.projectName);
        if (inputs.size() > 1) {
            // The first input is the build's source directory; the others arrive in CODEBUILD_SRC_DIR_<name>.
            configuration.put("PrimarySource", inputs.get(0));
        }
        if (!variables.isEmpty()) {
            List<Map<String, String>> list = new ArrayList<>();
            variables.forEach((key, value) -> {
                Map<String, String> variable = new LinkedHashMap<>();
                variable.put("name", key);
                variable.put("value", value);
                variable.put("type", "PLAINTEXT");
                list.add(variable);
            });
            configuration.put("EnvironmentVariables", new Gson().toJson(list));
        }
        var action = PipelineStageActionArgs.builder()
                .name(name)
                .category("Build")
                .owner("AWS")
                .provider("CodeBuild")
                .version("1")
                .inputArtifacts(inputs)
                .configuration(configuration);
        if (output != null) {
            action.outputArtifacts(output);
        }
        if (namespace != null) {
            action.namespace(namespace);
        }
        return action.build();
    }

    static PipelineStageActionArgs approval(String name, String customData) {
        return PipelineStageActionArgs.builder()
                .name(name)
                .category("Approval")
                .owner("AWS")
                .provider("Manual")
                .version("1")
                .configuration(Map.of("CustomData", customData))
                .build();
    }

    static PipelineStageArgs stage(String name, PipelineStageActionArgs... actions) {
        return PipelineStageArgs.builder().name(name).actions(actions).build();
    }

    static PipelineArtifactStoreArgs artifactStore(PipelineArtifacts artifacts) {
        return PipelineArtifactStoreArgs.builder()
                .type("S3")
                .location(artifacts.bucketName)
                .encryptionKey(PipelineArtifactStoreEncryptionKeyArgs.builder().type("KMS").id(artifacts.keyArn).build())
                .build();
    }

    /** A pipeline's service role: its artifacts, the connection, its build projects and its Lambda actions. */
    static PipelineRole role(String name, PipelineArtifacts artifacts, Output<String> connectionArn,
                             List<BuildProject> projects, List<Output<String>> functions, RegionContext region,
                             ComponentResource parent) {
        var options = CustomResourceOptions.builder().parent(parent).build();
        var role = new Role(name, RoleArgs.builder()
                .description("Runs the CodePipeline " + name)
                .assumeRolePolicy(PolicyJson.trustPolicy("codepipeline.amazonaws.com"))
                .permissionsBoundary(region.permissionsBoundaryArn())
                .build(), options);
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(PolicyJson.allow("PipelineArtifacts",
                List.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"), List.of(artifacts.objects())));
        statements.add(PolicyJson.allow("PipelineArtifactBucket",
                List.of("s3:GetBucketVersioning", "s3:GetBucketLocation"), List.of(artifacts.bucketArn)));
        statements.add(PolicyJson.allow("PipelineArtifactKey",
                List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"),
                List.of(artifacts.keyArn)));
        // The service was renamed CodeConnections; connections answer to both action prefixes.
        statements.add(PolicyJson.allow("UseRepositoryConnection",
                List.of("codestar-connections:UseConnection", "codeconnections:UseConnection"), List.of(connectionArn)));
        statements.add(PolicyJson.allow("RunBuilds",
                List.of("codebuild:StartBuild", "codebuild:BatchGetBuilds", "codebuild:StopBuild"),
                projects.stream().map(p -> p.arn).toList()));
        if (!functions.isEmpty()) {
            statements.add(PolicyJson.allow("InvokeVerifyGate", List.of("lambda:InvokeFunction"), functions));
        }
        var grants = new RolePolicy(name, RolePolicyArgs.builder()
                .role(role.id())
                .policy(PolicyJson.document(statements))
                .build(), options);
        return new PipelineRole(role.arn(), grants);
    }
}
