package com.bookstore.infra.region;

import com.bookstore.infra.config.StackSettings;
import com.bookstore.infra.contract.ResourceNames;
import com.pulumi.core.Output;

/**
 * What every component of a region needs besides its own inputs: the parsed settings, the explicit
 * providers, the shared naming function and the account the stack deploys into.
 */
public record RegionContext(StackSettings settings, RegionalProviders providers, ResourceNames names,
                            Output<String> accountId) {

    public String region() {
        return settings.region();
    }
}
