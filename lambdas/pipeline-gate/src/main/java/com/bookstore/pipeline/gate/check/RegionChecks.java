package com.bookstore.pipeline.gate.check;

import com.bookstore.pipeline.gate.http.RegionApi;
import com.bookstore.pipeline.gate.settings.GateSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The checks a region must pass, chosen from the user parameters: health and smoke always, replication when the
 * action names the tables. This is the one place a new signal is registered (Aurora global-database lag, read from
 * {@code AWS/RDS AuroraGlobalDBReplicationLag}, will join here with its own settings section).
 */
public final class RegionChecks {
    private RegionChecks() {
    }

    public static List<RegionCheck> forSettings(GateSettings settings, RegionApi api,
                                                Function<String, CloudWatchClient> cloudWatchIn, Clock clock) {
        List<RegionCheck> checks = new ArrayList<>();
        checks.add(new HealthRouteCheck(api, settings));
        checks.add(new SmokeCheck(api, settings));
        settings.replication().ifPresent(r -> checks.add(new ReplicationLatencyCheck(r, cloudWatchIn, clock)));
        return List.copyOf(checks);
    }
}
