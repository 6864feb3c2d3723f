package com.bookstore.infra.web;

import com.bookstore.contract.SiteHeaders;
import com.bookstore.infra.dns.CustomDomain;
import com.bookstore.infra.region.RegionContext;
import com.pulumi.core.Output;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which side of the {@link StorefrontSite} a stack owns: {@link #primary} adds the CloudFront distribution over
 * both regions' buckets, {@link #secondary} only its bucket, readable by the primary's distribution.
 *
 * @param region                 required; names both regions' buckets and gives the edge provider (certificates)
 * @param runtimeConfigJson      required; the {@code config.json} the app reads at start (SiteConfig)
 * @param uiDist                 required; the built UI; absent files are skipped (a plan may run before the build)
 * @param emptiedOnDestroy       the safe value is false (a bucket with objects refuses to go); true for a teardown
 * @param distribution           the primary's distribution; exactly one of it and {@code primaryDistributionArn}
 * @param primaryDistributionArn the secondary's reader: the primary's distribution
 */
public record StorefrontSiteArgs(RegionContext region, Output<String> runtimeConfigJson, Path uiDist,
                                 boolean emptiedOnDestroy, Optional<Distribution> distribution,
                                 Optional<Output<String>> primaryDistributionArn) {

    public StorefrontSiteArgs {
        if (distribution.isPresent() == primaryDistributionArn.isPresent()) {
            throw new IllegalArgumentException("a storefront either creates the distribution or names the primary's");
        }
    }

    /**
     * @param priceClass   the CloudFront price class (docs/configuration.md gives the default)
     * @param customDomain default none: the CloudFront name; with one, its certificate and alias records
     * @param pageOrigins  required; what the pages may reach besides the site (their Content-Security-Policy)
     * @param apiOrigin    default none; with one (the API's failover name {@code api.<domain>}), {@code /api/*} is
     *                     passed to it uncached, so the storefront and its API share an origin and a web ACL
     * @param webAclArn    default none; the CLOUDFRONT-scope web ACL in front of the distribution
     */
    public record Distribution(String priceClass, Optional<CustomDomain> customDomain,
                               SiteHeaders.Origins pageOrigins, Optional<String> apiOrigin,
                               Optional<Output<String>> webAclArn) {
    }

    public static StorefrontSiteArgs primary(RegionContext region, Output<String> runtimeConfigJson, Path uiDist,
                                             boolean emptiedOnDestroy, Distribution distribution) {
        return new StorefrontSiteArgs(region, runtimeConfigJson, uiDist, emptiedOnDestroy, Optional.of(distribution),
                Optional.empty());
    }

    public static StorefrontSiteArgs secondary(RegionContext region, Output<String> runtimeConfigJson, Path uiDist,
                                               boolean emptiedOnDestroy, Output<String> primaryDistributionArn) {
        return new StorefrontSiteArgs(region, runtimeConfigJson, uiDist, emptiedOnDestroy, Optional.empty(),
                Optional.of(primaryDistributionArn));
    }

    Optional<CustomDomain> customDomain() {
        return distribution.flatMap(Distribution::customDomain);
    }
}
