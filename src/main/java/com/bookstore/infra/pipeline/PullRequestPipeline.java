package com.bookstore.infra.pipeline;

import com.bookstore.infra.region.RegionContext;
import com.pulumi.aws.codepipeline.Pipeline;
import com.pulumi.aws.codepipeline.PipelineArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPullRequestArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPullRequestBranchesArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPullRequestFilePathsArgs;
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
 * The pipeline of pull requests (pipeline/README.md, "Pull requests"), split by what each part may hold:
 * <ol>
 * <li>{@code UntrustedPlan}: the pull request's own buildspec and code plan both stacks offline, holding nothing
 * worth stealing (no secret, no token, no state, no cache);</li>
 * <li>{@code ReportPlan}: a buildspec the program defines runs the branch's reporter ({@code TrustedSource}),
 * which reads the untrusted artifact as text and holds only a comment token;</li>
 * <li>{@code ApprovePreview}: a maintainer approves the commit;</li>
 * <li>{@code GatedPreview}: {@code pulumi preview} of both stacks with a role and token that only read;</li>
 * <li>{@code ReportPreview}: the same comment, now with the previews.</li>
 * </ol>
 * It has an artifact bucket and key of its own and no deploy stage to reach.
 */
public final class PullRequestPipeline extends ComponentResource {

    static final String TRUSTED_SOURCE = "TrustedSource";
    static final String PLAN_OUTPUT = "PlanOutput";
    static final String PREVIEW_OUTPUT = "PreviewOutput";

    public final Output<String> pipelineName;

    public PullRequestPipeline(String componentName, PullRequestPipelineArgs args, ComponentResourceOptions options) {
        super("bookstore:pipeline:PullRequestPipeline", componentName, options);
        String name = args.resourcePrefix();
        String project = args.project();
        RegionContext region = args.region();
        PipelineSettings pipeline = args.pipeline();
        Output<String> connectionArn = args.connectionArn();
        StackAccess access = args.access();
        String pipelineName = project + "-preview";
        var artifacts = new PipelineArtifacts(name + "-preview-artifacts",
                new PipelineArtifactsArgs(region, args.emptiedOnDestroy()), childOptions(region));

        var untrustedPlan = new BuildProject(project + "-pr-plan", new BuildProjectArgs(region, artifacts, args.logRetentionDays(), new BuildProject.Spec(
                "pipeline/buildspecs/pr-plan.yml",
                "Untrusted: builds and plans a pull request offline; no secrets, no state, no token",
                BuildProject.CURATED_IMAGE, "BUILD_GENERAL1_MEDIUM", 45,
                List.of(BuildProject.Variable.plain("BASE_BRANCH", pipeline.branch())), List.of(), pipelineName,
                List.of(PLAN_OUTPUT), false, false, List.of())), childOptions(region));
        var reporter = new BuildProject(project + "-pr-report", new BuildProjectArgs(region, artifacts, args.logRetentionDays(), new BuildProject.Spec(
                PullRequestBuildspecs.REPORT,
                "Trusted: posts the pull request's plan and preview as one comment, from the branch's own script",
                BuildProject.CURATED_IMAGE, "BUILD_GENERAL1_SMALL", 10,
                List.of(BuildProject.Variable.secret("GITHUB_TOKEN", pipeline.githubTokenSecret())),
                List.of(access.readSecrets("ReadCommentToken", List.of(pipeline.githubTokenSecret()))), pipelineName,
                List.of(), false, false, List.of())), childOptions(region));
        // Pulumi Cloud: a token of its own, which must be read-only (the deploys' token can write the stacks).
        List<String> previewSecrets = pipeline.backend().accessTokenSecret().isPresent()
                ? List.of(PipelineSettings.PREVIEW_ACCESS_TOKEN_SECRET) : List.of();
        List<Map<String, Object>> previewGrants = new ArrayList<>(access.preview());
        if (!previewSecrets.isEmpty()) {
            previewGrants.add(access.readSecrets("ReadReadOnlyPulumiToken", previewSecrets));
        }
        var gatedPreview = new BuildProject(project + "-pr-preview", new BuildProjectArgs(region, artifacts, args.logRetentionDays(), new BuildProject.Spec(
                PullRequestBuildspecs.PREVIEW,
                "Gated: pulumi preview of both stacks after a maintainer's approval; reads only",
                BuildProject.CURATED_IMAGE, "BUILD_GENERAL1_MEDIUM", 45,
                PipelineParts.backendVariables(pipeline.backend(), previewSecrets.stream().findFirst()), previewGrants,
                pipelineName, List.of(PREVIEW_OUTPUT), false, false, List.of())), childOptions(region));

        var role = PipelineParts.role(name + "-preview", artifacts, connectionArn,
                List.of(untrustedPlan, reporter, gatedPreview), List.of(), region, this);
        Map<String, String> fromSource = new LinkedHashMap<>();
        fromSource.put("GITHUB_REPOSITORY", "#{" + DeliveryPipeline.SOURCE_NAMESPACE + ".FullRepositoryName}");
        fromSource.put("COMMIT_ID", "#{" + DeliveryPipeline.SOURCE_NAMESPACE + ".CommitId}");
        this.pipelineName = new Pipeline(name + "-preview", PipelineArgs.builder()
                .name(pipelineName)
                .pipelineType("V2")
                .executionMode("QUEUED")
                .roleArn(role.arn())
                .artifactStores(PipelineParts.artifactStore(artifacts))
                .stages(stage("Source",
                                source("Source", DeliveryPipeline.SOURCE_OUTPUT, DeliveryPipeline.SOURCE_NAMESPACE, connectionArn, pipeline),
                                source(TRUSTED_SOURCE, TRUSTED_SOURCE, null, connectionArn, pipeline)),
                        stage("UntrustedPlan", codeBuild("UntrustedPlan", untrustedPlan,
                                List.of(DeliveryPipeline.SOURCE_OUTPUT, TRUSTED_SOURCE), PLAN_OUTPUT, null, Map.of())),
                        stage("ReportPlan", codeBuild("ReportPlan", reporter, List.of(TRUSTED_SOURCE, PLAN_OUTPUT),
                                null, null, fromSource)),
                        stage("ApprovePreview", approval("ApprovePreview", "Commit #{"
                                + DeliveryPipeline.SOURCE_NAMESPACE + ".CommitId} of a pull request. Approve only after "
                                + "the checks of pipeline/README.md, \"Before approving a preview\": the preview runs "
                                + "this commit's program with read access to the state.")),
                        stage("GatedPreview", codeBuild("GatedPreview", gatedPreview, List.of(DeliveryPipeline.SOURCE_OUTPUT),
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
                                                .excludes(DeliveryPipeline.DOCUMENTATION_ONLY).build())
                                        .build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(role.grants()).build()).name();
        registerOutputs(Map.of("pipelineName", this.pipelineName));
    }

    private ComponentResourceOptions childOptions(RegionContext region) {
        return ComponentResourceOptions.builder().parent(this).providers(region.providers().home()).build();
    }
}
