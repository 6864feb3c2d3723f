package com.bookstore.infra.web;

import com.bookstore.infra.dns.CustomDomain;
import com.bookstore.infra.dns.ValidatedCertificate;
import com.bookstore.infra.dns.ValidatedCertificateArgs;
import com.bookstore.infra.region.RegionContext;
import com.bookstore.infra.storage.PrivateBucket;
import com.bookstore.infra.storage.PrivateBucketArgs;
import com.pulumi.asset.FileAsset;
import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.OriginAccessControl;
import com.pulumi.aws.cloudfront.OriginAccessControlArgs;
import com.pulumi.aws.cloudfront.Function;
import com.pulumi.aws.cloudfront.FunctionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorFunctionAssociationArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginGroupArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginGroupFailoverCriteriaArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginGroupMemberArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsGeoRestrictionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionViewerCertificateArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.aws.s3.BucketObjectv2;
import com.pulumi.aws.s3.BucketObjectv2Args;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The storefront's static site in one region: a private, versioned, encrypted bucket that only CloudFront can
 * read (Origin Access Control) and only over TLS, holding the built UI and a runtime {@code config.json}.
 * The primary also owns the CloudFront distribution, whose origin group fails over to the secondary's bucket
 * (named by {@code ResourceNames}, so it is known before the secondary exists) for GET and HEAD. With a
 * domain, the distribution answers {@code www.<domain>} with a certificate from us-east-1.
 */
public final class StorefrontSite extends ComponentResource {

    // AWS-managed CloudFront policies (stable, documented ids): cache static assets, never cache config.json,
    // add the standard security headers.
    private static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    private static final String SECURITY_HEADERS = "67f7725c-6f97-4210-82d7-5512b31e9d03";
    /**
     * Only server errors fail over: S3 answers a missing key with 403 (OAC readers may not list the bucket),
     * and a missing object is missing in both regions, so 4xx must reach the viewer (docs/infrastructure.md).
     */
    static final List<Integer> FAILOVER_STATUS_CODES = List.of(500, 502, 503, 504);
    /** The viewer-request function that serves the app for client-side routes (src/main/resources). */
    static final String CLIENT_ROUTES_FUNCTION = "client-routes.js";
    private static final String CONFIG_KEY = "config.json";
    private static final SiteHeaders HEADERS = SiteHeaders.load();

    public final Output<String> bucketName;
    /** Present in the primary only: the distribution serving both buckets. */
    public final Optional<Output<String>> distributionArn;
    public final Optional<Output<String>> distributionDomainName;
    /** Present in the primary only: {@code https://www.<domain>} with a domain, else the CloudFront URL. */
    public final Optional<Output<String>> storefrontUrl;

    public StorefrontSite(String name, StorefrontSiteArgs args, ComponentResourceOptions options) {
        super("bookstore:web:StorefrontSite", name, options);
        RegionContext region = args.region();
        Output<String> readerDistributionArn;
        if (args.primaryDistributionArn().isPresent()) {
            readerDistributionArn = args.primaryDistributionArn().get();
            this.distributionArn = Optional.empty();
            this.distributionDomainName = Optional.empty();
            this.storefrontUrl = Optional.empty();
        } else {
            // Both origins are addressed by their deterministic names, so the distribution exists before the bucket
            // policy that names it as the only reader.
            var distribution = distribution(name, args);
            readerDistributionArn = distribution.arn();
            this.distributionArn = Optional.of(distribution.arn());
            this.distributionDomainName = Optional.of(distribution.domainName());
            this.storefrontUrl = Optional.of(args.customDomain()
                    .map(domain -> Output.of("https://" + domain.host()))
                    .orElseGet(() -> distribution.domainName().applyValue(d -> "https://" + d)));
        }
        // SSE-S3: CloudFront's OAC reads it without a key grant; the assets are public once served.
        var bucket = new PrivateBucket(name, PrivateBucketArgs
                .of(region.names().uiBucket(region.accountId(), region.region()), PrivateBucket.Encryption.s3Managed())
                .readableBy(new PrivateBucket.ServiceRead("CloudFrontReadsObjects", "cloudfront.amazonaws.com",
                        readerDistributionArn))
                .emptiedOnDestroy(args.emptiedOnDestroy()),
                ComponentResourceOptions.builder().parent(this).build());

        uploadUi(name, bucket, args.uiDist());
        new BucketObjectv2(name + "-config", BucketObjectv2Args.builder()
                .bucket(bucket.bucketName)
                .key(CONFIG_KEY)
                .content(args.runtimeConfigJson())
                .contentType(HEADERS.contentType(CONFIG_KEY))
                .cacheControl(HEADERS.cacheControl(CONFIG_KEY))
                .build(), child());

        this.bucketName = bucket.bucketName;
        registerOutputs(Map.of("bucketName", this.bucketName));
    }

    private Distribution distribution(String name, StorefrontSiteArgs args) {
        RegionContext region = args.region();
        Optional<String> host = args.customDomain().map(CustomDomain::host);
        // CloudFront only accepts certificates from us-east-1: the edge provider.
        Optional<ValidatedCertificate> certificate = host.map(h -> new ValidatedCertificate(name + "-certificate",
                new ValidatedCertificateArgs(h, args.customDomain().get().hostedZoneId(), ValidatedCertificate.EC_P256,
                        args.customDomain().get().writesValidationRecord()),
                ComponentResourceOptions.builder()
                .parent(this).providers(region.providers().edge()).build()));
        var accessControl = new OriginAccessControl(name, OriginAccessControlArgs.builder()
                .name(name)
                .description("Bookstore storefront buckets")
                .originAccessControlOriginType("s3")
                .signingBehavior("always")
                .signingProtocol("sigv4")
                .build(), child());
        var clientRoutes = new Function(name + "-client-routes", FunctionArgs.builder()
                .name(name + "-client-routes")
                .runtime("cloudfront-js-2.0")
                .comment("Serve index.html for the storefront's client-side routes")
                .code(clientRoutesCode())
                .publish(true)
                .build(), child());
        String primaryOrigin = "ui-" + region.region();
        String secondaryOrigin = "ui-" + region.peerRegion();
        String failoverGroup = "ui-failover";
        var distribution = new Distribution(name, DistributionArgs.builder()
                .enabled(true)
                .isIpv6Enabled(true)
                .aliases(host.map(List::of).orElse(List.of()))
                .comment("Bookstore storefront")
                .httpVersion("http2and3")
                .priceClass(args.distribution().orElseThrow().priceClass())
                .defaultRootObject("index.html")
                .origins(
                        DistributionOriginArgs.builder()
                                .originId(primaryOrigin)
                                .domainName(region.names().uiBucketRegionalDomain(region.accountId(), region.region()))
                                .originAccessControlId(accessControl.id())
                                .build(),
                        DistributionOriginArgs.builder()
                                .originId(secondaryOrigin)
                                .domainName(region.names().uiBucketRegionalDomain(region.accountId(),
                                        region.peerRegion()))
                                .originAccessControlId(accessControl.id())
                                .build())
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
                        .responseHeadersPolicyId(SECURITY_HEADERS)
                        .functionAssociations(DistributionDefaultCacheBehaviorFunctionAssociationArgs.builder()
                                .eventType("viewer-request").functionArn(clientRoutes.arn()).build())
                        .build())
                .orderedCacheBehaviors(DistributionOrderedCacheBehaviorArgs.builder()
                        .pathPattern("/" + CONFIG_KEY)
                        .targetOriginId(failoverGroup)
                        .viewerProtocolPolicy("redirect-to-https")
                        .allowedMethods("GET", "HEAD")
                        .cachedMethods("GET", "HEAD")
                        .cachePolicyId(CACHING_DISABLED)
                        .responseHeadersPolicyId(SECURITY_HEADERS)
                        .build())
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
                .build(), child());
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
                        .build(), CustomResourceOptions.builder().parent(this)
                        .provider(region.providers().edge()).build());
            }
        });
        return distribution;
    }

    static String clientRoutesCode() {
        try (var in = StorefrontSite.class.getResourceAsStream(CLIENT_ROUTES_FUNCTION)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + CLIENT_ROUTES_FUNCTION);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads the built UI when it exists (a plan or a first deploy may run before the UI is built). */
    private void uploadUi(String name, PrivateBucket bucket, Path uiDist) {
        if (!Files.isDirectory(uiDist)) {
            return;
        }
        try (Stream<Path> files = Files.walk(uiDist)) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> {
                String key = uiDist.relativize(file).toString().replace('\\', '/');
                if (key.equals(CONFIG_KEY) || HEADERS.isLocalOnly(key)) {
                    return; // the stack writes its own config; CloudFront compresses by itself
                }
                new BucketObjectv2(name + "-asset-" + key, BucketObjectv2Args.builder()
                        .bucket(bucket.bucketName)
                        .key(key)
                        .source(new FileAsset(file.toString()))
                        .contentType(HEADERS.contentType(key))
                        .cacheControl(HEADERS.cacheControl(key))
                        .build(), child());
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + uiDist, e);
        }
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
