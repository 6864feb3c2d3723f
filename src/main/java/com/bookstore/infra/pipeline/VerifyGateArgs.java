package com.bookstore.infra.pipeline;

import com.bookstore.infra.region.RegionContext;
import com.pulumi.core.Output;

/**
 * What the pipeline's {@link VerifyGate} function runs with. Every field is required.
 *
 * @param region           the permissions boundary of its role
 * @param codeJar          the gate's shaded jar, relative to the project directory
 * @param logKeyArn        the KMS key of its log group (the pipeline's artifacts key)
 * @param logRetentionDays how long its logs are kept
 */
public record VerifyGateArgs(RegionContext region, String codeJar, Output<String> logKeyArn, int logRetentionDays) {
}
