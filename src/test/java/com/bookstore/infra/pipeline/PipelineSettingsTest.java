package com.bookstore.infra.pipeline;

import com.bookstore.infra.config.ConfigSource;
import com.bookstore.infra.config.StackConfigFile;
import com.bookstore.infra.config.InvalidConfigException;
import com.bookstore.infra.config.StackSettings;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline's config keys, parsed by StackSettings (no plan needed). */
class PipelineSettingsTest {

    @Test
    void repositoryAloneSwitchesThePipelineOnWithPulumiCloudDefaults() {
        PipelineSettings pipeline = Plans.settings(Plans.primaryConfig(Map.of(
                "bookstore:pipelineRepository", "acme/bookstore"))).pipeline().orElseThrow();

        assertEquals("main", pipeline.branch());
        assertEquals(Optional.empty(), pipeline.connectionArn());
        assertEquals(false, pipeline.manualApproval());
        assertEquals("bookstore/pipeline/github-token", pipeline.githubTokenSecret());
        assertEquals("lambdas/pipeline-gate/target/pipeline-gate.jar", pipeline.gateJar());
        assertEquals("public.ecr.aws/docker/library/node:20-bookworm", pipeline.buildImage());
        assertEquals(Optional.of("bookstore/pipeline/pulumi-access-token"), pipeline.backend().accessTokenSecret());
        assertEquals(Optional.empty(), pipeline.backend().stateBucket());
    }

    @Test
    void withoutTheRepositoryThereIsNoPipeline() {
        assertEquals(Optional.empty(), Plans.settings(Plans.primaryConfig(Map.of())).pipeline());
    }

    @Test
    void pipelineKeysInASecondaryOrWithoutTheRepositoryAreMistakesReportedWithTheRest() {
        var secondary = assertThrows(InvalidConfigException.class, () -> StackSettings.parse(ConfigSource.of(
                Plans.secondaryConfig(Map.of("bookstore:pipelineRepository", "acme/bookstore")))));
        var orphan = assertThrows(InvalidConfigException.class, () -> StackSettings.parse(ConfigSource.of(
                Plans.primaryConfig(Map.of("bookstore:pipelineBranch", "main", "bookstore:lambdaMemoryMb", "lots")))));

        assertTrue(secondary.getMessage().contains("bookstore:pipelineRepository belongs in the primary's config"),
                secondary.getMessage());
        assertTrue(orphan.getMessage().contains("bookstore:pipelineBranch is set but bookstore:pipelineRepository is not"),
                orphan.getMessage());
        assertTrue(orphan.getMessage().contains("bookstore:lambdaMemoryMb"), orphan.getMessage());
    }

    @Test
    void malformedValuesAreAllReportedWithTheirKeys() {
        var failure = assertThrows(InvalidConfigException.class, () -> StackSettings.parse(ConfigSource.of(
                Plans.primaryConfig(Map.of(
                        "bookstore:pipelineRepository", "https://github.com/acme/bookstore",
                        "bookstore:pipelineConnectionArn", "arn:aws:iam::123456789012:role/x",
                        "bookstore:pipelineManualApproval", "yes",
                        "bookstore:pipelineBuildImage", "node",
                        "bookstore:pipelineBackendUrl", "file:///tmp/state")))));

        for (String problem : List.of("bookstore:pipelineRepository: expected a GitHub 'owner/name'",
                "bookstore:pipelineBuildImage: expected an image with its registry and a tag or digest",
                "bookstore:pipelineConnectionArn: not a CodeConnections connection ARN",
                "bookstore:pipelineManualApproval: expected true or false, got 'yes'",
                "bookstore:pipelineBackendUrl: expected s3://")) {
            assertTrue(failure.getMessage().contains(problem), problem + " not in " + failure.getMessage());
        }
        assertTrue(!failure.getMessage().contains("is set but"), failure.getMessage());
    }

    @Test
    void aSelfManagedBackendNeedsItsSecretsKeyAndNoToken() {
        var noKey = assertThrows(InvalidConfigException.class, () -> StackSettings.parse(ConfigSource.of(
                Plans.primaryConfig(Map.of("bookstore:pipelineRepository", "acme/bookstore",
                        "bookstore:pipelineBackendUrl", "s3://acme-state?region=eu-west-1")))));
        PipelineSettings.StateBackend backend = Plans.settings(Plans.primaryConfig(Map.of(
                "bookstore:pipelineRepository", "acme/bookstore",
                "bookstore:pipelineBackendUrl", "s3://acme-state/bookstore?region=eu-west-1",
                "bookstore:pipelineSecretsProvider", "awskms://alias/bookstore-pulumi?region=eu-west-1")))
                .pipeline().orElseThrow().backend();

        assertTrue(noKey.getMessage().contains("bookstore:pipelineSecretsProvider is required"), noKey.getMessage());
        assertEquals(Optional.of("acme-state"), backend.stateBucket());
        assertEquals(Optional.empty(), backend.accessTokenSecret());
        assertEquals(new PipelineSettings.SecretsKey("eu-west-1", Optional.of("alias/bookstore-pulumi"),
                Optional.empty(), Optional.empty()), backend.secretsKey().orElseThrow());
    }

    @Test
    void secretsKeysAreReadByAliasKeyIdOrArnAndNeedARegion() {
        String arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

        assertEquals(Optional.of(arn), PipelineSettings.SecretsKey.parse("awskms:///" + arn).keyArn());
        assertEquals("eu-west-1", PipelineSettings.SecretsKey.parse("awskms:///" + arn).region());
        assertEquals(Optional.of("1234abcd-12ab-34cd-56ef-1234567890ab"), PipelineSettings.SecretsKey
                .parse("awskms://1234abcd-12ab-34cd-56ef-1234567890ab?region=ap-southeast-1").keyId());
        var noRegion = assertThrows(IllegalArgumentException.class,
                () -> PipelineSettings.SecretsKey.parse("awskms://alias/bookstore-pulumi"));
        var passphrase = assertThrows(IllegalArgumentException.class,
                () -> PipelineSettings.SecretsKey.parse("passphrase"));
        assertTrue(noRegion.getMessage().contains("needs ?region="), noRegion.getMessage());
        assertTrue(passphrase.getMessage().contains("expected an awskms://"), passphrase.getMessage());
    }

    @Test
    void aBuildImageNeedsItsRegistryAndATagOrDigestSoLatestNeverSlipsIn() {
        String digest = "public.ecr.aws/docker/library/node@sha256:" + "ab12".repeat(16);

        assertEquals(digest, PipelineSettings.buildImage(digest));
        assertEquals("123456789012.dkr.ecr.eu-west-1.amazonaws.com/ecr-public/docker/library/node:20-bookworm",
                PipelineSettings.buildImage("123456789012.dkr.ecr.eu-west-1.amazonaws.com/ecr-public/docker/library/node:20-bookworm"));
        for (String untagged : List.of("public.ecr.aws/docker/library/node", "node:20-bookworm",
                "public.ecr.aws/docker/library/node@sha256:abc")) {
            assertThrows(IllegalArgumentException.class, () -> PipelineSettings.buildImage(untagged), untagged);
        }
    }

    @Test
    void theExamplePrimaryRunsThePipelineAndTheExampleSecondaryDoesNot() throws IOException {
        Path example = Path.of("src/test/resources/stacks/example");
        StackSettings primary = StackSettings.parse(ConfigSource.of(StackConfigFile.read(example.resolve("Pulumi.primary.yaml"))));
        StackSettings secondary = StackSettings.parse(ConfigSource.of(StackConfigFile.read(example.resolve("Pulumi.secondary.yaml"))));

        PipelineSettings pipeline = primary.pipeline().orElseThrow();
        assertEquals("main", pipeline.branch());
        assertTrue(pipeline.backend().stateBucket().isPresent());
        assertEquals(Optional.empty(), secondary.pipeline());
    }
}
