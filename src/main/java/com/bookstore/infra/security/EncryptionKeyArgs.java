package com.bookstore.infra.security;

import com.pulumi.core.Output;

import java.util.List;

/**
 * What an {@link EncryptionKey} is for. Every field is required; the key is always rotated yearly and
 * deleted only after a 30-day window.
 *
 * @param aliasName the key's alias without {@code alias/}; unique in the key's region and account, which two
 *                  stacks may share (both keep their alarm keys in the edge region)
 * @param purpose   completes the key's description, "Bookstore &lt;purpose&gt;"
 * @param region    the region of the key's provider, which the CloudWatch Logs grant names
 * @param accountId the account whose root administers the key and whose resources may use it
 * @param uses      the services allowed to use the key; none leaves the account root only
 */
public record EncryptionKeyArgs(String aliasName, String purpose, String region, Output<String> accountId,
                                List<EncryptionKey.ServiceUse> uses) {

    public EncryptionKeyArgs {
        uses = List.copyOf(uses);
    }
}
