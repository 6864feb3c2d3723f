package com.bookstore.infra.pipeline;

import com.bookstore.infra.region.RegionContext;

/**
 * Where a pipeline's {@link PipelineArtifacts} bucket and key live.
 *
 * @param region           required; the account and region that make the bucket's global name unique
 * @param emptiedOnDestroy the safe value is false (a bucket with objects refuses to go); true for a teardown
 */
public record PipelineArtifactsArgs(RegionContext region, boolean emptiedOnDestroy) {
}
