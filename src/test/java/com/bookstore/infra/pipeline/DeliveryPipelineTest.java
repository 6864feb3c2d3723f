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
            selfManaged = Plans.run(Plans.primaryConfig(Map.of(
                    "bookstore:pipelineRepository", "acme/bookstore",
                    "bookstore:pipelineBackendUrl", "s3://acme-pulumi-state?region=eu-west-1",
                    "bookstore:pipelineSecretsProvider", "awskms://alias/bookstore-pulumi?region=eu-west-1",
                    "bookstore:pipelineManualApproval", "true")), Map.of());
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
        assertEquals(List.of("Source", "PullRequestPreview"), names(stages));
        Map<String, Object> build = action(stages.get(1));
        assertEquals("bookstore-pr-preview", configuration(build).get("ProjectName"));
        assertEquals(List.of(Map.of("name", "GITHUB_REPOSITORY", "value", "#{SourceVariables.FullRepositoryName}", "type", "PLAINTEXT"),
                        Map.of("name", "COMMIT_ID", "value", "#{SourceVariables.CommitId}", "type", "PLAINTEXT")),
                new Gson().fromJson(configuration(build).get("EnvironmentVariables"), List.class));
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
            assertTrue(Files.isRegularFile(Path.of(buildspec)), buildspec + " is not in the repository");
            assertEquals("S3", input(project, "cache.type"));
            assertTrue(String.valueOf(input(project, "encryptionKey")).startsWith("arn:aws:kms:eu-west-1:"));
        }
        assertEquals(Map.of("STACK", "PLAINTEXT:secondary",
                        "PULUMI_BACKEND_URL", "PLAINTEXT:s3://acme-pulumi-state?region=eu-west-1",
                        "PULUMI_SECRETS_PROVIDER", "PLAINTEXT:awskms://alias/bookstore-pulumi?region=eu-west-1"),
                variables(deploySecondary));
        assertEquals("SECRETS_MANAGER:bookstore/pipeline/github-token", variables(preview).get("GITHUB_TOKEN"));
        assertEquals("PLAINTEXT:main", variables(preview).get("BASE_BRANCH"));
        assertEquals("PLAINTEXT:trunk", variables(Plans.named(cloud(), PROJECT, "bookstore-pr-preview")).get("BASE_BRANCH"));
        assertEquals(Map.of("STACK", "PLAINTEXT:primary",
                        "PULUMI_ACCESS_TOKEN", "SECRETS_MANAGER:bookstore/pipeline/pulumi-access-token",
                        "PULUMI_STACK_PREFIX", "PLAINTEXT:acme/"),
                variables(cloudDeploy));
        assertEquals(Map.of(), variables(Plans.named(selfManaged(), PROJECT, "bookstore-build")));
    }

    @Test
    void theTestsRunOnDebianPulledFromEcrPublicAndTheDeploysOnCodeBuildsCuratedImage() {
        Map<String, Object> build = environment(Plans.named(selfManaged(), PROJECT, "bookstore-build"));

        assertEquals("public.ecr.aws/docker/library/node:20-bookworm", build.get("image"));
        assertEquals("BUILD_GENERAL1_MEDIUM", build.get("computeType"));
        for (String name : List.of("bookstore-deploy-primary", "bookstore-deploy-secondary", "bookstore-pr-preview")) {
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
        List<Map<String, Object>> primary = statements(Plans.named(selfManaged(), ROLE_POLICY, "bookstore-deploy-primary"));
        List<Map<String, Object>> secondary = statements(Plans.named(selfManaged(), ROLE_POLICY, "bookstore-deploy-secondary"));
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

        Set<String> secondaryActions = actions(Plans.named(selfManaged(), ROLE_POLICY, "bookstore-deploy-secondary"));
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
        List<Map<String, Object>> statements = statements(Plans.named(selfManaged(), ROLE_POLICY, "bookstore-deploy-primary"));

        for (Map<String, Object> statement : statements) {
            List<String> resources = strings(statement.get("Resource"));
            List<String> actions = strings(statement.get("Action"));
            assertTrue(actions.stream().noneMatch(a -> a.equals("*") || a.endsWith(":*")), statement.toString());
            if (resources.contains("*")) {
                // Only the documented unscopable actions, and the tag condition wherever AWS supports one.
                assertTrue(Set.of("ReadStackMetadata", "CreateTaggedResourcesWithGeneratedIds", "CreateHealthChecks",
                        "UseCloudControlForTheRegionSwitchPlan").contains(statement.get("Sid")), statement.toString());
                continue;
            }
            for (String resource : resources) {
                assertTrue(resource.contains(":123456789012:") || resource.startsWith("arn:aws:s3:::")
                        || resource.startsWith("arn:aws:route53:::") || resource.startsWith("arn:aws:apigateway:"),
                        resource + " is not confined to the account");
                String[] arn = resource.split(":");
                assertTrue(arn[3].isEmpty() || STACK_REGIONS.contains(arn[3]), resource + " is outside the stacks' regions");
                assertTrue(!resource.startsWith("arn:aws:s3:::") || resource.startsWith("arn:aws:s3:::bookstore-")
                        || resource.startsWith("arn:aws:s3:::acme-pulumi-state"), resource);
            }
        }
        Map<String, Object> tagged = bySid(statements, "CreateTaggedResourcesWithGeneratedIds");
        assertEquals(Map.of("StringEquals", Map.of("aws:RequestTag/project", "bookstore")), tagged.get("Condition"));
        assertEquals(List.of("arn:aws:iam::123456789012:role/bookstore-*"), bySid(statements, "ManageRoles").get("Resource"));
        assertTrue(strings(bySid(statements, "ManageTables").get("Resource"))
                .contains("arn:aws:dynamodb:ap-southeast-1:123456789012:table/bookstore-*"));
        assertEquals(List.of("arn:aws:s3:::acme-pulumi-state/*"), bySid(statements, "ReadAndWriteState").get("Resource"));
        Map<String, Object> secretsKey = bySid(statements, "UseStackSecretsKey");
        assertEquals(List.of("kms:Encrypt", "kms:Decrypt"), secretsKey.get("Action"));
        assertEquals(Map.of("ForAnyValue:StringEquals", Map.of("kms:ResourceAliases", "alias/bookstore-pulumi")),
                secretsKey.get("Condition"));
        assertTrue(strings(bySid(statements, "ManageFailoverDns").get("Resource"))
                .contains("arn:aws:route53:::hostedzone/ZTESTZONE"));
        assertTrue(strings(bySid(statements, "ManageBlogDatabase").get("Resource"))
                .contains("arn:aws:rds::123456789012:global-cluster:bookstore-*"));
        assertEquals(Map.of("StringEquals", Map.of("aws:ResourceTag/project", "bookstore")),
                bySid(statements, "ManageTaggedBlogStorageAndEdge").get("Condition"));
        assertEquals(List.of("arn:aws:arc-region-switch::123456789012:plan/bookstore-*"),
                bySid(statements, "ManageRegionSwitchPlan").get("Resource"));
    }

    @Test
    void theDeployRoleCanActOnEveryServiceTheStacksUse() {
        Set<String> deploy = actions(Plans.named(selfManaged(), ROLE_POLICY, "bookstore-deploy-primary"));
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
        List<Map<String, Object>> statements = statements(Plans.named(cloud(), ROLE_POLICY, "bookstore-deploy-secondary"));

        assertEquals(List.of("arn:aws:secretsmanager:eu-west-1:123456789012:secret:bookstore/pipeline/pulumi-access-token-??????"),
                bySid(statements, "ReadPipelineTokens").get("Resource"));
        assertTrue(statements.stream().noneMatch(s -> String.valueOf(s.get("Sid")).contains("State")));
    }

    @Test
    void thePreviewRoleOnlyReadsAndTheBuildRoleCannotDeploy() {
        Set<String> preview = actions(Plans.named(selfManaged(), ROLE_POLICY, "bookstore-pr-preview"));
        List<Map<String, Object>> previewStatements = statements(Plans.named(selfManaged(), ROLE_POLICY, "bookstore-pr-preview"));
        Set<String> build = actions(Plans.named(selfManaged(), ROLE_POLICY, "bookstore-build"));

        // Writes: its own artifacts, logs and reports, and the state lock files; nothing of the stacks.
        Set<String> previewWrites = preview.stream().filter(a -> !a.matches("[a-z0-9-]+:(Describe|List|Get)[A-Za-z]*"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("s3:PutObject", "s3:DeleteObject", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey",
                "logs:CreateLogStream", "logs:PutLogEvents", "codebuild:CreateReportGroup", "codebuild:CreateReport",
                "codebuild:UpdateReport", "codebuild:BatchPutTestCases", "codebuild:BatchPutCodeCoverages"), previewWrites);
        assertEquals(List.of("arn:aws:s3:::acme-pulumi-state/.pulumi/locks/*"), bySid(previewStatements, "TakeStateLocks").get("Resource"));
        assertEquals(List.of("kms:Decrypt"), bySid(previewStatements, "UseStackSecretsKey").get("Action"));
        assertEquals(List.of("arn:aws:secretsmanager:eu-west-1:123456789012:secret:bookstore/pipeline/github-token-??????"),
                bySid(previewStatements, "ReadPipelineTokens").get("Resource"));
        assertTrue(build.stream().noneMatch(a -> a.startsWith("iam:") || a.startsWith("dynamodb:")
                || a.startsWith("lambda:") || a.startsWith("secretsmanager:")), build.toString());
    }

    @Test
    void aPullRequestsBuildCannotReachTheDeliveryPipelinesArtifacts() {
        Set<String> previewResources = resources(Plans.named(selfManaged(), ROLE_POLICY, "bookstore-pr-preview"));
        Set<String> previewPipeline = resources(Plans.named(selfManaged(), ROLE_POLICY, "bookstore-pipeline-preview"));
        String deliveryBucket = "arn:aws:s3:::bookstore-pipeline-artifacts-123456789012-eu-west-1";

        assertTrue(previewResources.stream().noneMatch(r -> r.startsWith(deliveryBucket)), previewResources.toString());
        assertTrue(previewPipeline.stream().noneMatch(r -> r.startsWith(deliveryBucket)), previewPipeline.toString());
        assertEquals(Set.of("arn:aws:codebuild:eu-west-1:123456789012:project/bookstore-pr-preview"),
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
        Plan untagged = PlanEdits.editInputs(selfManaged(), r -> r.key().equals(ROLE_POLICY + "::bookstore-deploy-primary"),
                inputs -> inputs.put("policy", ((String) inputs.get("policy")).replace("aws:RequestTag/project", "aws:ResourceTag/project")));
        Plan listing = PlanEdits.editInputs(selfManaged(), r -> r.key().equals(ROLE_POLICY + "::bookstore-pr-preview"),
                inputs -> inputs.put("policy", ((String) inputs.get("policy")).replace("\"acm:ListCertificates\"", "\"s3:ListBucket\"")));

        List<Violation> untaggedViolations = PolicySet.standard().check(untagged);
        List<Violation> listingViolations = PolicySet.standard().check(listing);

        assertEquals(1, untaggedViolations.size(), untaggedViolations.toString());
        assertTrue(untaggedViolations.get(0).message().contains("CreateTaggedResourcesWithGeneratedIds"));
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

    /** Every stage holds one action. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> action(Map<String, Object> stage) {
        List<Map<String, Object>> actions = (List<Map<String, Object>>) stage.get("actions");
        assertEquals(1, actions.size(), stage.toString());
        return actions.get(0);
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

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(PlannedResource policy) {
        Map<String, Object> document = new Gson().fromJson((String) input(policy, "policy"), Map.class);
        return (List<Map<String, Object>>) document.get("Statement");
    }

    private static Map<String, Object> bySid(List<Map<String, Object>> statements, String sid) {
        return statements.stream().filter(s -> sid.equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid));
    }

    private static Set<String> actions(PlannedResource policy) {
        Set<String> actions = new HashSet<>();
        statements(policy).forEach(s -> actions.addAll(strings(s.get("Action"))));
        return actions;
    }

    private static Set<String> resources(PlannedResource policy) {
        Set<String> resources = new HashSet<>();
        statements(policy).forEach(s -> resources.addAll(strings(s.get("Resource"))));
        return resources;
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(String::valueOf).toList());
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
