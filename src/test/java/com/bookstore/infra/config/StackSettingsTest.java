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

        var failure = assertThrows(IllegalArgumentException.class, () -> StackSettings.parse(ConfigSource.of(config)));

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
        var failure = assertThrows(IllegalArgumentException.class, () -> StackSettings.parse(ConfigSource.of(
                Plans.primaryConfig(Map.of("bookstore:apiTimeoutSeconds", "60", "bookstore:vpcCidr", "10.0.0.0/8")))));

        assertTrue(failure.getMessage().contains("bookstore:apiTimeoutSeconds: 60 is outside 1..29"), failure.getMessage());
        assertTrue(failure.getMessage().contains("bookstore:vpcCidr: expected an a.b.0.0/16 block"), failure.getMessage());
    }
}
