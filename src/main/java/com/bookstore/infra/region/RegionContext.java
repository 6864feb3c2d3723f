package com.bookstore.infra.region;

import com.bookstore.infra.config.StackSettings;
import com.bookstore.infra.contract.ResourceNames;
import com.pulumi.core.Output;

/**
 * What every component of a region needs besides its own inputs: the parsed settings, the explicit
 * providers, the shared naming function, the account the stack deploys into and the project's permissions
 * boundary, which every role carries (security.PermissionsBoundary).
 */
public record RegionContext(StackSettings settings, RegionalProviders providers, ResourceNames names,
                            Output<String> accountId, Output<String> permissionsBoundaryArn) {

    public String region() {
        return settings.region();
    }
}
