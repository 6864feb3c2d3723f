package com.bookstore.infra.preflight;

import com.bookstore.infra.config.ConfigSource;
import com.bookstore.infra.config.StackConfigFile;
import com.bookstore.infra.config.StackSettings;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code pulumi up} and {@code make preflight} refuse before anything is created. */
class DeployPreflightTest {

    private static final Path EXAMPLE = Path.of("src/test/resources/stacks/example");
    private static final StateBackend S3 = StateBackend.selfManaged(Optional.of("s3://acme-state?region=eu-central-1"));
    private static final StateBackend ACME_CLOUD = StateBackend.pulumiCloud(Optional.empty(), "acme");

    @TempDir
    Path project;

    @BeforeEach
    void builtArtifacts() throws IOException {
        Files.createDirectories(project.resolve("lambdas/functions/target"));
        Files.writeString(project.resolve("lambdas/functions/target/bookstore-functions.jar"), "PK");
        Files.createDirectories(project.resolve("ui/dist"));
        Files.writeString(project.resolve("ui/dist/index.html"), "<!doctype html>");
        Files.createDirectories(project.resolve("lambdas/pipeline-gate/target"));
        Files.writeString(project.resolve("lambdas/pipeline-gate/target/pipeline-gate.jar"), "PK");
    }

    /** The test configs with a domain a person could own (the standard test domain is reserved for examples). */
    private static Map<String, String> primary(Map<String, String> overrides) {
        return Plans.primaryConfig(owned(overrides));
    }

    private static Map<String, String> secondary(Map<String, String> overrides) {
        return Plans.secondaryConfig(owned(overrides));
    }

    private static Map<String, String> owned(Map<String, String> overrides) {
        Map<String, String> config = new java.util.HashMap<>(Map.of("bookstore:domain", "shop.acme-books.dev"));
        config.putAll(overrides);
        return config;
    }

    private List<String> problems(Map<String, String> config, StateBackend backend) {
        return DeployPreflight.problems(Plans.settings(config), "bookstore", backend, project);
    }

    private static void assertMentions(List<String> problems, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(fragment)), fragment + " not in " + problems);
        }
    }

    @Test
    void aRealConfigWithItsArtifactsBuiltMayBeDeployed() {
        assertEquals(List.of(), problems(primary(Map.of()), S3));
        assertEquals(List.of(), problems(secondary(Map.of()), S3));
        assertEquals(List.of(), problems(secondary(Map.of("bookstore:primaryStack", "acme/bookstore/primary")),
                ACME_CLOUD));
    }

    @Test
    void everyExampleValueOfTheShippedConfigIsRefusedAtOnceSayingWhatToDo() throws IOException {
        StackSettings example = StackSettings.parse(ConfigSource.of(StackConfigFile.read(EXAMPLE.resolve("Pulumi.primary.yaml"))));

        List<String> problems = DeployPreflight.problems(example, "bookstore", StateBackend.selfManaged(Optional.empty()), project);

        assertMentions(problems,
                "bookstore:hostedZoneId is the shipped example Z0EXAMPLE0BOOKSTORE",
                "bookstore:domain bookstore.example.com is reserved for examples",
                "bookstore:pipelineRepository is the shipped example example-org/bookstore",
                "bookstore:pipelineBackendUrl names the shipped example bucket example-bookstore-pulumi-state");
        assertEquals(4, problems.size(), problems.toString());
    }

    @Test
    void anExampleAlertAddressOrConnectionIsRefused() {
        List<String> problems = problems(primary(Map.of("bookstore:alertEmail", "ops@example.com",
                "bookstore:pipelineRepository", "acme/bookstore",
                "bookstore:pipelineBackendUrl", "s3://acme-state?region=eu-central-1",
                "bookstore:pipelineSecretsProvider", "awskms://alias/bookstore-pulumi?region=eu-central-1",
                "bookstore:pipelineConnectionArn",
                "arn:aws:codeconnections:eu-west-1:123456789012:connection/00000000-0000-0000-0000-000000000000")), S3);

        assertMentions(problems, "bookstore:alertEmail ops@example.com is an example address",
                "bookstore:pipelineConnectionArn is in the example account 123456789012");
    }

    @Test
    void theSelfManagedPrimaryStackNameIsRefusedOnPulumiCloudAndTheOtherWayRound() {
        List<String> onCloud = problems(secondary(Map.of("bookstore:primaryStack", "organization/bookstore/primary")),
                ACME_CLOUD);
        List<String> onS3 = problems(secondary(Map.of("bookstore:primaryStack", "acme/bookstore/primary")), S3);
        List<String> otherProject = problems(secondary(Map.of("bookstore:primaryStack", "acme/shop/primary")),
                ACME_CLOUD);
        List<String> shortName = problems(secondary(Map.of("bookstore:primaryStack", "primary")), ACME_CLOUD);

        assertMentions(onCloud, "bookstore:primaryStack organization/bookstore/primary cannot be found on this backend, "
                + "whose stacks are named acme/bookstore/<primary stack> (Pulumi Cloud, organization acme)");
        assertMentions(onS3, "whose stacks are named organization/bookstore/<primary stack> (a self-managed backend");
        assertMentions(otherProject, "acme/shop/primary cannot be found");
        assertMentions(shortName, "bookstore:primaryStack primary is not a full stack name");
    }

    @Test
    void aPulumiCloudPrimaryStackIsAcceptedWithAMatchingPipelinePrefixAndRefusedWithAnother() {
        Map<String, String> cloudPipeline = Map.of("bookstore:pipelineRepository", "acme/bookstore",
                "bookstore:pipelineStackPrefix", "acme/");
        StackSettings primary = Plans.settings(primary(cloudPipeline));
        StackSettings secondary = Plans.settings(secondary(Map.of("bookstore:primaryStack", "acme/bookstore/primary")));
        StackSettings otherOrg = Plans.settings(secondary(Map.of("bookstore:primaryStack", "umbrella/bookstore/primary")));
        StackSettings noPrefix = Plans.settings(primary(Map.of("bookstore:pipelineRepository", "acme/bookstore")));

        assertEquals(List.of(), DeployPreflight.pairProblems(primary, secondary));
        assertEquals(List.of(), problems(primary(cloudPipeline), ACME_CLOUD));
        assertMentions(DeployPreflight.pairProblems(primary, otherOrg), "bookstore:pipelineStackPrefix acme/ and the "
                + "secondary's bookstore:primaryStack umbrella/bookstore/primary name different Pulumi Cloud organizations");
        assertMentions(DeployPreflight.pairProblems(noPrefix, secondary),
                "bookstore:pipelineStackPrefix is not set: set it to 'acme/'");
        assertMentions(problems(primary(cloudPipeline), StateBackend.pulumiCloud(Optional.empty(), "umbrella")),
                "bookstore:pipelineStackPrefix acme/ names the organization acme, but the stacks live in umbrella");
    }

    @Test
    void aPipelineLoggingInToAnotherBackendThanTheStacksIsRefused() {
        Map<String, String> s3Pipeline = Map.of("bookstore:pipelineRepository", "acme/bookstore",
                "bookstore:pipelineBackendUrl", "s3://other-state?region=eu-central-1",
                "bookstore:pipelineSecretsProvider", "awskms://alias/bookstore-pulumi?region=eu-central-1");

        assertMentions(problems(primary(s3Pipeline), S3),
                "bookstore:pipelineBackendUrl s3://other-state?region=eu-central-1 is not the backend these stacks live in");
        assertMentions(problems(primary(s3Pipeline), ACME_CLOUD), "the pipeline's state backend");
        assertMentions(DeployPreflight.pairProblems(Plans.settings(primary(s3Pipeline)),
                        Plans.settings(secondary(Map.of("bookstore:primaryStack", "acme/bookstore/primary")))),
                "is a Pulumi Cloud name, but the pipeline's state is the self-managed");
    }

    @Test
    void missingArtifactsAreRefusedInsteadOfDeployingAnEmptyStorefront() throws IOException {
        Files.delete(project.resolve("ui/dist/index.html"));
        Files.delete(project.resolve("lambdas/functions/target/bookstore-functions.jar"));
        Files.delete(project.resolve("lambdas/pipeline-gate/target/pipeline-gate.jar"));

        List<String> problems = problems(primary(Map.of("bookstore:pipelineRepository", "acme/bookstore",
                "bookstore:pipelineStackPrefix", "acme/")), ACME_CLOUD);

        assertMentions(problems, "the storefront ui/dist/index.html (bookstore:uiDist) is missing, so the stack would serve an empty site",
                "the Lambda jar lambdas/functions/target/bookstore-functions.jar (bookstore:functionsJar) is missing",
                "the verify gate's jar lambdas/pipeline-gate/target/pipeline-gate.jar (bookstore:pipelineGateJar) is missing");
        assertEquals(3, problems.size(), problems.toString());
    }

    @Test
    void stacksThatDoNotMirrorEachOtherAreRefused() {
        StackSettings primary = Plans.settings(primary(Map.of()));
        StackSettings secondary = Plans.settings(secondary(Map.of("aws:region", "us-west-2",
                "bookstore:domain", "other.example.net")));

        assertMentions(DeployPreflight.pairProblems(primary, secondary),
                "the stacks' regions do not mirror each other", "bookstore:domain differs between the stacks");
    }
}
