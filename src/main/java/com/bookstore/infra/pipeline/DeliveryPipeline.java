package com.bookstore.infra.pipeline;

import com.bookstore.infra.region.RegionContext;
import com.bookstore.infra.security.PermissionsBoundary;
import com.bookstore.infra.security.PolicyJson;
import com.pulumi.aws.codepipeline.Pipeline;
import com.pulumi.aws.codepipeline.PipelineArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageActionArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPushArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPushBranchesArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPushFilePathsArgs;
import com.pulumi.aws.codestarconnections.Connection;
import com.pulumi.aws.codestarconnections.ConnectionArgs;
import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.bookstore.infra.pipeline.PipelineParts.approval;
import static com.bookstore.infra.pipeline.PipelineParts.codeBuild;
import static com.bookstore.infra.pipeline.PipelineParts.source;
import static com.bookstore.infra.pipeline.PipelineParts.stage;

/**
 * The GitOps pipelines of pipeline/README.md, in the primary stack (docs/architecture.md#pipeline):
 * <ul>
 * <li><b>delivery</b>, on a push to the branch: Source -> BuildAndTest -> DeployPrimary (then the blog's seed
 * posts) -> VerifyPrimary -> (ApprovePromotion) -> DeploySecondary -> VerifySecondary. Both deploys take the one {@code BuildOutput} the
 * tests ran against, and a stage only starts after the one before it succeeded, so the secondary never gets a
 * commit the primary did not verify;</li>
 * <li><b>preview</b>, on a pull request opened or updated against the branch: {@link PullRequestPipeline}. A
 * pipeline's triggers share its stages, so a pull request has a pipeline of its own that has no deploy stage to
 * reach.</li>
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

    /** {@code name} prefixes the resources ({@code bookstore-pipeline}). */
    public DeliveryPipeline(String name, DeliveryPipelineArgs args, ComponentResourceOptions options) {
        super("bookstore:pipeline:DeliveryPipeline", name, options);
        String project = args.project();
        RegionContext region = args.region();
        PipelineSettings pipeline = args.pipeline();

        this.connectionArn = pipeline.connectionArn().map(Output::of).orElseGet(() ->
                // Created PENDING: a person authorises the GitHub app once (pipeline/README.md, bootstrap).
                new Connection(name + "-github", ConnectionArgs.builder()
                        .name(project + "-github")
                        .providerType("GitHub")
                        .build(), CustomResourceOptions.builder().parent(this).build()).arn());

        var deliveryArtifacts = new PipelineArtifacts(name + "-artifacts",
                new PipelineArtifactsArgs(region, args.emptiedOnDestroy()), childOptions(region));
        var gate = new VerifyGate(name + "-gate", new VerifyGateArgs(region, pipeline.gateJar(), deliveryArtifacts.keyArn,
                args.logRetentionDays()), childOptions(region));
        String deliveryName = project + "-delivery";

        var access = new StackAccess(project, region.accountId(), region.region(),
                List.of(region.region(), region.peerRegion(), region.edgeRegion()),
                args.hostedZoneId(), pipeline.backend(), PermissionsBoundary.arnOf(project, region.accountId()));
        List<BuildProject.Variable> backend = PipelineParts.backendVariables(pipeline.backend(),
                pipeline.backend().accessTokenSecret());
        List<String> deploySecrets = pipeline.backend().accessTokenSecret().stream().toList();
        // The deploy grants exceed IAM's inline quota: managed policies of one concern each, shared by both deploys.
        List<Output<String>> deployPolicies = access.deploy().stream().map(grant -> new Policy(
                project + "-deploy-" + grant.name(), PolicyArgs.builder()
                        .name(project + "-deploy-" + grant.name())
                        .description("pulumi up of the " + project + " stacks: " + grant.description())
                        .policy(PolicyJson.document(grant.statements()))
                        .build(), CustomResourceOptions.builder().parent(this).build()).arn()).toList();

        var build = new BuildProject(project + "-build", new BuildProjectArgs(region, deliveryArtifacts,
                args.logRetentionDays(), new BuildProject.Spec(
                "pipeline/buildspecs/build-and-test.yml",
                "Runs every test (make test) and packages what the deploys ship; no deploy rights",
                // Real chromium, redis, MariaDB and WordPress need Debian (pipeline/README.md, "Build image");
                // 4 vCPUs and 7 GB run the suites side by side as on a developer's machine.
                pipeline.buildImage(), "BUILD_GENERAL1_MEDIUM", 90, List.of(), List.of(), deliveryName,
                List.of(BUILD_OUTPUT), true, true, List.of())), childOptions(region));
        // Only the primary's deploy seeds the catalogue and the blog (the secondary holds replicas of both).
        List<Map<String, Object>> seeding = new ArrayList<>(args.blogSeeding().map(access::seedBlog).orElse(List.of()));
        seeding.add(access.seedCatalogue(args.booksTable()));
        java.util.function.Function<BuildProject.Spec, BuildProjectArgs> deployArgs =
                spec -> new BuildProjectArgs(region, deliveryArtifacts, args.logRetentionDays(), spec);
        var deployPrimary = deployProject(project, PRIMARY_STACK, deployArgs, access, backend,
                deploySecrets, seeding, deployPolicies, deliveryName, "PrimaryDeployOutputs", childOptions(region));
        var deploySecondary = deployProject(project, SECONDARY_STACK, deployArgs, access, backend,
                deploySecrets, List.of(), deployPolicies, deliveryName, "SecondaryDeployOutputs", childOptions(region));

        List<VerifyGate.Route> primaryRoute = List.of(new VerifyGate.Route(region.region(), region.peerRegion()));
        List<VerifyGate.Route> bothRoutes = List.of(primaryRoute.get(0),
                new VerifyGate.Route(region.peerRegion(), region.region()));
        List<String> tables = VerifyGate.tables(region);

        List<PipelineStageArgs> deliveryStages = new ArrayList<>();
        deliveryStages.add(stage("Source", source("Source", SOURCE_OUTPUT, SOURCE_NAMESPACE, connectionArn, pipeline)));
        deliveryStages.add(stage("BuildAndTest", codeBuild("BuildAndTest", build, List.of(SOURCE_OUTPUT), BUILD_OUTPUT,
                null, Map.of())));
        deliveryStages.add(stage(DEPLOY_PRIMARY, codeBuild(DEPLOY_PRIMARY, deployPrimary, List.of(BUILD_OUTPUT),
                "PrimaryDeployOutputs", DEPLOY_PRIMARY, Map.of())));
        deliveryStages.add(stage("VerifyPrimary", verify("VerifyPrimary", gate,
                VerifyGate.userParameters(PRIMARY_STACK, DEPLOY_PRIMARY, region.region(), tables,
                        primaryRoute))));
        if (pipeline.manualApproval()) {
            deliveryStages.add(stage("ApprovePromotion", approval("ApprovePromotion", "The primary is deployed and "
                    + "verified with commit #{" + SOURCE_NAMESPACE + ".CommitId}. Approve to deploy it to the secondary ("
                    + region.peerRegion() + ").")));
        }
        deliveryStages.add(stage(DEPLOY_SECONDARY, codeBuild(DEPLOY_SECONDARY, deploySecondary, List.of(BUILD_OUTPUT),
                "SecondaryDeployOutputs", DEPLOY_SECONDARY, Map.of())));
        deliveryStages.add(stage("VerifySecondary", verify("VerifySecondary", gate,
                VerifyGate.userParameters(SECONDARY_STACK, DEPLOY_SECONDARY, region.peerRegion(),
                        tables, bothRoutes))));

        var deliveryRole = PipelineParts.role(name + "-delivery", deliveryArtifacts, connectionArn,
                List.of(build, deployPrimary, deploySecondary), List.of(gate.functionArn), region, this);
        this.deliveryPipelineName = new Pipeline(name + "-delivery", PipelineArgs.builder()
                .name(deliveryName)
                .pipelineType("V2")
                // One commit at a time through every stage, in push order: a newer commit never overtakes an
                // older one between the regions.
                .executionMode("QUEUED")
                .roleArn(deliveryRole.arn())
                .artifactStores(PipelineParts.artifactStore(deliveryArtifacts))
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
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(deliveryRole.grants()).build()).name();
        this.previewPipelineName = new PullRequestPipeline(name + "-pull-requests", new PullRequestPipelineArgs(name,
                project, region, pipeline, connectionArn, access, args.logRetentionDays(), args.emptiedOnDestroy()),
                childOptions(region)).pipelineName;

        registerOutputs(Map.of(
                "connectionArn", connectionArn,
                "deliveryPipelineName", deliveryPipelineName,
                "previewPipelineName", previewPipelineName));
    }

    private static BuildProject deployProject(String project, String stack,
                                              java.util.function.Function<BuildProject.Spec, BuildProjectArgs> argsOf,
                                              StackAccess access,
                                              List<BuildProject.Variable> backend, List<String> secrets,
                                              List<Map<String, Object>> afterDeploy, List<Output<String>> policies,
                                              String pipelineName, String output, ComponentResourceOptions options) {
        List<BuildProject.Variable> variables = new ArrayList<>();
        variables.add(BuildProject.Variable.plain("STACK", stack));
        variables.addAll(backend);
        List<Map<String, Object>> grants = new ArrayList<>(access.deployState());
        if (!secrets.isEmpty()) {
            grants.add(access.readSecrets("ReadPipelineTokens", secrets));
        }
        grants.addAll(afterDeploy);
        return new BuildProject(project + "-deploy-" + stack, argsOf.apply(new BuildProject.Spec(
                "pipeline/buildspecs/deploy.yml", "pulumi up of the " + stack + " stack from the tested build",
                BuildProject.CURATED_IMAGE, "BUILD_GENERAL1_SMALL", 60, variables, grants, pipelineName,
                List.of(output), true, false, policies)), options);
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

    private ComponentResourceOptions childOptions(RegionContext region) {
        return ComponentResourceOptions.builder().parent(this).providers(region.providers().home()).build();
    }
}
