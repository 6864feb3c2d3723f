package com.bookstore.infra.region;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;

/**
 * The explicit AWS providers of a stack: {@code home} for the stack's region, and {@code edge} for the region
 * where AWS keeps CloudFront certificates and Route 53 health-check metrics (us-east-1 today, read from config
 * like every region). Every resource names its provider, so the plan can say which region owns it.
 */
public record RegionalProviders(Provider home, Provider edge) {

    public static RegionalProviders create(String homeRegion, String edgeRegion, StackTags tags) {
        Provider home = provider(homeRegion, tags);
        Provider edge = homeRegion.equals(edgeRegion) ? home : provider(edgeRegion, tags);
        return new RegionalProviders(home, edge);
    }

    private static Provider provider(String region, StackTags tags) {
        return new Provider("aws-" + region, ProviderArgs.builder()
                .region(region)
                // Default tags reach every taggable resource without repeating them in each component.
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(tags.asMap()).build())
                .build());
    }
}
