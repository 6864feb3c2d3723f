package com.bookstore.infra.web;

import com.bookstore.infra.dns.CustomDomain;
import com.bookstore.infra.dns.ValidatedCertificate;
import com.bookstore.infra.dns.ValidatedCertificateArgs;
import com.bookstore.infra.region.RegionContext;
import com.bookstore.infra.region.ResourceOwner;
import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.Function;
import com.pulumi.aws.cloudfront.FunctionArgs;
import com.pulumi.aws.cloudfront.OriginAccessControl;
import com.pulumi.aws.cloudfront.OriginAccessControlArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorFunctionAssociationArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorFunctionAssociationArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomOriginConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginGroupArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginGroupFailoverCriteriaArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginGroupMemberArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsGeoRestrictionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionViewerCertificateArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The primary's CloudFront distribution over both regions' storefront buckets: an origin group that fails over to
 * the secondary's bucket (named by {@code ResourceNames}, so known before the secondary exists) for GET and HEAD,
 * and with a domain {@code www.<domain>} on a us-east-1 certificate. Created under the {@link StorefrontSite}.
 */
final class StorefrontDistribution {

    // AWS-managed CloudFront policies (stable, documented ids): cache static assets, never cache config.json.
    private static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    // Every viewer header, cookie and query string but Host, which must name the API's custom domain
    // (CloudFront Developer Guide, "Use managed origin request policies": made for API Gateway origins).
    private static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    /**
     * Only server errors fail over: S3 answers a missing key with 403 (OAC readers may not list the bucket),
     * and a missing object is missing in both regions, so 4xx must reach the viewer (docs/infrastructure.md).
     */
    static final List<Integer> FAILOVER_STATUS_CODES = List.of(500, 502, 503, 504);
    /** The viewer-request function that serves the app for client-side routes (src/main/resources). */
    static final String CLIENT_ROUTES_FUNCTION = "client-routes.js";
    /** The viewer-request function that drops {@link SiteConfig#API_PATH} before the API sees the path. */
    static final String API_PREFIX_FUNCTION = "api-prefix.js";

    final Distribution distribution;

    StorefrontDistribution(String name, StorefrontSiteArgs args, String configKey, ResourceOwner owner) {
        RegionContext region = args.region();
        Optional<String> host = args.customDomain().map(CustomDomain::host);
        // CloudFront only accepts certificates from us-east-1: the edge provider.
        Optional<ValidatedCertificate> certificate = host.map(h -> new ValidatedCertificate(name + "-certificate",
                new ValidatedCertificateArgs(h, args.customDomain().get().hostedZoneId(), ValidatedCertificate.EC_P256,
                        args.customDomain().get().writesValidationRecord()),
                ComponentResourceOptions.builder()
                .parent(owner.component()).providers(region.providers().edge()).build()));
        var accessControl = new OriginAccessControl(name, OriginAccessControlArgs.builder()
                .name(name)
                .description("Bookstore storefront buckets")
                .originAccessControlOriginType("s3")
                .signingBehavior("always")
                .signingProtocol("sigv4")
                .build(), owner.child());
        var clientRoutes = new Function(name + "-client-routes", FunctionArgs.builder()
                .name(name + "-client-routes")
                .runtime("cloudfront-js-2.0")
                .comment("Serve index.html for the storefront's client-side routes")
                .code(functionCode(CLIENT_ROUTES_FUNCTION))
                .publish(true)
                .build(), owner.child());
        var headers = StorefrontHeadersPolicy.create(name, StorefrontSite.HEADERS,
                args.distribution().orElseThrow().pageOrigins(), args.uiDist().resolve("index.html"), owner);
        String primaryOrigin = "ui-" + region.region();
        String secondaryOrigin = "ui-" + region.peerRegion();
        String failoverGroup = "ui-failover";
        var settings = args.distribution().orElseThrow();
        List<DistributionOriginArgs> origins = new ArrayList<>(List.of(
                DistributionOriginArgs.builder()
                        .originId(primaryOrigin)
                        .domainName(region.names().uiBucketRegionalDomain(region.accountId(), region.region()))
                        .originAccessControlId(accessControl.id())
                        .build(),
                DistributionOriginArgs.builder()
                        .originId(secondaryOrigin)
                        .domainName(region.names().uiBucketRegionalDomain(region.accountId(), region.peerRegion()))
                        .originAccessControlId(accessControl.id())
                        .build()));
        List<DistributionOrderedCacheBehaviorArgs> behaviors = new ArrayList<>(List.of(
                DistributionOrderedCacheBehaviorArgs.builder()
                        .pathPattern("/" + configKey)
                        .targetOriginId(failoverGroup)
                        .viewerProtocolPolicy("redirect-to-https")
                        .allowedMethods("GET", "HEAD")
                        .cachedMethods("GET", "HEAD")
                        .cachePolicyId(CACHING_DISABLED)
                        .responseHeadersPolicyId(headers.id())
                        .build()));
        settings.apiOrigin().ifPresent(apiHost -> {
            // The failover name: Route 53 answers with the healthy region's API, so failover needs nothing here.
            origins.add(DistributionOriginArgs.builder()
                    .originId("api")
                    .domainName(apiHost)
                    .customOriginConfig(DistributionOriginCustomOriginConfigArgs.builder()
                            .originProtocolPolicy("https-only")
                            .originSslProtocols("TLSv1.2")
                            .httpPort(80)
                            .httpsPort(443)
                            .build())
                    .build());
            var apiPrefix = new Function(name + "-api-prefix", FunctionArgs.builder()
                    .name(name + "-api-prefix")
                    .runtime("cloudfront-js-2.0")
                    .comment("Pass /api/* to the API without the /api prefix")
                    .code(functionCode(API_PREFIX_FUNCTION))
                    .publish(true)
                    .build(), owner.child());
            behaviors.add(DistributionOrderedCacheBehaviorArgs.builder()
                    .pathPattern(SiteConfig.API_PATH + "/*")
                    .targetOriginId("api")
                    .viewerProtocolPolicy("https-only")
                    .allowedMethods("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE")
                    .cachedMethods("GET", "HEAD")
                    .compress(true)
                    .cachePolicyId(CACHING_DISABLED)
                    .originRequestPolicyId(ALL_VIEWER_EXCEPT_HOST_HEADER)
                    .functionAssociations(DistributionOrderedCacheBehaviorFunctionAssociationArgs.builder()
                            .eventType("viewer-request").functionArn(apiPrefix.arn()).build())
                    .build());
        });
        var distribution = new Distribution(name, DistributionArgs.builder()
                .enabled(true)
                .isIpv6Enabled(true)
                .aliases(host.map(List::of).orElse(List.of()))
                .comment("Bookstore storefront")
                .httpVersion("http2and3")
                .priceClass(settings.priceClass())
                .webAclId(settings.webAclArn().orElse(null))
                .defaultRootObject("index.html")
                .origins(origins)
                .originGroups(DistributionOriginGroupArgs.builder()
                        .originId(failoverGroup)
                        .failoverCriteria(DistributionOriginGroupFailoverCriteriaArgs.builder()
                                .statusCodes(FAILOVER_STATUS_CODES).build())
                        .members(
                                DistributionOriginGroupMemberArgs.builder().originId(primaryOrigin).build(),
                                DistributionOriginGroupMemberArgs.builder().originId(secondaryOrigin).build())
                        .build())
                // Origin groups only fail over GET, HEAD and OPTIONS: the site is read-only, the API fails
                // over through DNS.
                .defaultCacheBehavior(DistributionDefaultCacheBehaviorArgs.builder()
                        .targetOriginId(failoverGroup)
                        .viewerProtocolPolicy("redirect-to-https")
                        .allowedMethods("GET", "HEAD", "OPTIONS")
                        .cachedMethods("GET", "HEAD")
                        .compress(true)
                        .cachePolicyId(CACHING_OPTIMIZED)
                        .responseHeadersPolicyId(headers.id())
                        .functionAssociations(DistributionDefaultCacheBehaviorFunctionAssociationArgs.builder()
                                .eventType("viewer-request").functionArn(clientRoutes.arn()).build())
                        .build())
                .orderedCacheBehaviors(behaviors)
                .restrictions(DistributionRestrictionsArgs.builder()
                        .geoRestriction(DistributionRestrictionsGeoRestrictionArgs.builder()
                                .restrictionType("none").build())
                        .build())
                .viewerCertificate(certificate.map(c -> DistributionViewerCertificateArgs.builder()
                                .acmCertificateArn(c.arn)
                                .sslSupportMethod("sni-only")
                                .minimumProtocolVersion("TLSv1.2_2021")
                                .build())
                        .orElseGet(() -> DistributionViewerCertificateArgs.builder()
                                .cloudfrontDefaultCertificate(true)
                                .build()))
                .build(), owner.child());
        host.ifPresent(h -> {
            for (String type : List.of("A", "AAAA")) {
                new Record(name + "-" + type.toLowerCase(java.util.Locale.ROOT), RecordArgs.builder()
                        .zoneId(args.customDomain().get().hostedZoneId())
                        .name(h)
                        .type(type)
                        .aliases(RecordAliasArgs.builder()
                                .name(distribution.domainName())
                                .zoneId(distribution.hostedZoneId())
                                .evaluateTargetHealth(false)
                                .build())
                        .build(), CustomResourceOptions.builder().parent(owner.component())
                        .provider(region.providers().edge()).build());
            }
        });
        this.distribution = distribution;
    }

    static String clientRoutesCode() {
        return functionCode(CLIENT_ROUTES_FUNCTION);
    }

    static String functionCode(String resource) {
        try (var in = StorefrontSite.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
