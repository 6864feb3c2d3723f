package com.bookstore.infra.blog;

import com.bookstore.infra.region.RegionContext;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Optional;

/**
 * Which side of the blog's {@link BlogDatabase} a stack owns and how big it is: {@link #source} absent creates the
 * global database, present joins it. The blog's settings (docs/configuration.md) carry the defaults.
 *
 * @param region             required; the cluster's region and the peer the credentials secret replicates to
 * @param engineVersion      required; an Aurora MySQL 8.0 version that supports global databases
 * @param instanceClass      required; a memory-optimised class (global databases need one)
 * @param readerEndpoint     true: the secondary's WordPress reads its own read-only cluster; false after promotion
 * @param vpcId              required; the region's network
 * @param subnetIds          required; its private subnets
 * @param logKeyArn          required; the KMS key of the exported database logs
 * @param logRetentionDays   required; how long those logs are kept
 * @param deletionProtection the safe value is true (and 30 days to recover the secret); false only for a teardown
 * @param source             default none (this stack creates the global database); the primary's, to join it
 */
public record BlogDatabaseArgs(RegionContext region, String engineVersion, String instanceClass, boolean readerEndpoint,
                               Output<String> vpcId, Output<List<String>> subnetIds, Output<String> logKeyArn,
                               int logRetentionDays, boolean deletionProtection, Optional<BlogDatabase.Source> source) {
}
