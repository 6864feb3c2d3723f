package com.bookstore.infra.observability;

import com.bookstore.infra.region.RegionContext;
import com.pulumi.core.Output;

import java.nio.file.Path;

/**
 * What {@link ShopperCanary} runs and where it reports.
 *
 * @param region           required; the region whose endpoints the canary checks, its account and boundary
 * @param canaryName       required; lower-case letters, digits, {@code -} and {@code _}, at most 21 characters
 *                         (Canary name limits, com.pulumi:aws 6.83.0)
 * @param bucketName       required; the private bucket of the runs' screenshots, HAR files and logs
 * @param storefrontUrl    required; the storefront the shopper opens (its one CloudFront distribution)
 * @param regionalApiUrl   required; this region's own API endpoint (execute-api), never the failover name
 * @param topicArn         required; the region's service-alarm topic ({@link RegionAlarms#topicArn})
 * @param bundle           required; the zip {@link CanaryBundle#write} made
 * @param emptiedOnDestroy default false; true for a teardown: the artifact bucket is emptied on destroy
 */
public record ShopperCanaryArgs(RegionContext region, String canaryName, Output<String> bucketName,
                                Output<String> storefrontUrl, Output<String> regionalApiUrl, Output<String> topicArn,
                                Path bundle, boolean emptiedOnDestroy) {

    public ShopperCanaryArgs {
        if (!canaryName.matches("[a-z0-9_-]{1,21}")) {
            throw new IllegalArgumentException("a canary name is 1 to 21 of a-z, 0-9, - and _: " + canaryName);
        }
    }
}
