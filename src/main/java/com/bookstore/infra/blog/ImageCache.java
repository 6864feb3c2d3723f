package com.bookstore.infra.blog;

import com.bookstore.infra.region.ResourceOwner;
import com.pulumi.aws.ecr.PullThroughCacheRule;
import com.pulumi.aws.ecr.PullThroughCacheRuleArgs;
import com.pulumi.core.Output;

/** The region's ECR pull-through cache of ECR Public: the tasks pull the official image without internet egress. */
final class ImageCache {

    /** The image as the tasks pull it, through the cache. */
    final Output<String> imageUri;
    /** The cached repositories, for the execution role's pull grant. */
    final Output<String> repositoryArns;

    ImageCache(String name, String region, Output<String> accountId, String image, ResourceOwner owner) {
        var cache = new PullThroughCacheRule(name, PullThroughCacheRuleArgs.builder()
                .ecrRepositoryPrefix(name)
                .upstreamRegistryUrl("public.ecr.aws")
                .build(), owner.child());
        this.imageUri = Output.tuple(accountId, cache.ecrRepositoryPrefix()).applyValue(t ->
                t.t1 + ".dkr.ecr." + region + ".amazonaws.com/" + t.t2 + "/" + image);
        this.repositoryArns = Output.tuple(accountId, cache.ecrRepositoryPrefix()).applyValue(t ->
                "arn:aws:ecr:" + region + ":" + t.t1 + ":repository/" + t.t2 + "/*");
    }
}
