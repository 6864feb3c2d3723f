package com.bookstore.infra.pipeline;

import com.bookstore.infra.blog.BlogSite;
import com.bookstore.infra.region.RegionContext;
import com.pulumi.core.Output;

import java.util.Optional;

/**
 * What the {@link DeliveryPipeline} deploys and with what.
 *
 * @param project          required; the Pulumi project: the prefix of every physical name and the {@code project} tag
 * @param region           required; both stacks' regions, the account, the home provider, the permissions boundary
 * @param pipeline         required; the pipeline's settings (branch, backend, tokens, build image, approval)
 * @param hostedZoneId     default none; the zone whose records the deploys may change
 * @param logRetentionDays required; how long the projects' and the gate's logs are kept
 * @param emptiedOnDestroy the safe value is false; true for a teardown (the artifact buckets are emptied)
 * @param blogSeeding      default none; the primary's blog seeding task, which its deploy runs after {@code pulumi up}
 * @param booksTable       required; the primary's Books table, which its deploy loads the catalogue into
 */
public record DeliveryPipelineArgs(String project, RegionContext region, PipelineSettings pipeline,
                                   Optional<String> hostedZoneId, int logRetentionDays, boolean emptiedOnDestroy,
                                   Optional<BlogSite.SeedTaskResources> blogSeeding, Output<String> booksTable) {
}
