package com.bookstore.infra.pipeline;

import com.bookstore.infra.blog.BlogSite;
import com.bookstore.infra.region.RegionContext;
import com.bookstore.infra.security.PolicyJson;
import com.google.gson.Gson;
import com.pulumi.aws.codepipeline.Pipeline;
import com.pulumi.aws.codepipeline.PipelineArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreEncryptionKeyArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageActionArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPullRequestArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPullRequestBranchesArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPullRequestFilePathsArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPushArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPushBranchesArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPushFilePathsArgs;
import com.pulumi.aws.codestarconnections.Connection;
import com.pulumi.aws.codestarconnections.ConnectionArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GitOps pipelines of pipeline/README.md, in the primary stack (DESIGN §6):
 * <ul>
 * <li><b>delivery</b>, on a push to the branch: Source -> BuildAndTest -> DeployPrimary (then the blog's seed
 * posts) -> VerifyPrimary -> (ApprovePromotion) -> DeploySecondary -> VerifySecondary. Both deploys take the one {@code BuildOutput} the
 * tests ran against, and a stage only starts after the one before it succeeded, so the secondary never gets a
 * commit the primary did not verify;</li>
 * <li><b>preview</b>, on a pull request opened or updated against the branch: Source -> PullRequestPreview
 * (read-only role). A pipeline's triggers share its stages, so a pull request has a pipeline of its own that has
 * no deploy stage to reach.</li>
 * </ul>
 * Pushes and pull requests that change only documentation start neither. Each pipeline has its own encrypted
 * artifact bucket, so a pull request's build can neither read nor overwrite what the delivery pipeline deploys.
 */
public final class DeliveryPipeline extends ComponentResource {

    /** Changes limited to these paths deploy nothing and preview nothing. */
    public static final List<String> DOCUMENTATION_ONLY = List.of("docs/**", "**/*.md");
    public static final String PRIMARY_STACK = "primary";
    public static final String SECONDARY_STACK = "secondary";

    static final String SOURCE_OUTPUT = "SourceOutput";
    static final String BUILD_OUTPUT = "BuildOutput";
    static final String SOURCE_NAMESPACE = "SourceVariables";
    static final String DEPLOY_PRIMARY = "DeployPrimary";
    static final String DEPLOY_SECONDARY = "DeploySecondary";

    public final Output<String> connectionArn;
    public final Output<String> deliveryPipelineName;
    public final Output<String> previewPipelineName;

    /**
     * @param name    resource name prefix ({@code bookstore-pipeline})
     * @param project     the Pulumi project: the prefix of every name the stacks choose and the {@code project} tag
     * @param blogSeeding the primary's blog seeding task, which the primary's deploy runs after {@code pulumi up}
     * @param booksTable  the primary's Books table, which the primary's deploy loads the catalogue into
     */
    public DeliveryPipeline(String name, String project, RegionContext region, PipelineSettings pipeline,
                            Optional<BlogSite.SeedTaskResources> blogSeeding, Output<String> booksTable) {
        super("bookstore:pipeline:DeliveryPipeline", name,
                ComponentResourceOptions.builder().providers(region.providers().home()).build());
        var settings = region.settings();
        var parent = this;

        this.connectionArn = pipeline.connectionArn().map(Output::of).orElseGet(() ->
                // Created PENDING: a person authorises the GitHub app once (pipeline/README.md, bootstrap).
                new Connection(name + "-github", ConnectionArgs.builder()
                        .name(project + "-github")
                        .providerType("GitHub")
                        .build(), CustomResourceOptions.builder().parent(this).build()).arn());

        var deliveryArtifacts = new PipelineArtifacts(name + "-artifacts", region, parent);
        var previewArtifacts = new PipelineArtifacts(name + "-preview-artifacts", region, parent);
        var gate = new VerifyGate(name + "-gate", region, pipeline.gateJar(), deliveryArtifacts.keyArn, parent);

        var access = new StackAccess(project, region.accountId(), settings.region(),
                List.of(settings.region(), settings.peerRegion(), settings.edgeRegion()),
                settings.hostedZoneId(), pipeline.backend());
        List<BuildProject.Variable> backend = backendVariables(pipeline.backend());
        List<String> deploySecrets = pipeline.backend().accessTokenSecret().stream().toList();

        var build = new BuildProject(project + "-build", region, deliveryArtifacts, new BuildProject.Spec(
                "pipeline/buildspecs/build-and-test.yml",
                "Runs every test (make test) and packages what the deploys ship; no deploy rights",
                // Real chromium, redis, MariaDB and WordPress need Debian (pipeline/README.md, "Build image");
                // 4 vCPUs and 7 GB run the suites side by side as on a developer's machine.
                pipeline.buildImage(), "BUILD_GENERAL1_MEDIUM", 90, List.of(), List.of()), parent);
        // Only the primary's deploy seeds the catalogue and the blog (the secondary holds replicas of both).
        List<Map<String, Object>> seeding = new ArrayList<>(blogSeeding.map(access::seedBlog).orElse(List.of()));
        seeding.add(access.seedCatalogue(booksTable));
        var deployPrimary = deployProject(project, PRIMARY_STACK, region, deliveryArtifacts, access, backend,
                deploySecrets, seeding, parent);
        var deploySecondary = deployProject(project, SECONDARY_STACK, region, deliveryArtifacts, access, backend,
                deploySecrets, List.of(), parent);
        List<String> previewSecrets = new ArrayList<>(deploySecrets);
        previewSecrets.add(pipeline.githubTokenSecret());
        List<Map<String, Object>> previewGrants = new ArrayList<>(access.preview());
        previewGrants.add(access.readSecrets(previewSecrets));
        List<BuildProject.Variable> previewVariables = new ArrayList<>(backend);
        previewVariables.add(BuildProject.Variable.secret("GITHUB_TOKEN", pipeline.githubTokenSecret()));
        // The offline plan diff compares the pull request with where it branched off the pipeline's branch.
        previewVariables.add(BuildProject.Variable.plain("BASE_BRANCH", pipeline.branch()));
        var preview = new BuildProject(project + "-pr-preview", region, previewArtifacts, new BuildProject.Spec(
                "pipeline/buildspecs/pr-preview.yml",
                "Previews both stacks for a pull request and comments once; read-only",
                BuildProject.CURATED_IMAGE, "BUILD_GENERAL1_MEDIUM", 45, previewVariables, previewGrants), parent);

        var source = sourceAction(pipeline);
        List<VerifyGate.Route> primaryRoute = List.of(new VerifyGate.Route(settings.region(), settings.peerRegion()));
        List<VerifyGate.Route> bothRoutes = List.of(primaryRoute.get(0),
                new VerifyGate.Route(settings.peerRegion(), settings.region()));
        List<String> tables = VerifyGate.tables(region);

        List<PipelineStageArgs> deliveryStages = new ArrayList<>();
        deliveryStages.add(stage("Source", source));
        deliveryStages.add(stage("BuildAndTest", codeBuild("BuildAndTest", build, SOURCE_OUTPUT, BUILD_OUTPUT, null,
                Map.of())));
        deliveryStages.add(stage(DEPLOY_PRIMARY, codeBuild(DEPLOY_PRIMARY, deployPrimary, BUILD_OUTPUT,
                "PrimaryDeployOutputs", DEPLOY_PRIMARY, Map.of())));
        deliveryStages.add(stage("VerifyPrimary", verify("VerifyPrimary", gate,
                VerifyGate.userParameters(PRIMARY_STACK, DEPLOY_PRIMARY, settings.region(), tables,
                        primaryRoute))));
        if (pipeline.manualApproval()) {
            deliveryStages.add(stage("ApprovePromotion", approval(settings.peerRegion())));
        }
        deliveryStages.add(stage(DEPLOY_SECONDARY, codeBuild(DEPLOY_SECONDARY, deploySecondary, BUILD_OUTPUT,
                "SecondaryDeployOutputs", DEPLOY_SECONDARY, Map.of())));
        deliveryStages.add(stage("VerifySecondary", verify("VerifySecondary", gate,
                VerifyGate.userParameters(SECONDARY_STACK, DEPLOY_SECONDARY, settings.peerRegion(),
                        tables, bothRoutes))));

        var deliveryRole = pipelineRole(name + "-delivery", deliveryArtifacts,
                List.of(build, deployPrimary, deploySecondary), List.of(gate.functionArn));
        this.deliveryPipelineName = new Pipeline(name + "-delivery", PipelineArgs.builder()
                .name(project + "-delivery")
                .pipelineType("V2")
                // One commit at a time through every stage, in push order: a newer commit never overtakes an
                // older one between the regions.
                .executionMode("QUEUED")
                .roleArn(deliveryRole.arn)
                .artifactStores(artifactStore(deliveryArtifacts))
                .stages(deliveryStages)
                .triggers(PipelineTriggerArgs.builder()
                        .providerType("CodeStarSourceConnection")
                        .gitConfiguration(PipelineTriggerGitConfigurationArgs.builder()
                                .sourceActionName("Source")
                                .pushes(PipelineTriggerGitConfigurationPushArgs.builder()
                                        .branches(PipelineTriggerGitConfigurationPushBranchesArgs.builder()
                                                .includes(pipeline.branch()).build())
                                        .filePaths(PipelineTriggerGitConfigurationPushFilePathsArgs.builder()
                                                .excludes(DOCUMENTATION_ONLY).build())
                                        .build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(deliveryRole.grants).build()).name();

        var previewRole = pipelineRole(name + "-preview", previewArtifacts, List.of(preview), List.of());
        Map<String, String> previewVariablesFromSource = new LinkedHashMap<>();
        previewVariablesFromSource.put("GITHUB_REPOSITORY", "#{" + SOURCE_NAMESPACE + ".FullRepositoryName}");
        previewVariablesFromSource.put("COMMIT_ID", "#{" + SOURCE_NAMESPACE + ".CommitId}");
        this.previewPipelineName = new Pipeline(name + "-preview", PipelineArgs.builder()
                .name(project + "-preview")
                .pipelineType("V2")
                .executionMode("QUEUED")
                .roleArn(previewRole.arn)
                .artifactStores(artifactStore(previewArtifacts))
                .stages(stage("Source", source),
                        stage("PullRequestPreview", codeBuild("PullRequestPreview", preview, SOURCE_OUTPUT,
                                null, null, previewVariablesFromSource)))
                .triggers(PipelineTriggerArgs.builder()
                        .providerType("CodeStarSourceConnection")
                        .gitConfiguration(PipelineTriggerGitConfigurationArgs.builder()
                                .sourceActionName("Source")
                                .pullRequests(PipelineTriggerGitConfigurationPullRequestArgs.builder()
                                        .events("OPEN", "UPDATED")
                                        .branches(PipelineTriggerGitConfigurationPullRequestBranchesArgs.builder()
                                                .includes(pipeline.branch()).build())
                                        .filePaths(PipelineTriggerGitConfigurationPullRequestFilePathsArgs.builder()
                                                .excludes(DOCUMENTATION_ONLY).build())
                                        .build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(previewRole.grants).build()).name();

        registerOutputs(Map.of(
                "connectionArn", connectionArn,
                "deliveryPipelineName", deliveryPipelineName,
                "previewPipelineName", previewPipelineName));
    }

    private static BuildProject deployProject(String project, String stack, RegionContext region,
                                              PipelineArtifacts artifacts, StackAccess access,
                                              List<BuildProject.Variable> backend, List<String> secrets,
                                              List<Map<String, Object>> afterDeploy, ComponentResource parent) {
        List<BuildProject.Variable> variables = new ArrayList<>();
        variables.add(BuildProject.Variable.plain("STACK", stack));
        variables.addAll(backend);
        List<Map<String, Object>> grants = new ArrayList<>(access.deploy());
        if (!secrets.isEmpty()) {
            grants.add(access.readSecrets(secrets));
        }
        grants.addAll(afterDeploy);
        return new BuildProject(project + "-deploy-" + stack, region, artifacts, new BuildProject.Spec(
                "pipeline/buildspecs/deploy.yml", "pulumi up of the " + stack + " stack from the tested build",
                BuildProject.CURATED_IMAGE, "BUILD_GENERAL1_SMALL", 60, variables, grants), parent);
    }

    /** The backend variables pipeline/scripts/pulumi-login.sh and select-stack.sh read. */
    private static List<BuildProject.Variable> backendVariables(PipelineSettings.StateBackend backend) {
        List<BuildProject.Variable> variables = new ArrayList<>();
        backend.url().ifPresent(url -> variables.add(BuildProject.Variable.plain("PULUMI_BACKEND_URL", url)));
        backend.secretsProvider().ifPresent(provider ->
                variables.add(BuildProject.Variable.plain("PULUMI_SECRETS_PROVIDER", provider)));
        backend.accessTokenSecret().ifPresent(secret ->
                variables.add(BuildProject.Variable.secret("PULUMI_ACCESS_TOKEN", secret)));
        backend.stackPrefix().ifPresent(prefix ->
                variables.add(BuildProject.Variable.plain("PULUMI_STACK_PREFIX", prefix)));
        return variables;
    }

    private PipelineStageActionArgs sourceAction(PipelineSettings pipeline) {
        return PipelineStageActionArgs.builder()
                .name("Source")
                .category("Source")
                .owner("AWS")
                .provider("CodeStarSourceConnection")
                .version("1")
                .namespace(SOURCE_NAMESPACE)
                .outputArtifacts(SOURCE_OUTPUT)
                .configuration(connectionArn.applyValue(arn -> {
                    Map<String, String> configuration = new LinkedHashMap<>();
                    configuration.put("ConnectionArn", arn);
                    configuration.put("FullRepositoryId", pipeline.repository());
                    configuration.put("BranchName", pipeline.branch());
                    configuration.put("OutputArtifactFormat", "CODE_ZIP");
                    return configuration;
                }))
                .build();
    }

    private static PipelineStageActionArgs codeBuild(String name, BuildProject project, String input, String output,
                                                     String namespace, Map<String, String> variables) {
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("ProjectName", project.projectName);
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
                .inputArtifacts(input)
                .configuration(configuration);
        if (output != null) {
            action.outputArtifacts(output);
        }
        if (namespace != null) {
            action.namespace(namespace);
        }
        return action.build();
    }

    private static PipelineStageActionArgs verify(String name, VerifyGate gate, String userParameters) {
        return PipelineStageActionArgs.builder()
                .name(name)
                .category("Invoke")
                .owner("AWS")
                .provider("Lambda")
                .version("1")
                .configuration(gate.functionName.applyValue(function -> {
                    Map<String, String> configuration = new LinkedHashMap<>();
                    configuration.put("FunctionName", function);
                    configuration.put("UserParameters", userParameters);
                    return configuration;
                }))
                .build();
    }

    private static PipelineStageActionArgs approval(String peerRegion) {
        return PipelineStageActionArgs.builder()
                .name("ApprovePromotion")
                .category("Approval")
                .owner("AWS")
                .provider("Manual")
                .version("1")
                .configuration(Map.of("CustomData", "The primary is deployed and verified with commit #{"
                        + SOURCE_NAMESPACE + ".CommitId}. Approve to deploy it to the secondary (" + peerRegion + ")."))
                .build();
    }

    private static PipelineStageArgs stage(String name, PipelineStageActionArgs action) {
        return PipelineStageArgs.builder().name(name).actions(action).build();
    }

    private static PipelineArtifactStoreArgs artifactStore(PipelineArtifacts artifacts) {
        return PipelineArtifactStoreArgs.builder()
                .type("S3")
                .location(artifacts.bucketName)
                .encryptionKey(PipelineArtifactStoreEncryptionKeyArgs.builder().type("KMS").id(artifacts.keyArn).build())
                .build();
    }

    /** A pipeline's service role: its artifacts, the connection, its build projects and its gate. */
    private PipelineRole pipelineRole(String name, PipelineArtifacts artifacts, List<BuildProject> projects,
                                      List<Output<String>> functions) {
        var role = new Role(name, RoleArgs.builder()
                .description("Runs the CodePipeline " + name)
                .assumeRolePolicy(PolicyJson.trustPolicy("codepipeline.amazonaws.com"))
                .build(), CustomResourceOptions.builder().parent(this).build());
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
                .build(), CustomResourceOptions.builder().parent(this).build());
        return new PipelineRole(role.arn(), grants);
    }

    private record PipelineRole(Output<String> arn, RolePolicy grants) {
    }
}
