package com.bookstore.infra.pipeline;

import com.bookstore.infra.blog.BlogSite;
import com.bookstore.infra.region.RegionContext;
import com.bookstore.infra.security.PermissionsBoundary;
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
import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
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
 * <li><b>preview</b>, on a pull request opened or updated against the branch: Source (the pull request's head and
 * the branch's own head, {@code TrustedSource}) -> UntrustedPlan (the pull request's code, no secrets) -> ReportPlan
 * (inline buildspec, the branch's reporter, a comment-only token) -> ApprovePreview (a maintainer) -> GatedPreview
 * (read-only role and token) -> ReportPreview. A pipeline's triggers share its stages, so a pull request has a
 * pipeline of its own that has no deploy stage to reach.</li>
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
    static final String TRUSTED_SOURCE = "TrustedSource";
    static final String PLAN_OUTPUT = "PlanOutput";
    static final String PREVIEW_OUTPUT = "PreviewOutput";

    public final Output<String> connectionArn;
    public final Output<String> deliveryPipelineName;
    public final Output<String> previewPipelineName;

    /**
     * @param name    resource name prefix ({@code bookstore-pipeline})
     * @param project     the Pulumi project: the prefix of every name the stacks choose and the {@code project} tag
     * @param blogSeeding the primary's blog seeding task, which the primary's deploy runs after {@code pulumi up}
     */
    public DeliveryPipeline(String name, String project, RegionContext region, PipelineSettings pipeline,
                            Optional<BlogSite.SeedTaskResources> blogSeeding) {
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
        String deliveryName = project + "-delivery";
        String previewName = project + "-preview";

        var access = new StackAccess(project, region.accountId(), settings.region(),
                List.of(settings.region(), settings.peerRegion(), settings.edgeRegion()),
                settings.hostedZoneId(), pipeline.backend(), PermissionsBoundary.arnOf(project, region.accountId()));
        List<BuildProject.Variable> backend = backendVariables(pipeline.backend(), pipeline.backend().accessTokenSecret());
        List<String> deploySecrets = pipeline.backend().accessTokenSecret().stream().toList();
        // The deploy grants exceed IAM's inline quota: managed policies of one concern each, shared by both deploys.
        List<Output<String>> deployPolicies = access.deploy().stream().map(grant -> new Policy(
                project + "-deploy-" + grant.name(), PolicyArgs.builder()
                        .name(project + "-deploy-" + grant.name())
                        .description("pulumi up of the " + project + " stacks: " + grant.description())
                        .policy(PolicyJson.document(grant.statements()))
                        .build(), CustomResourceOptions.builder().parent(this).build()).arn()).toList();

        var build = new BuildProject(project + "-build", region, deliveryArtifacts, new BuildProject.Spec(
                "pipeline/buildspecs/build-and-test.yml",
                "Runs every test (make test) and packages what the deploys ship; no deploy rights",
                // Real chromium, redis, MariaDB and WordPress need Debian (pipeline/README.md, "Build image");
                // 4 vCPUs and 7 GB run the suites side by side as on a developer's machine.
                pipeline.buildImage(), "BUILD_GENERAL1_MEDIUM", 90, List.of(), List.of(), deliveryName,
                List.of(BUILD_OUTPUT), true, List.of()), parent);
        // Only the primary's deploy seeds the blog (the secondary's database is a read-only replica).
        List<Map<String, Object>> seeding = blogSeeding.map(access::seedBlog).orElse(List.of());
        var deployPrimary = deployProject(project, PRIMARY_STACK, region, deliveryArtifacts, access, backend,
                deploySecrets, seeding, deployPolicies, deliveryName, "PrimaryDeployOutputs", parent);
        var deploySecondary = deployProject(project, SECONDARY_STACK, region, deliveryArtifacts, access, backend,
                deploySecrets, List.of(), deployPolicies, deliveryName, "SecondaryDeployOutputs", parent);

        // Pull requests (pipeline/README.md, "Pull requests"): the pull request's code runs first with nothing to
        // steal; a program-defined reporter turns its artifact into the comment; the real preview waits for a
        // maintainer and only reads.
        var untrustedPlan = new BuildProject(project + "-pr-plan", region, previewArtifacts, new BuildProject.Spec(
                "pipeline/buildspecs/pr-plan.yml",
                "Untrusted: builds and plans a pull request offline; no secrets, no state, no token",
                BuildProject.CURATED_IMAGE, "BUILD_GENERAL1_MEDIUM", 45,
                List.of(BuildProject.Variable.plain("BASE_BRANCH", pipeline.branch())), List.of(), previewName,
                List.of(PLAN_OUTPUT), false, List.of()), parent);
        var reporter = new BuildProject(project + "-pr-report", region, previewArtifacts, new BuildProject.Spec(
                PullRequestBuildspecs.REPORT,
                "Trusted: posts the pull request's plan and preview as one comment, from the branch's own script",
                BuildProject.CURATED_IMAGE, "BUILD_GENERAL1_SMALL", 10,
                List.of(BuildProject.Variable.secret("GITHUB_TOKEN", pipeline.githubTokenSecret())),
                List.of(access.readSecrets("ReadCommentToken", List.of(pipeline.githubTokenSecret()))), previewName,
                List.of(), false, List.of()), parent);
        List<String> previewSecrets = pipeline.backend().accessTokenSecret().isPresent()
                ? List.of(PipelineSettings.PREVIEW_ACCESS_TOKEN_SECRET) : List.of();
        List<Map<String, Object>> previewGrants = new ArrayList<>(access.preview());
        if (!previewSecrets.isEmpty()) {
            previewGrants.add(access.readSecrets("ReadReadOnlyPulumiToken", previewSecrets));
        }
        var gatedPreview = new BuildProject(project + "-pr-preview", region, previewArtifacts, new BuildProject.Spec(
                PullRequestBuildspecs.PREVIEW,
                "Gated: pulumi preview of both stacks after a maintainer's approval; reads only",
                BuildProject.CURATED_IMAGE, "BUILD_GENERAL1_MEDIUM", 45,
                backendVariables(pipeline.backend(), previewSecrets.stream().findFirst()), previewGrants, previewName,
                List.of(PREVIEW_OUTPUT), false, List.of()), parent);

        var source = sourceAction("Source", SOURCE_OUTPUT, SOURCE_NAMESPACE, pipeline);
        List<VerifyGate.Route> primaryRoute = List.of(new VerifyGate.Route(settings.region(), settings.peerRegion()));
        List<VerifyGate.Route> bothRoutes = List.of(primaryRoute.get(0),
                new VerifyGate.Route(settings.peerRegion(), settings.region()));
        List<String> tables = VerifyGate.tables(region);

        List<PipelineStageArgs> deliveryStages = new ArrayList<>();
        deliveryStages.add(stage("Source", source));
        deliveryStages.add(stage("BuildAndTest", codeBuild("BuildAndTest", build, List.of(SOURCE_OUTPUT), BUILD_OUTPUT,
                null, Map.of())));
        deliveryStages.add(stage(DEPLOY_PRIMARY, codeBuild(DEPLOY_PRIMARY, deployPrimary, List.of(BUILD_OUTPUT),
                "PrimaryDeployOutputs", DEPLOY_PRIMARY, Map.of())));
        deliveryStages.add(stage("VerifyPrimary", verify("VerifyPrimary", gate,
                VerifyGate.userParameters(PRIMARY_STACK, DEPLOY_PRIMARY, settings.region(), tables,
                        primaryRoute))));
        if (pipeline.manualApproval()) {
            deliveryStages.add(stage("ApprovePromotion", approval("ApprovePromotion", "The primary is deployed and "
                    + "verified with commit #{" + SOURCE_NAMESPACE + ".CommitId}. Approve to deploy it to the secondary ("
                    + settings.peerRegion() + ").")));
        }
        deliveryStages.add(stage(DEPLOY_SECONDARY, codeBuild(DEPLOY_SECONDARY, deploySecondary, List.of(BUILD_OUTPUT),
                "SecondaryDeployOutputs", DEPLOY_SECONDARY, Map.of())));
        deliveryStages.add(stage("VerifySecondary", verify("VerifySecondary", gate,
                VerifyGate.userParameters(SECONDARY_STACK, DEPLOY_SECONDARY, settings.peerRegion(),
                        tables, bothRoutes))));

        var deliveryRole = pipelineRole(name + "-delivery", deliveryArtifacts,
                List.of(build, deployPrimary, deploySecondary), List.of(gate.functionArn), region);
        this.deliveryPipelineName = new Pipeline(name + "-delivery", PipelineArgs.builder()
                .name(deliveryName)
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

        var previewRole = pipelineRole(name + "-preview", previewArtifacts,
                List.of(untrustedPlan, reporter, gatedPreview), List.of(), region);
        Map<String, String> fromSource = new LinkedHashMap<>();
        fromSource.put("GITHUB_REPOSITORY", "#{" + SOURCE_NAMESPACE + ".FullRepositoryName}");
        fromSource.put("COMMIT_ID", "#{" + SOURCE_NAMESPACE + ".CommitId}");
        this.previewPipelineName = new Pipeline(name + "-preview", PipelineArgs.builder()
                .name(previewName)
                .pipelineType("V2")
                .executionMode("QUEUED")
                .roleArn(previewRole.arn)
                .artifactStores(artifactStore(previewArtifacts))
                .stages(PipelineStageArgs.builder().name("Source").actions(source,
                                sourceAction(TRUSTED_SOURCE, TRUSTED_SOURCE, null, pipeline)).build(),
                        stage("UntrustedPlan", codeBuild("UntrustedPlan", untrustedPlan,
                                List.of(SOURCE_OUTPUT, TRUSTED_SOURCE), PLAN_OUTPUT, null, Map.of())),
                        stage("ReportPlan", codeBuild("ReportPlan", reporter, List.of(TRUSTED_SOURCE, PLAN_OUTPUT),
                                null, null, fromSource)),
                        stage("ApprovePreview", approval("ApprovePreview", "Commit #{" + SOURCE_NAMESPACE
                                + ".CommitId} of a pull request. Approve only after the checks of pipeline/README.md, "
                                + "\"Before approving a preview\": the preview runs this commit's program with read access "
                                + "to the state.")),
                        stage("GatedPreview", codeBuild("GatedPreview", gatedPreview, List.of(SOURCE_OUTPUT),
                                PREVIEW_OUTPUT, null, Map.of())),
                        stage("ReportPreview", codeBuild("ReportPreview", reporter,
                                List.of(TRUSTED_SOURCE, PLAN_OUTPUT, PREVIEW_OUTPUT), null, null, fromSource)))
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
                                              List<Map<String, Object>> afterDeploy, List<Output<String>> policies,
                                              String pipelineName, String output, ComponentResource parent) {
        List<BuildProject.Variable> variables = new ArrayList<>();
        variables.add(BuildProject.Variable.plain("STACK", stack));
        variables.addAll(backend);
        List<Map<String, Object>> grants = new ArrayList<>(access.deployState());
        if (!secrets.isEmpty()) {
            grants.add(access.readSecrets("ReadPipelineTokens", secrets));
        }
        grants.addAll(afterDeploy);
        return new BuildProject(project + "-deploy-" + stack, region, artifacts, new BuildProject.Spec(
                "pipeline/buildspecs/deploy.yml", "pulumi up of the " + stack + " stack from the tested build",
                BuildProject.CURATED_IMAGE, "BUILD_GENERAL1_SMALL", 60, variables, grants, pipelineName,
                List.of(output), true, policies), parent);
    }

    /** The backend variables pipeline/scripts/pulumi-login.sh and select-stack.sh read. */
    private static List<BuildProject.Variable> backendVariables(PipelineSettings.StateBackend backend,
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

    /** The pull request's head (the trigger's action) or, for {@code TrustedSource}, the branch's own head. */
    private PipelineStageActionArgs sourceAction(String name, String output, String namespace,
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
                        // Only the trigger's action starts an execution; a push to the branch must not.
                        configuration.put("DetectChanges", "false");
                    }
                    return configuration;
                }));
        if (namespace != null) {
            action.namespace(namespace);
        }
        return action.build();
    }

    private static PipelineStageActionArgs codeBuild(String name, BuildProject project, List<String> inputs,
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

    private static PipelineStageActionArgs approval(String name, String customData) {
        return PipelineStageActionArgs.builder()
                .name(name)
                .category("Approval")
                .owner("AWS")
                .provider("Manual")
                .version("1")
                .configuration(Map.of("CustomData", customData))
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
                                      List<Output<String>> functions, RegionContext region) {
        var role = new Role(name, RoleArgs.builder()
                .description("Runs the CodePipeline " + name)
                .assumeRolePolicy(PolicyJson.trustPolicy("codepipeline.amazonaws.com"))
                .permissionsBoundary(region.permissionsBoundaryArn())
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
