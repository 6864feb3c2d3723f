package com.bookstore.infra.pipeline;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.policy.PolicySet;
import com.bookstore.infra.policy.Violation;
import com.bookstore.infra.support.PlanEdits;
import com.bookstore.infra.support.Plans;
import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.bookstore.infra.support.Plans.input;
import static com.bookstore.infra.support.PolicyStatements.bySid;
import static com.bookstore.infra.support.PolicyStatements.statements;
import static com.bookstore.infra.support.PolicyStatements.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline component under the project's mocks. Two plans with the pipeline on, computed once: a self-managed
 * backend with a manual approval and a created connection, and Pulumi Cloud with an existing connection and no
 * approval; the standard plans (no pipeline) come from {@link Plans}.
 */
class DeliveryPipelineTest {

    private static final String PIPELINE = "aws:codepipeline/pipeline:Pipeline";
    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final String PROJECT = "aws:codebuild/project:Project";
    private static final String CONNECTION_ARN =
            "arn:aws:codeconnections:eu-west-1:123456789012:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789";
    private static final String PINNED_IMAGE = "public.ecr.aws/docker/library/node@sha256:" + "0123456789abcdef".repeat(4);
    private static final Set<String> STACK_REGIONS = Set.of("eu-west-1", "ap-southeast-1", "us-east-1");

    private static Plan selfManaged;
    private static Plan cloud;

    private static synchronized Plan selfManaged() {
        if (selfManaged == null) {
            selfManaged = Plans.primaryWithPipeline();
        }
        return selfManaged;
    }

    private static synchronized Plan cloud() {
        if (cloud == null) {
            cloud = Plans.run(Plans.primaryConfig(Map.of(
                    "bookstore:pipelineRepository", "acme/bookstore",
                    "bookstore:pipelineBranch", "trunk",
                    "bookstore:pipelineConnectionArn", CONNECTION_ARN,
                    "bookstore:pipelineStackPrefix", "acme/",
                    "bookstore:pipelineBuildImage", PINNED_IMAGE)), Map.of());
        }
        return cloud;
    }

    @Test
    void deliveryStagesRunInOrderWithTheGateAfterEachDeployAndTheApprovalBetweenTheRegions() {
        List<Map<String, Object>> stages = stages(delivery(selfManaged()));

        assertEquals(List.of("Source", "BuildAndTest", "DeployPrimary", "VerifyPrimary", "ApprovePromotion",
                "DeploySecondary", "VerifySecondary"), names(stages));
        assertEquals(List.of("Source/CodeStarSourceConnection", "Build/CodeBuild", "Build/CodeBuild", "Invoke/Lambda",
                "Approval/Manual", "Build/CodeBuild", "Invoke/Lambda"),
                stages.stream().map(s -> action(s).get("category") + "/" + action(s).get("provider")).toList());
        assertEquals(List.of("bookstore-build", "bookstore-deploy-primary", "bookstore-deploy-secondary"),
                stages.stream().map(s -> configuration(action(s)).get("ProjectName")).filter(p -> p != null).toList());
    }

    @Test
    void withoutTheApprovalKeyTheSecondaryDeployFollowsThePrimarysVerificationDirectly() {
        List<Map<String, Object>> stages = stages(delivery(cloud()));

        assertEquals(List.of("Source", "BuildAndTest", "DeployPrimary", "VerifyPrimary", "DeploySecondary",
                "VerifySecondary"), names(stages));
    }

    @Test
    void secondaryDeploysTheTestedBuildAndNothingMadeAfterThePrimaryDeploy() {
        List<Map<String, Object>> stages = stages(delivery(selfManaged()));
        List<String> names = names(stages);
        int deploySecondary = names.indexOf("DeploySecondary");

        // Every artifact the secondary's deploy reads was produced before the primary was deployed, by the build.
        List<String> inputs = strings(action(stages.get(deploySecondary)).get("inputArtifacts"));
        assertEquals(List.of("BuildOutput"), inputs);
        assertEquals(List.of("BuildOutput"), strings(action(stages.get(names.indexOf("BuildAndTest"))).get("outputArtifacts")));
        assertEquals(List.of("BuildOutput"), strings(action(stages.get(names.indexOf("DeployPrimary"))).get("inputArtifacts")));
        Set<String> producedFromThePrimaryDeployOn = new HashSet<>();
        for (int i = names.indexOf("DeployPrimary"); i < deploySecondary; i++) {
            producedFromThePrimaryDeployOn.addAll(strings(action(stages.get(i)).get("outputArtifacts")));
        }
        assertTrue(inputs.stream().noneMatch(producedFromThePrimaryDeployOn::contains), inputs.toString());
        // ...and it runs only after the primary's verification (stages run one after the other).
        assertTrue(names.indexOf("VerifyPrimary") > names.indexOf("DeployPrimary"));
        assertTrue(deploySecondary > names.indexOf("VerifyPrimary"));
        assertEquals("DeploySecondary", action(stages.get(deploySecondary)).get("namespace"));
        assertEquals("QUEUED", input(delivery(selfManaged()), "executionMode"));
        assertEquals("V2", input(delivery(selfManaged()), "pipelineType"));
    }

    @Test
    void theGateChecksTheRegionJustDeployedThroughTheDeployActionsVariables() {
        List<Map<String, Object>> stages = stages(delivery(selfManaged()));
        Map<String, Object> verifyPrimary = action(stages.get(names(stages).indexOf("VerifyPrimary")));
        Map<String, Object> verifySecondary = action(stages.get(names(stages).indexOf("VerifySecondary")));

        Map<String, Object> primary = userParameters(verifyPrimary);
        Map<String, Object> secondary = userParameters(verifySecondary);

        assertEquals("bookstore-pipeline-gate", configuration(verifyPrimary).get("FunctionName"));
        assertEquals("primary", primary.get("stack"));
        assertEquals("#{DeployPrimary.API_BASE_URL}", primary.get("apiBaseUrl"));
        assertEquals("eu-west-1", primary.get("expectedRegion"));
        assertEquals("secondary", secondary.get("stack"));
        assertEquals("#{DeploySecondary.API_BASE_URL}", secondary.get("apiBaseUrl"));
        assertEquals("ap-southeast-1", secondary.get("expectedRegion"));
        Map<?, ?> replication = (Map<?, ?>) secondary.get("replication");
        assertEquals(List.of("bookstore-books", "bookstore-cart", "bookstore-orders"), replication.get("tables"));
        assertEquals(List.of(Map.of("sourceRegion", "eu-west-1", "receivingRegion", "ap-southeast-1"),
                        Map.of("sourceRegion", "ap-southeast-1", "receivingRegion", "eu-west-1")),
                replication.get("routes"));
        assertEquals(List.of(Map.of("sourceRegion", "eu-west-1", "receivingRegion", "ap-southeast-1")),
                ((Map<?, ?>) primary.get("replication")).get("routes"));
    }

    @Test
    void theGateIsTheJavaLambdaOfThePipelineReadme() {
        var gate = Plans.named(selfManaged(), "aws:lambda/function:Function", "bookstore-pipeline-gate");

        assertEquals("com.bookstore.pipeline.gate.VerifyGateHandler::handleRequest", input(gate, "handler"));
        assertEquals("java21", input(gate, "runtime"));
        assertEquals(512L, input(gate, "memorySize"));
        assertEquals(120L, input(gate, "timeout"));
        assertEquals(Map.of("path", "lambdas/pipeline-gate/target/pipeline-gate.jar"), input(gate, "code"));
        assertEquals(null, input(gate, "vpcConfig"));
        assertEquals(Set.of("codepipeline:PutJobSuccessResult", "codepipeline:PutJobFailureResult",
                        "cloudwatch:GetMetricData", "logs:CreateLogStream", "logs:PutLogEvents"),
                actions(Plans.named(selfManaged(), ROLE_POLICY, "bookstore-pipeline-gate")));
    }

    @Test
    void pushesToTheBranchStartDeliveryUnlessOnlyDocumentationChanged() {
        Map<String, Object> git = gitConfiguration(delivery(cloud()));

        assertEquals("Source", git.get("sourceActionName"));
        assertEquals(null, git.get("pullRequests"));
        Map<?, ?> push = (Map<?, ?>) ((List<?>) git.get("pushes")).get(0);
        assertEquals(List.of("trunk"), ((Map<?, ?>) push.get("branches")).get("includes"));
        assertEquals(List.of("docs/**", "**/*.md"), ((Map<?, ?>) push.get("filePaths")).get("excludes"));
        assertEquals("trunk", configuration(action(stages(delivery(cloud())).get(0))).get("BranchName"));
    }

    @Test
    void pullRequestsStartOnlyThePreviewPipelineWhichHasNoDeployStage() {
        PlannedResource preview = Plans.named(selfManaged(), PIPELINE, "bookstore-pipeline-preview");
        Map<String, Object> git = gitConfiguration(preview);

        assertEquals(null, git.get("pushes"));
        Map<?, ?> pullRequest = (Map<?, ?>) ((List<?>) git.get("pullRequests")).get(0);
        assertEquals(List.of("OPEN", "UPDATED"), pullRequest.get("events"));
        assertEquals(List.of("main"), ((Map<?, ?>) pullRequest.get("branches")).get("includes"));
        assertEquals(List.of("docs/**", "**/*.md"), ((Map<?, ?>) pullRequest.get("filePaths")).get("excludes"));
        List<Map<String, Object>> stages = stages(preview);
        assertEquals(List.of("Source", "UntrustedPlan", "ReportPlan", "ApprovePreview", "GatedPreview", "ReportPreview"),
                names(stages));
        assertTrue(stages.stream().flatMap(s -> actions(s).stream())
                .noneMatch(a -> String.valueOf(configuration(a).get("ProjectName")).contains("deploy")));
    }

    @Test
    void aPullRequestRunsUntrustedThenTheTrustedReporterThenAnApprovedReadOnlyPreview() {
        List<Map<String, Object>> stages = stages(Plans.named(selfManaged(), PIPELINE, "bookstore-pipeline-preview"));
        List<Map<String, Object>> sources = actions(stages.get(0));
        Map<String, Object> untrusted = action(stages.get(1));
        Map<String, Object> report = action(stages.get(2));
        Map<String, Object> gatedPreview = action(stages.get(4));
        Map<String, Object> reportPreview = action(stages.get(5));
        List<Map<String, String>> fromSource = List.of(
                Map.of("name", "GITHUB_REPOSITORY", "value", "#{SourceVariables.FullRepositoryName}", "type", "PLAINTEXT"),
                Map.of("name", "COMMIT_ID", "value", "#{SourceVariables.CommitId}", "type", "PLAINTEXT"));

        // The trigger's action carries the pull request's head; TrustedSource is the branch's own head.
        assertEquals(List.of("Source", "TrustedSource"), sources.stream().map(a -> a.get("name")).toList());
        assertEquals("main", configuration(sources.get(1)).get("BranchName"));
        assertEquals("false", configuration(sources.get(1)).get("DetectChanges"));
        assertEquals(null, configuration(sources.get(0)).get("DetectChanges"));
        assertEquals("Source", gitConfiguration(Plans.named(selfManaged(), PIPELINE, "bookstore-pipeline-preview"))
                .get("sourceActionName"));
        assertEquals("bookstore-pr-plan", configuration(untrusted).get("ProjectName"));
        assertEquals(List.of("SourceOutput", "TrustedSource"), strings(untrusted.get("inputArtifacts")));
        assertEquals("SourceOutput", configuration(untrusted).get("PrimarySource"));
        assertEquals(List.of("PlanOutput"), strings(untrusted.get("outputArtifacts")));
        assertEquals(null, configuration(untrusted).get("EnvironmentVariables"));
        // The reporter runs from the branch's head and reads the untrusted output as its second input.
        assertEquals("bookstore-pr-report", configuration(report).get("ProjectName"));
        assertEquals(List.of("TrustedSource", "PlanOutput"), strings(report.get("inputArtifacts")));
        assertEquals("TrustedSource", configuration(report).get("PrimarySource"));
        assertEquals(fromSource, new Gson().fromJson(configuration(report).get("EnvironmentVariables"), List.class));
        assertEquals("Approval/Manual", action(stages.get(3)).get("category") + "/" + action(stages.get(3)).get("provider"));
        assertTrue(configuration(action(stages.get(3))).get("CustomData").contains("#{SourceVariables.CommitId}"));
        assertEquals("bookstore-pr-preview", configuration(gatedPreview).get("ProjectName"));
        assertEquals(List.of("PreviewOutput"), strings(gatedPreview.get("outputArtifacts")));
        assertEquals(List.of("TrustedSource", "PlanOutput", "PreviewOutput"), strings(reportPreview.get("inputArtifacts")));
        assertEquals("bookstore-pr-report", configuration(reportPreview).get("ProjectName"));
    }

    @Test
    void theReporterAndThePreviewRunBuildspecsTheProgramDefinesNotThePullRequest() {
        for (String name : List.of("bookstore-pr-report", "bookstore-pr-preview")) {
            String buildspec = (String) input(Plans.named(selfManaged(), PROJECT, name), "source.buildspec");
            assertTrue(buildspec.startsWith("version: 0.2\n"), name + ": " + buildspec);
        }
        String report = (String) input(Plans.named(selfManaged(), PROJECT, "bookstore-pr-report"), "source.buildspec");
        String preview = (String) input(Plans.named(selfManaged(), PROJECT, "bookstore-pr-preview"), "source.buildspec");
        assertTrue(report.contains("\n      - pipeline/scripts/report_pr.py\n"), report);
        // Every command of an inline buildspec is an executable script of the repository.
        for (String buildspec : List.of(report, preview)) {
            buildspec.lines().filter(line -> line.trim().startsWith("- pipeline/")).map(line -> line.trim().substring(2))
                    .forEach(script -> assertTrue(Files.isExecutable(Path.of(script)), script));
        }
        assertEquals("pipeline/buildspecs/pr-plan.yml",
                input(Plans.named(selfManaged(), PROJECT, "bookstore-pr-plan"), "source.buildspec"));
    }

    /** Everything the untrusted stage holds; a new entry here is a decision for pipeline/README.md's threat model. */
    @Test
    void theUntrustedStageHoldsNoSecretNoStateNoKeyButItsOwnAndNoToken() {
        PlannedResource project = Plans.named(selfManaged(), PROJECT, "bookstore-pr-plan");
        List<Map<String, Object>> grants = grants(selfManaged(), "bookstore-pr-plan");
        String previewBucket = "arn:aws:s3:::bookstore-pipeline-preview-artifacts-123456789012-eu-west-1";
        String previewKey = "arn:aws:kms:eu-west-1:123456789012:key/"
                + Plans.named(selfManaged(), "aws:kms/key:Key", "bookstore-pipeline-preview-artifacts").id();

        assertEquals(Map.of("BASE_BRANCH", "PLAINTEXT:main"), variables(project));
        assertEquals("NO_CACHE", input(project, "cache.type"));
        assertEquals(Map.of(
                        "WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents") + " on "
                                + List.of("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/codebuild/bookstore-pr-plan:*"),
                        "ReadPipelineArtifacts", List.of("s3:GetObject", "s3:GetObjectVersion") + " on "
                                + List.of(previewBucket + "/bookstore-preview/*"),
                        "WriteOwnArtifactsAndCache", List.of("s3:PutObject") + " on "
                                + List.of(previewBucket + "/bookstore-preview/PlanOutput*"),
                        "PipelineArtifactBucket", List.of("s3:GetBucketLocation", "s3:GetBucketAcl") + " on "
                                + List.of(previewBucket),
                        "PipelineArtifactKey", List.of("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey")
                                + " on " + List.of(previewKey)),
                grants.stream().collect(Collectors.toMap(g -> (String) g.get("Sid"),
                        g -> strings(g.get("Action")) + " on " + strings(g.get("Resource")))));
        assertTrue(grants.stream().noneMatch(g -> g.containsKey("Condition")), grants.toString());
    }

    @Test
    void aConfiguredConnectionIsUsedAndNoneIsCreated() {
        assertTrue(Plans.find(cloud(), "aws:codestarconnections/connection:Connection").isEmpty());
        assertEquals(CONNECTION_ARN, configuration(action(stages(delivery(cloud())).get(0))).get("ConnectionArn"));

        var created = Plans.one(selfManaged(), "aws:codestarconnections/connection:Connection");
        assertEquals("GitHub", input(created, "providerType"));
        assertEquals(created.id(), configuration(action(stages(delivery(selfManaged())).get(0))).get("ConnectionArn"));
    }

    @Test
    void projectsRunTheBuildspecsWithTheVariablesTheScriptsRead() {
        var deploySecondary = Plans.named(selfManaged(), PROJECT, "bookstore-deploy-secondary");
        var preview = Plans.named(selfManaged(), PROJECT, "bookstore-pr-preview");
        var cloudDeploy = Plans.named(cloud(), PROJECT, "bookstore-deploy-primary");

        for (PlannedResource project : selfManaged().ofType(PROJECT)) {
            String buildspec = (String) input(project, "source.buildspec");
            assertTrue(buildspec.startsWith("version: 0.2") || Files.isRegularFile(Path.of(buildspec)),
                    buildspec + " is not in the repository");
            // Only the delivery pipeline's projects cache; no pull-request stage restores what another one wrote.
            assertEquals(project.name().startsWith("bookstore-pr-") ? "NO_CACHE" : "S3", input(project, "cache.type"),
                    project.name());
            assertTrue(String.valueOf(input(project, "encryptionKey")).startsWith("arn:aws:kms:eu-west-1:"));
        }
        assertEquals(Map.of("STACK", "PLAINTEXT:secondary",
                        "PULUMI_BACKEND_URL", "PLAINTEXT:s3://acme-pulumi-state?region=eu-west-1",
                        "PULUMI_SECRETS_PROVIDER", "PLAINTEXT:awskms://alias/bookstore-pulumi?region=eu-west-1"),
                variables(deploySecondary));
        assertEquals(Map.of("GITHUB_TOKEN", "SECRETS_MANAGER:bookstore/pipeline/github-token"),
                variables(Plans.named(selfManaged(), PROJECT, "bookstore-pr-report")));
        assertEquals(Map.of("PULUMI_BACKEND_URL", "PLAINTEXT:s3://acme-pulumi-state?region=eu-west-1",
                "PULUMI_SECRETS_PROVIDER", "PLAINTEXT:awskms://alias/bookstore-pulumi?region=eu-west-1"), variables(preview));
        // Pulumi Cloud: the gated preview has a token of its own, which must be read-only.
        assertEquals("SECRETS_MANAGER:bookstore/pipeline/pulumi-preview-token",
                variables(Plans.named(cloud(), PROJECT, "bookstore-pr-preview")).get("PULUMI_ACCESS_TOKEN"));
        assertEquals("PLAINTEXT:trunk", variables(Plans.named(cloud(), PROJECT, "bookstore-pr-plan")).get("BASE_BRANCH"));
        assertEquals(Map.of("STACK", "PLAINTEXT:primary",
                        "PULUMI_ACCESS_TOKEN", "SECRETS_MANAGER:bookstore/pipeline/pulumi-access-token",
                        "PULUMI_STACK_PREFIX", "PLAINTEXT:acme/"),
                variables(cloudDeploy));
        assertEquals(Map.of(), variables(Plans.named(selfManaged(), PROJECT, "bookstore-build")));
    }

    @Test
    void theTestsRunOnDebianPulledFromEcrPublicAndTheDeploysOnCodeBuildsCuratedImage() {
        Map<String, Object> build = environment(Plans.named(selfManaged(), PROJECT, "bookstore-build"));

        assertEquals(PipelineSettings.DEFAULT_BUILD_IMAGE, build.get("image"));
        assertTrue(String.valueOf(build.get("image")).contains("@sha256:"));
        assertEquals("BUILD_GENERAL1_MEDIUM", build.get("computeType"));
        for (String name : List.of("bookstore-deploy-primary", "bookstore-deploy-secondary", "bookstore-pr-plan",
                "bookstore-pr-report", "bookstore-pr-preview")) {
            assertEquals("aws/codebuild/standard:7.0", environment(Plans.named(selfManaged(), PROJECT, name)).get("image"), name);
        }
        for (PlannedResource project : selfManaged().ofType(PROJECT)) {
            Map<String, Object> environment = environment(project);
            // A public image is pulled with CodeBuild's own identity: no registry credentials, no ECR rights.
            assertEquals("CODEBUILD", environment.get("imagePullCredentialsType"), project.name());
            assertEquals("LINUX_CONTAINER", environment.get("type"), project.name());
            assertEquals(false, environment.get("privilegedMode"), project.name());
            assertEquals(null, environment.get("registryCredential"), project.name());
        }
    }

    @Test
    void aConfiguredBuildImageReplacesTheDefaultOnlyForTheTests() {
        assertEquals(PINNED_IMAGE, environment(Plans.named(cloud(), PROJECT, "bookstore-build")).get("image"));
        assertEquals("aws/codebuild/standard:7.0",
                environment(Plans.named(cloud(), PROJECT, "bookstore-deploy-primary")).get("image"));
    }

    @Test
    void onlyThePrimarysDeployMayRunTheBlogSeedTaskAndOnlyThatTask() {
        List<Map<String, Object>> primary = grants(selfManaged(), "bookstore-deploy-primary");
        List<Map<String, Object>> secondary = grants(selfManaged(), "bookstore-deploy-secondary");
        String cluster = "arn:aws:ecs:eu-west-1:123456789012:cluster/bookstore-blog";
        @SuppressWarnings("unchecked")
        Map<String, Object> seedTask = new Gson().fromJson(String.valueOf(selfManaged().outputs().get("blogSeedTask")), Map.class);

        Map<String, Object> run = bySid(primary, "RunBlogSeedTask");
        assertEquals(List.of("ecs:RunTask"), run.get("Action"));
        assertEquals(List.of("arn:aws:ecs:eu-west-1:123456789012:task-definition/bookstore-blog-seed:*"), run.get("Resource"));
        assertEquals(Map.of("ArnEquals", Map.of("ecs:cluster", cluster)), run.get("Condition"));
        // What the grant names is what seed-blog is handed: the stack output's cluster and task definition.
        assertEquals(cluster, seedTask.get("cluster"));
        assertTrue(String.valueOf(seedTask.get("taskDefinition"))
                .startsWith("arn:aws:ecs:eu-west-1:123456789012:task-definition/bookstore-blog-seed:"), seedTask.toString());
        assertEquals(List.of("arn:aws:ecs:eu-west-1:123456789012:task/bookstore-blog/*"),
                bySid(primary, "WatchBlogSeedTask").get("Resource"));
        Map<String, Object> pass = bySid(primary, "PassBlogSeedTaskRoles");
        assertEquals(List.of("arn:aws:iam::123456789012:role/bookstore-blog-execution",
                "arn:aws:iam::123456789012:role/bookstore-blog-task"), pass.get("Resource"));
        assertEquals(Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com")), pass.get("Condition"));
        assertEquals(List.of("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/ecs/bookstore-blog:log-stream:seed/*"),
                bySid(primary, "ReadBlogSeedTaskLog").get("Resource"));
        assertTrue(strings(bySid(primary, "ReadStackMetadata").get("Action")).contains("ecs:DescribeTaskDefinition"));

        Set<String> secondaryActions = actions(secondary);
        assertFalse(secondaryActions.contains("ecs:RunTask"), secondaryActions.toString());
        assertFalse(secondaryActions.contains("logs:GetLogEvents"), secondaryActions.toString());
        assertTrue(secondary.stream().noneMatch(s -> String.valueOf(s.get("Sid")).contains("BlogSeed")));
    }

    @Test
    void onlyThePrimarysDeployMaySeedTheCatalogueAndOnlyIntoItsBooksTable() {
        List<Map<String, Object>> primary = statements(Plans.named(selfManaged(), ROLE_POLICY, "bookstore-deploy-primary"));
        List<Map<String, Object>> secondary = statements(Plans.named(selfManaged(), ROLE_POLICY, "bookstore-deploy-secondary"));

        Map<String, Object> seed = bySid(primary, "SeedCatalogue");
        // What bookstore-ops seed-catalogue calls: a conditional PutItem per book, BatchGetItem to read them back.
        assertEquals(List.of("dynamodb:PutItem", "dynamodb:BatchGetItem"), seed.get("Action"));
        assertEquals(List.of(selfManaged().outputs().get("booksTableArn")), seed.get("Resource"));
        assertTrue(secondary.stream().noneMatch(s -> "SeedCatalogue".equals(s.get("Sid"))));
    }

    @Test
    void deployRolesAreScopedToTheStacksResourcesTheirStateAndTheirSecretsKey() {
        List<Map<String, Object>> statements = grants(selfManaged(), "bookstore-deploy-primary");

        for (Map<String, Object> statement : statements) {
            List<String> resources = strings(statement.get("Resource"));
            List<String> actions = strings(statement.get("Action"));
            assertTrue(actions.stream().noneMatch(a -> a.equals("*") || a.endsWith(":*")), statement.toString());
            if (resources.contains("*")) {
                // Only the documented unscopable actions, and the tag condition wherever AWS supports one.
                assertTrue(Set.of("ReadStackMetadata", "CreateTaggedResourcesWithGeneratedIds",
                        "CreateHealthChecksAndRetireTaskDefinitions", "UseCloudControlForTheRegionSwitchPlan",
                        "DeliverApiAccessLogs", "CreateStreamMappings").contains(statement.get("Sid")), statement.toString());
                // Log deliveries have no resource type: they are held to the stacks' regions instead.
                assertTrue(!Set.of("DeliverApiAccessLogs", "CreateStreamMappings").contains(statement.get("Sid"))
                        || STACK_REGIONS.equals(Set.copyOf(strings(requestedRegions(statement)))), statement.toString());
                continue;
            }
            for (String resource : resources) {
                assertTrue(resource.contains(":123456789012:") || resource.startsWith("arn:aws:s3:::")
                        || resource.startsWith("arn:aws:route53:::") || resource.startsWith("arn:aws:apigateway:"),
                        resource + " is not confined to the account");
                String[] arn = resource.split(":");
                // A "*" region is confined to the stacks' regions by the request's region.
                assertTrue(arn[3].isEmpty() || STACK_REGIONS.contains(arn[3]) || arn[3].equals("*")
                        && STACK_REGIONS.equals(Set.copyOf(strings(requestedRegions(statement)))),
                        resource + " is outside the stacks' regions");
                assertTrue(!resource.startsWith("arn:aws:s3:::") || resource.startsWith("arn:aws:s3:::bookstore-")
                        || resource.startsWith("arn:aws:s3:::acme-pulumi-state"), resource);
            }
        }
        Map<String, Object> tagged = bySid(statements, "CreateTaggedResourcesWithGeneratedIds");
        assertEquals(Map.of("StringEquals", Map.of("aws:RequestTag/project", "bookstore")), tagged.get("Condition"));
        assertEquals(List.of("arn:aws:iam::123456789012:role/bookstore-*"), bySid(statements, "ManageRoles").get("Resource"));
        assertEquals(List.of("arn:aws:dynamodb:*:123456789012:table/bookstore-*"),
                bySid(statements, "ManageTables").get("Resource"));
        assertEquals(List.of("arn:aws:s3:::acme-pulumi-state/*"), bySid(statements, "ReadAndWriteState").get("Resource"));
        Map<String, Object> secretsKey = bySid(statements, "UseStackSecretsKey");
        assertEquals(List.of("kms:Encrypt", "kms:Decrypt"), secretsKey.get("Action"));
        assertEquals(Map.of("ForAnyValue:StringEquals", Map.of("kms:ResourceAliases", "alias/bookstore-pulumi")),
                secretsKey.get("Condition"));
        assertTrue(strings(bySid(statements, "ManageFailoverDns").get("Resource"))
                .contains("arn:aws:route53:::hostedzone/ZTESTZONE"));
        assertTrue(strings(bySid(statements, "ManageBlogDatabase").get("Resource"))
                .contains("arn:aws:rds::123456789012:global-cluster:bookstore-*"));
        assertEquals(Map.of("StringEquals", Map.of("aws:ResourceTag/project", "bookstore",
                        "aws:RequestedRegion", List.of("eu-west-1", "ap-southeast-1", "us-east-1"))),
                bySid(statements, "ManageTaggedBlogStorage").get("Condition"));
        assertEquals(Map.of("StringEquals", Map.of("aws:RequestTag/project", "bookstore",
                        "aws:RequestedRegion", List.of("eu-west-1", "ap-southeast-1", "us-east-1"))),
                bySid(statements, "CreateTaggedBlogStorage").get("Condition"));
        Map<?, ?> grantsForServices = (Map<?, ?>) bySid(statements, "LetServicesUseProjectKeys").get("Condition");
        assertEquals(List.of("arn:aws:arc-region-switch::123456789012:plan/bookstore-*"),
                bySid(statements, "ManageRegionSwitchPlan").get("Resource"));
        assertEquals(Map.of("kms:GrantIsForAWSResource", "true"), grantsForServices.get("Bool"));
        assertEquals(List.of("kms:CreateGrant"), bySid(statements, "LetServicesUseProjectKeys").get("Action"));
    }

    @Test
    void bothDeployRolesAttachTheSharedManagedPoliciesAndKeepOnlyStateAndSeedingInline() {
        for (String role : List.of("bookstore-deploy-primary", "bookstore-deploy-secondary")) {
            assertEquals(List.of("bookstore-deploy-read-and-create", "bookstore-deploy-identity",
                            "bookstore-deploy-data-and-compute", "bookstore-deploy-network-and-edge", "bookstore-deploy-blog",
                            "bookstore-deploy-observability", "bookstore-deploy-firewall"),
                    attached(selfManaged(), role).stream().map(p -> p.name()).toList(), role);
        }
        assertEquals(Set.of("ListState", "ReadAndWriteState", "UseStackSecretsKey"), statements(
                        Plans.named(selfManaged(), ROLE_POLICY, "bookstore-deploy-secondary")).stream()
                .map(s -> (String) s.get("Sid")).filter(sid -> sid.contains("State") || sid.contains("Secrets"))
                .collect(Collectors.toSet()));
    }

    @Test
    void everyRoleCarriesTheBoundaryAndEveryRoleWriteOfTheDeployRequiresIt() {
        String boundary = "arn:aws:iam::123456789012:policy/bookstore-permissions-boundary";
        for (PlannedResource role : selfManaged().ofType("aws:iam/role:Role")) {
            assertEquals(boundary, input(role, "permissionsBoundary"), role.name());
        }
        List<Map<String, Object>> deploy = grants(selfManaged(), "bookstore-deploy-primary");
        for (Map<String, Object> statement : deploy) {
            List<String> writes = strings(statement.get("Action")).stream().filter(a -> List.of("iam:CreateRole",
                    "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:AttachRolePolicy", "iam:DetachRolePolicy",
                    "iam:PutRolePermissionsBoundary").contains(a)).toList();
            if (!writes.isEmpty()) {
                assertEquals(boundary, ((Map<?, ?>) ((Map<?, ?>) statement.get("Condition")).get("StringEquals"))
                        .get("iam:PermissionsBoundary"), statement.toString());
            }
        }
        assertFalse(actions(deploy).contains("iam:DeleteRolePermissionsBoundary"));
        assertEquals(Map.of("iam:PolicyARN", "arn:aws:iam::123456789012:policy/bookstore-deploy-*"),
                ((Map<?, ?>) bySid(deploy, "AttachOnlyProjectPoliciesUnderTheBoundary").get("Condition")).get("ArnLike"));
        assertEquals(List.of("arn:aws:iam::123456789012:policy/bookstore-deploy-*"),
                bySid(deploy, "ManageProjectPolicies").get("Resource"));
    }

    @Test
    void buildsWriteOnlyTheirOwnOutputsAndCacheSoNoDeployRestoresWhatTheBuildWrote() {
        String bucket = "arn:aws:s3:::bookstore-pipeline-artifacts-123456789012-eu-west-1";

        assertEquals(List.of(bucket + "/bookstore-delivery/BuildOutpu*", bucket + "/cache/bookstore-build/*"),
                bySid(grants(selfManaged(), "bookstore-build"), "WriteOwnArtifactsAndCache").get("Resource"));
        assertEquals(List.of(bucket + "/bookstore-delivery/PrimaryDep*", bucket + "/cache/bookstore-deploy-primary/*"),
                bySid(grants(selfManaged(), "bookstore-deploy-primary"), "WriteOwnArtifactsAndCache").get("Resource"));
        assertEquals(List.of(bucket + "/cache/bookstore-deploy-primary/*"),
                bySid(grants(selfManaged(), "bookstore-deploy-primary"), "ReadOwnCache").get("Resource"));
        assertEquals(bucket + "/cache/bookstore-deploy-primary",
                input(Plans.named(selfManaged(), PROJECT, "bookstore-deploy-primary"), "cache.location")
                        .toString().replace("bookstore-pipeline-artifacts-", "arn:aws:s3:::bookstore-pipeline-artifacts-"));
        for (PlannedResource project : selfManaged().ofType(PROJECT)) {
            Set<String> puts = grants(selfManaged(), project.name()).stream()
                    .filter(g -> strings(g.get("Action")).contains("s3:PutObject"))
                    .flatMap(g -> strings(g.get("Resource")).stream()).collect(Collectors.toSet());
            assertTrue(puts.stream().noneMatch(r -> r.endsWith("-artifacts-123456789012-eu-west-1/*")),
                    project.name() + " may write every artifact: " + puts);
        }
    }

    @Test
    void theDeployRoleCanActOnEveryServiceTheStacksUse() {
        Set<String> deploy = actions(grants(selfManaged(), "bookstore-deploy-primary"));
        Set<String> granted = deploy.stream().map(a -> a.substring(0, a.indexOf(':'))).collect(Collectors.toSet());
        // Pulumi module -> IAM service prefix where they differ.
        Map<String, String> prefixes = Map.of("lb", "elasticloadbalancing", "efs", "elasticfilesystem",
                "cognito", "cognito-idp", "apigatewayv2", "apigateway", "codestarconnections", "codestar-connections",
                "vpc", "ec2", "secretsmanager", "secretsmanager", "cloudcontrol", "cloudformation");

        Set<String> used = java.util.stream.Stream.of(selfManaged(), Plans.secondary())
                .flatMap(plan -> plan.resources().stream())
                .map(r -> r.type())
                .filter(type -> type.startsWith("aws:") && !type.startsWith("aws:index"))
                .map(type -> type.substring(4, type.indexOf('/')))
                .map(module -> prefixes.getOrDefault(module, module))
                .collect(Collectors.toSet());

        assertEquals(Set.of(), used.stream().filter(service -> !granted.contains(service)).collect(Collectors.toSet()),
                "services the stacks create resources of but the deploy role cannot touch");
    }

    @Test
    void pulumiCloudDeploysReadTheirAccessTokenAndNoStateBucket() {
        List<Map<String, Object>> statements = grants(cloud(), "bookstore-deploy-secondary");

        assertEquals(List.of("arn:aws:secretsmanager:eu-west-1:123456789012:secret:bookstore/pipeline/pulumi-access-token-??????"),
                bySid(statements, "ReadPipelineTokens").get("Resource"));
        assertTrue(statements.stream().noneMatch(s -> String.valueOf(s.get("Sid")).contains("State")));
    }

    @Test
    void theGatedPreviewOnlyReadsTheReporterOnlyCommentsAndTheBuildCannotDeploy() {
        List<Map<String, Object>> preview = grants(selfManaged(), "bookstore-pr-preview");
        List<Map<String, Object>> report = grants(selfManaged(), "bookstore-pr-report");
        Set<String> build = actions(grants(selfManaged(), "bookstore-build"));

        // Writes: its own output artifact, logs and reports, and the state lock files; nothing of the stacks.
        Set<String> previewWrites = actions(preview).stream().filter(a -> !a.matches("[a-z0-9-]+:(Describe|List|Get)[A-Za-z]*"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("s3:PutObject", "s3:DeleteObject", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey",
                "logs:CreateLogStream", "logs:PutLogEvents"), previewWrites);
        // Only the build publishes test reports.
        assertEquals(List.of("bookstore-build"), selfManaged().ofType(ROLE_POLICY).stream()
                .filter(p -> actions(p).contains("codebuild:CreateReport")).map(PlannedResource::name).toList());
        assertEquals(List.of("arn:aws:s3:::acme-pulumi-state/.pulumi/locks/*"), bySid(preview, "TakeStateLocks").get("Resource"));
        assertEquals(List.of("kms:Decrypt"), bySid(preview, "UseStackSecretsKey").get("Action"));
        assertTrue(preview.stream().noneMatch(g -> strings(g.get("Action")).contains("secretsmanager:GetSecretValue")));
        assertEquals(List.of("arn:aws:secretsmanager:eu-west-1:123456789012:secret:bookstore/pipeline/pulumi-preview-token-??????"),
                bySid(grants(cloud(), "bookstore-pr-preview"), "ReadReadOnlyPulumiToken").get("Resource"));
        // The reporter reads its one token and nothing of the stacks.
        assertEquals(List.of("arn:aws:secretsmanager:eu-west-1:123456789012:secret:bookstore/pipeline/github-token-??????"),
                bySid(report, "ReadCommentToken").get("Resource"));
        assertEquals(Set.of("secretsmanager:GetSecretValue"), actions(report).stream()
                .filter(a -> !a.matches("(logs|s3|codebuild):[A-Za-z]+|kms:(Decrypt|Encrypt|GenerateDataKey|DescribeKey)"))
                .collect(Collectors.toSet()));
        assertTrue(build.stream().noneMatch(a -> a.startsWith("iam:") || a.startsWith("dynamodb:")
                || a.startsWith("lambda:") || a.startsWith("secretsmanager:")), build.toString());
    }

    @Test
    void aPullRequestsBuildCannotReachTheDeliveryPipelinesArtifacts() {
        Set<String> previewResources = new HashSet<>();
        for (String project : List.of("bookstore-pr-plan", "bookstore-pr-report", "bookstore-pr-preview")) {
            grants(selfManaged(), project).forEach(g -> previewResources.addAll(strings(g.get("Resource"))));
        }
        Set<String> previewPipeline = resources(Plans.named(selfManaged(), ROLE_POLICY, "bookstore-pipeline-preview"));
        String deliveryBucket = "arn:aws:s3:::bookstore-pipeline-artifacts-123456789012-eu-west-1";

        assertTrue(previewResources.stream().noneMatch(r -> r.startsWith(deliveryBucket)), previewResources.toString());
        assertTrue(previewPipeline.stream().noneMatch(r -> r.startsWith(deliveryBucket)), previewPipeline.toString());
        assertEquals(Set.of("arn:aws:codebuild:eu-west-1:123456789012:project/bookstore-pr-plan",
                        "arn:aws:codebuild:eu-west-1:123456789012:project/bookstore-pr-report",
                        "arn:aws:codebuild:eu-west-1:123456789012:project/bookstore-pr-preview"),
                previewPipeline.stream().filter(r -> r.contains(":codebuild:")).collect(Collectors.toSet()));
    }

    @Test
    void theDeliveryRoleStartsItsThreeProjectsAndInvokesOnlyTheGate() {
        List<Map<String, Object>> statements = statements(Plans.named(selfManaged(), ROLE_POLICY, "bookstore-pipeline-delivery"));
        String connection = Plans.one(selfManaged(), "aws:codestarconnections/connection:Connection").id();

        assertEquals(List.of("arn:aws:codebuild:eu-west-1:123456789012:project/bookstore-build",
                        "arn:aws:codebuild:eu-west-1:123456789012:project/bookstore-deploy-primary",
                        "arn:aws:codebuild:eu-west-1:123456789012:project/bookstore-deploy-secondary"),
                bySid(statements, "RunBuilds").get("Resource"));
        assertEquals(List.of("arn:aws:lambda:eu-west-1:123456789012:function:bookstore-pipeline-gate"),
                bySid(statements, "InvokeVerifyGate").get("Resource"));
        assertEquals(List.of(connection), bySid(statements, "UseRepositoryConnection").get("Resource"));
    }

    @Test
    void artifactBucketsAreEncryptedWithTheirOwnKeyAndExpireOldExecutions() {
        Plan plan = selfManaged();
        var encryption = Plans.named(plan, "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "bookstore-pipeline-artifacts");
        var key = Plans.named(plan, "aws:kms/key:Key", "bookstore-pipeline-artifacts");
        var lifecycle = Plans.named(plan, "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "bookstore-pipeline-artifacts");

        assertEquals("aws:kms", input(encryption, "rules.applyServerSideEncryptionByDefault.sseAlgorithm"));
        assertEquals("arn:aws:kms:eu-west-1:123456789012:key/" + key.id(),
                input(encryption, "rules.applyServerSideEncryptionByDefault.kmsMasterKeyId"));
        assertEquals("arn:aws:kms:eu-west-1:123456789012:key/" + key.id(),
                input(delivery(plan), "artifactStores.encryptionKey.id"));
        assertEquals(30L, input(lifecycle, "rules.expiration.days"));
    }

    @Test
    void everyPolicyRulePassesOnPlansWithThePipeline() {
        assertEquals(List.of(), PolicySet.standard().check(selfManaged()));
        assertEquals(List.of(), PolicySet.standard().check(cloud()));
    }

    @Test
    void theLeastPrivilegeRuleStillCatchesAnUntaggedCreateOrAnObjectListingOnEveryBucket() {
        Plan untagged = PlanEdits.editInputs(selfManaged(), r -> r.key().equals("aws:iam/policy:Policy::bookstore-deploy-read-and-create"),
                inputs -> inputs.put("policy", ((String) inputs.get("policy")).replace("aws:RequestTag/project", "aws:ResourceTag/project")));
        Plan listing = PlanEdits.editInputs(selfManaged(), r -> r.key().equals(ROLE_POLICY + "::bookstore-pr-preview"),
                inputs -> inputs.put("policy", ((String) inputs.get("policy")).replace("\"acm:ListCertificates\"", "\"s3:ListBucket\"")));

        List<Violation> untaggedViolations = PolicySet.standard().check(untagged);
        List<Violation> listingViolations = PolicySet.standard().check(listing);

        // The least-privilege rule ("*" without the request tag) and the create-conditions rule catch it, and the
        // deploy role can no longer create what the plan holds.
        assertEquals(List.of("iam-least-privilege", "iam-create-conditions", "deploy-role-covers-plan"),
                untaggedViolations.stream().map(Violation::rule).distinct().toList(), untaggedViolations.toString());
        assertTrue(untaggedViolations.stream().filter(v -> !v.rule().equals("deploy-role-covers-plan"))
                .allMatch(v -> v.message().contains("CreateTaggedResourcesWithGeneratedIds")));
        assertTrue(untaggedViolations.stream().anyMatch(v -> v.resource().equals("aws:kms/key:Key::bookstore-logs")
                && v.message().endsWith("may not create: * [kms:CreateKey]")), untaggedViolations.toString());
        assertEquals(1, listingViolations.size(), listingViolations.toString());
        assertTrue(listingViolations.get(0).message().contains("ReadStackMetadata"));
    }

    @Test
    void everyPipelineResourceHangsUnderTheDeliveryPipelineComponentInThePrimarysRegion() {
        Plan plan = selfManaged();
        Map<String, String> parents = plan.resources().stream().filter(r -> r.parent() != null)
                .collect(Collectors.toMap(PlannedResource::key, PlannedResource::parent));
        List<PlannedResource> underPipeline = plan.resources().stream()
                .filter(r -> ancestors(r.key(), parents).contains("bookstore:pipeline:DeliveryPipeline::bookstore-pipeline"))
                .toList();

        for (String type : List.of(PIPELINE, PROJECT, "aws:lambda/function:Function", "aws:s3/bucketV2:BucketV2",
                "aws:codestarconnections/connection:Connection")) {
            assertTrue(underPipeline.stream().anyMatch(r -> r.type().equals(type)), type);
        }
        assertTrue(underPipeline.stream().filter(r -> r.type().startsWith("aws:"))
                .allMatch(r -> "eu-west-1".equals(r.region())), underPipeline.toString());
        assertTrue(plan.ofType(PIPELINE).stream().allMatch(underPipeline::contains));
        assertTrue(plan.ofType(PROJECT).stream().allMatch(underPipeline::contains));
    }

    @Test
    void thePipelineIsAbsentWhenNotConfiguredAndNeverInTheSecondary() {
        for (Plan plan : List.of(Plans.primary(), Plans.secondary())) {
            assertFalse(plan.resources().stream().anyMatch(r -> r.type().startsWith("bookstore:pipeline:")
                    || r.type().startsWith("aws:codepipeline/") || r.type().startsWith("aws:codebuild/")), plan.stack());
        }
    }

    // ---- reading the plan ----

    private static List<String> ancestors(String key, Map<String, String> parents) {
        List<String> chain = new ArrayList<>();
        for (String parent = parents.get(key); parent != null; parent = parents.get(parent)) {
            chain.add(parent);
        }
        return chain;
    }

    private static PlannedResource delivery(Plan plan) {
        return Plans.named(plan, PIPELINE, "bookstore-pipeline-delivery");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> stages(PlannedResource pipeline) {
        return (List<Map<String, Object>>) input(pipeline, "stages");
    }

    private static List<String> names(List<Map<String, Object>> stages) {
        return stages.stream().map(s -> (String) s.get("name")).toList();
    }

    /** The stage's one action. */
    private static Map<String, Object> action(Map<String, Object> stage) {
        List<Map<String, Object>> actions = actions(stage);
        assertEquals(1, actions.size(), stage.toString());
        return actions.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> actions(Map<String, Object> stage) {
        return (List<Map<String, Object>>) stage.get("actions");
    }

    /** The managed policies attached to a role, in attachment order. */
    private static List<PlannedResource> attached(Plan plan, String role) {
        return plan.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").stream()
                .filter(a -> role.equals(input(a, "role")))
                .map(a -> plan.ofType("aws:iam/policy:Policy").stream()
                        .filter(p -> p.id().equals(input(a, "policyArn"))).findFirst().orElseThrow())
                .toList();
    }

    /** Every statement a role's identity policies grant: inline and attached. */
    private static List<Map<String, Object>> grants(Plan plan, String role) {
        List<Map<String, Object>> all = new ArrayList<>(statements(Plans.named(plan, ROLE_POLICY, role)));
        attached(plan, role).forEach(policy -> all.addAll(statements(policy)));
        return all;
    }

    private static Object requestedRegions(Map<String, Object> statement) {
        return statement.get("Condition") instanceof Map<?, ?> condition
                && condition.get("StringEquals") instanceof Map<?, ?> equals ? equals.get("aws:RequestedRegion") : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> configuration(Map<String, Object> action) {
        return (Map<String, String>) action.get("configuration");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> userParameters(Map<String, Object> action) {
        return new Gson().fromJson(configuration(action).get("UserParameters"), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> gitConfiguration(PlannedResource pipeline) {
        return (Map<String, Object>) input(pipeline, "triggers.gitConfiguration");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(PlannedResource project) {
        return (Map<String, Object>) input(project, "environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> variables(PlannedResource project) {
        Object list = ((Map<String, Object>) input(project, "environment")).get("environmentVariables");
        Map<String, String> variables = new java.util.TreeMap<>();
        if (list instanceof List<?> items) {
            for (Object item : items) {
                Map<String, Object> v = (Map<String, Object>) item;
                variables.put((String) v.get("name"), v.get("type") + ":" + v.get("value"));
            }
        }
        return variables;
    }

    private static Set<String> actions(PlannedResource policy) {
        return actions(statements(policy));
    }

    private static Set<String> actions(List<Map<String, Object>> statements) {
        Set<String> actions = new HashSet<>();
        statements.forEach(s -> actions.addAll(strings(s.get("Action"))));
        return actions;
    }

    private static Set<String> resources(PlannedResource policy) {
        Set<String> resources = new HashSet<>();
        statements(policy).forEach(s -> resources.addAll(strings(s.get("Resource"))));
        return resources;
    }
}
