package com.bookstore.infra.blog;

import java.util.List;

/**
 * The blog's part of the stack config (keys {@code bookstore:blog*}, documented in docs/configuration.md).
 *
 * @param image            the official WordPress image, pinned by tag; pulled through the region's ECR
 *                         pull-through cache of ECR Public (no internet egress from the tasks)
 * @param engineVersion    an Aurora MySQL 8.0-compatible version that supports global databases
 * @param instanceClass    Aurora instance class (global databases need a memory-optimised class)
 * @param tasks            WordPress tasks per region, spread over the private subnets
 * @param adminCidrs       networks allowed to reach all of WordPress, not only its public read paths
 *                         (scripts/blog/public-paths.json); empty
 *                         means nobody: the admin is then reached through the primary region only after
 *                         adding a network here
 * @param readerEndpoint   the secondary's WordPress reads from its own, read-only cluster; after the
 *                         database is promoted the runbook switches this off so it uses the writer
 */
public record BlogSettings(String image, String engineVersion, String instanceClass, int tasks,
                           int taskCpu, int taskMemoryMb, List<String> adminCidrs, boolean readerEndpoint) {

    public static final String DEFAULT_IMAGE = "docker/library/wordpress:7.1.1-php8.3-apache";
    public static final String DEFAULT_ENGINE_VERSION = "8.0.mysql_aurora.3.10.3";
    public static final String DEFAULT_INSTANCE_CLASS = "db.r6g.large";

    public static BlogSettings defaults() {
        return new BlogSettings(DEFAULT_IMAGE, DEFAULT_ENGINE_VERSION, DEFAULT_INSTANCE_CLASS, 2, 512, 1024,
                List.of(), true);
    }
}
