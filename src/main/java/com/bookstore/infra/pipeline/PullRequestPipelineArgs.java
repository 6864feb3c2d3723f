package com.bookstore.infra.pipeline;

import com.bookstore.infra.region.RegionContext;
import com.pulumi.core.Output;

/**
 * What the {@link PullRequestPipeline} shares with the delivery pipeline. Every field is required.
 *
 * @param resourcePrefix   the delivery pipeline's name: the preview's resources are {@code <prefix>-preview*}
 * @param project          the Pulumi project: the prefix of every physical name
 * @param region           the account, the home provider and the permissions boundary of the projects' roles
 * @param pipeline         the pipeline's settings (branch, backend, tokens, build image)
 * @param connectionArn    the repository connection both pipelines use
 * @param access           the preview's read-only grants
 * @param logRetentionDays how long the projects' logs are kept
 * @param emptiedOnDestroy the safe value is false; true for a teardown (the artifact bucket is emptied)
 */
public record PullRequestPipelineArgs(String resourcePrefix, String project, RegionContext region,
                                      PipelineSettings pipeline, Output<String> connectionArn, StackAccess access,
                                      int logRetentionDays, boolean emptiedOnDestroy) {
}
