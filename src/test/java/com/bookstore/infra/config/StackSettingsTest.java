package com.bookstore.infra.config;

import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackSettingsTest {

    @Test
    void everyProblemOfABrokenConfigIsReportedAtOnce() {
        var config = Plans.secondaryConfig(Map.of("bookstore:primaryStack", "", "bookstore:peerRegion", "ap-southeast-1",
                "bookstore:lambdaMemoryMb", "lots", "bookstore:healthCheckIntervalSeconds", "20",
                "bookstore:hostedZoneId", ""));
        config.remove("bookstore:edgeRegion");

        var failure = assertThrows(InvalidConfigException.class, () -> StackSettings.parse(ConfigSource.of(config)));

        for (String problem : List.of("bookstore:edgeRegion is required",
                "bookstore:lambdaMemoryMb: not a whole number: 'lots'",
                "bookstore:healthCheckIntervalSeconds must be 10 or 30",
                "bookstore:primaryStack is required when bookstore:role is secondary",
                "bookstore:domain and bookstore:hostedZoneId are set together",
                "bookstore:peerRegion must differ from aws:region")) {
            assertTrue(failure.getMessage().contains(problem), problem + " not in " + failure.getMessage());
        }
    }

    @Test
    void regionAndRoleComeFromConfigOnly() {
        StackSettings settings = Plans.settings(Plans.secondaryConfig(Map.of()));

        assertEquals(Role.SECONDARY, settings.role());
        assertEquals("ap-southeast-1", settings.region());
        assertEquals("eu-west-1", settings.peerRegion());
        assertEquals("us-east-1", settings.edgeRegion());
    }

    @Test
    void outOfRangeSizesAreRejected() {
        var failure = assertThrows(InvalidConfigException.class, () -> StackSettings.parse(ConfigSource.of(
                Plans.primaryConfig(Map.of("bookstore:apiTimeoutSeconds", "60", "bookstore:vpcCidr", "10.0.0.0/8")))));

        assertTrue(failure.getMessage().contains("bookstore:apiTimeoutSeconds: 60 is outside 1..29"), failure.getMessage());
        assertTrue(failure.getMessage().contains("bookstore:vpcCidr: expected an a.b.0.0/16 block"), failure.getMessage());
    }

    @Test
    void aMisspelledOrUnknownKeyIsRefusedWithTheNearestKnownOneAndTheOtherProblems() {
        var failure = assertThrows(InvalidConfigException.class, () -> StackSettings.parse(ConfigSource.of(
                Plans.primaryConfig(Map.of("bookstore:lambdaMemoryMB", "2048", "bookstore:hostedZone", "Z123",
                        "bookstore:colour", "blue", "bookstore:cacheNodes", "9", "aws:profile", "acme")))));

        assertEquals(List.of("bookstore:cacheNodes: 9 is outside 1..6",
                "bookstore:colour is not a setting of this program; every key is listed in docs/configuration.md",
                "bookstore:hostedZone is not a setting of this program (did you mean bookstore:hostedZoneId?); every key is "
                        + "listed in docs/configuration.md",
                "bookstore:lambdaMemoryMB is not a setting of this program (did you mean bookstore:lambdaMemoryMb?); every "
                        + "key is listed in docs/configuration.md"), failure.problems());
    }

    @Test
    void theSchemaIsEveryKeyTheProgramReadsWhateverTheConfigSwitchesOn() {
        var keys = StackSettings.keys();

        // Read on every path, including the pipeline's keys that only a primary with a repository uses.
        for (String key : List.of("aws:region", "bookstore:role", "bookstore:primaryStack", "bookstore:blogTasks",
                "bookstore:pipelineRepository", "bookstore:pipelineStackPrefix", "bookstore:pipelineBuildImage")) {
            assertTrue(keys.contains(key), key + " not in " + keys);
        }
        // A secondary that wrongly sets a pipeline key hears about that, not about an unknown key.
        var failure = assertThrows(InvalidConfigException.class, () -> StackSettings.parse(ConfigSource.of(
                Plans.secondaryConfig(Map.of("bookstore:pipelineRepository", "acme/bookstore", "bookstore:pipelineBranch", "x")))));
        assertEquals(1, failure.problems().size(), failure.problems().toString());
    }

    @Test
    void aConfigErrorIsAPulumiRunExceptionSoTheEngineShowsTheMessageWithoutAStackTrace() {
        var failure = assertThrows(InvalidConfigException.class, () -> StackSettings.parse(ConfigSource.of(Map.of())));

        assertTrue(failure instanceof com.pulumi.exceptions.RunException);
        assertTrue(failure.getMessage().startsWith("Invalid stack config:\n  - bookstore:role is required"), failure.getMessage());
    }
}
