package com.bookstore.infra.region;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;

/**
 * The explicit AWS providers of a stack: {@code home} for the stack's region, {@code edge} for the region where
 * AWS keeps CloudFront certificates and Route 53 health-check metrics (us-east-1 today, read from config like
 * every region), and {@code peer} for the other stack's region, where AWS takes configuration that the
 * secondary owns (EFS replication is set up at its source). Every resource names its provider, so the plan can
 * say which region owns it.
 */
public record RegionalProviders(Provider home, Provider edge, Provider peer) {

    public static RegionalProviders create(String homeRegion, String edgeRegion, String peerRegion, StackTags tags) {
        Provider home = provider(homeRegion, tags);
        Provider edge = homeRegion.equals(edgeRegion) ? home : provider(edgeRegion, tags);
        Provider peer = peerRegion.equals(edgeRegion) ? edge : provider(peerRegion, tags);
        return new RegionalProviders(home, edge, peer);
    }

    private static Provider provider(String region, StackTags tags) {
        return new Provider("aws-" + region, ProviderArgs.builder()
                .region(region)
                // Default tags reach every taggable resource without repeating them in each component.
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(tags.asMap()).build())
                .build());
    }
}
