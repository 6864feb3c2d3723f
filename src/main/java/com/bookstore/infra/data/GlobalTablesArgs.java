package com.bookstore.infra.data;

import com.bookstore.infra.region.RegionContext;
import com.pulumi.core.Output;

import java.util.Map;
import java.util.Optional;

/**
 * Which side of the {@link GlobalTables} a stack owns: {@link #primary} creates the tables, {@link #replicas}
 * adds this region's replica of each.
 *
 * @param region             required; names the tables and reads the replicas' streams back in the home region
 * @param deletionProtection the safe value is true; false only for a teardown
 * @param primaryTableArns   default none (this stack creates the tables); the primary's table ARNs make replicas
 */
public record GlobalTablesArgs(RegionContext region, boolean deletionProtection,
                               Optional<Map<TableDesign, Output<String>>> primaryTableArns) {

    public GlobalTablesArgs {
        primaryTableArns = primaryTableArns.map(Map::copyOf);
    }

    /** The primary's tables, the source of every replica. */
    public static GlobalTablesArgs primary(RegionContext region, boolean deletionProtection) {
        return new GlobalTablesArgs(region, deletionProtection, Optional.empty());
    }

    /** The secondary's replicas of the primary's tables. */
    public static GlobalTablesArgs replicas(RegionContext region, boolean deletionProtection,
                                            Map<TableDesign, Output<String>> primaryTableArns) {
        return new GlobalTablesArgs(region, deletionProtection, Optional.of(primaryTableArns));
    }
}
