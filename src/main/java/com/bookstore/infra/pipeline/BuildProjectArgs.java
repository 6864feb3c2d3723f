package com.bookstore.infra.pipeline;

import com.bookstore.infra.region.RegionContext;

/**
 * What a {@link BuildProject} needs besides its {@link BuildProject.Spec}. Every field is required.
 *
 * @param region           the account and region of its report groups and the permissions boundary of its role
 * @param artifacts        its pipeline's artifact store, which also encrypts its logs
 * @param logRetentionDays how long its logs are kept
 * @param spec             what differs between the projects
 */
public record BuildProjectArgs(RegionContext region, PipelineArtifacts artifacts, int logRetentionDays,
                               BuildProject.Spec spec) {
}
