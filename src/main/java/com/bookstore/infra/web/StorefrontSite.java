package com.bookstore.infra.web;

import com.bookstore.contract.SiteHeaders;
import com.bookstore.infra.region.RegionContext;
import com.bookstore.infra.region.ResourceOwner;
import com.bookstore.infra.storage.PrivateBucket;
import com.bookstore.infra.storage.PrivateBucketArgs;
import com.pulumi.asset.FileAsset;
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

    static final String CONFIG_KEY = "config.json";
    static final SiteHeaders HEADERS = SiteHeaders.load();

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
            var distribution = new StorefrontDistribution(name, args, CONFIG_KEY, new ResourceOwner(this)).distribution;
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
