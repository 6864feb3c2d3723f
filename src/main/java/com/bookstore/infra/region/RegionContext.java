package com.bookstore.infra.region;

import com.bookstore.infra.contract.ResourceNames;
import com.pulumi.core.Output;

/**
 * Where a stack deploys, as components need it: its region, the other stack's region and the edge region
 * (us-east-1), their explicit providers, the shared naming function, the account and the project's permissions
 * boundary, which every role carries. It holds no settings: the stack maps those to each component's args.
 */
public record RegionContext(String region, String peerRegion, String edgeRegion, RegionalProviders providers,
                            ResourceNames names, Output<String> accountId, Output<String> permissionsBoundaryArn) {
}
