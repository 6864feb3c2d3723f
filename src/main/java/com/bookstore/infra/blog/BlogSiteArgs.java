package com.bookstore.infra.blog;

import com.bookstore.infra.dns.CustomDomain;
import com.bookstore.infra.region.RegionContext;
import com.pulumi.aws.Provider;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Optional;

/**
 * What a region's {@link BlogSite} runs and where. The blog's settings and the stack's sizing
 * (docs/configuration.md) carry the defaults of the sizes and counts.
 *
 * @param region             required; the account, the permissions boundary and the home provider
 * @param image              required; the official WordPress image, pulled through the region's ECR cache
 * @param tasks              required; WordPress tasks, spread over the private subnets (2 by default)
 * @param taskSize           required; CPU units and memory of each task (512 and 1024 MiB by default)
 * @param adminCidrs         default empty: nobody reaches {@code /wp-admin}; networks allowed to
 * @param placement          required; the region's network
 * @param database           required; the region's blog database: its endpoint, secret, key and security group
 * @param logKeyArn          required; the KMS key of the task and Container Insights log groups
 * @param logRetentionDays   required; how long those logs are kept
 * @param deletionProtection the safe value is true (load balancer and uploads protected); false for a teardown
 * @param customDomain       default none: plain HTTP on the load balancer's name; with one, HTTPS for it
 * @param uploadsSource      default none: the primary (its own uploads file system and the seeding task); the
 *                           secondary replicates the primary's uploads and alarms on the database's replication lag
 */
public record BlogSiteArgs(RegionContext region, String image, int tasks, TaskSize taskSize, List<String> adminCidrs,
                           Placement placement, BlogDatabase database, Output<String> logKeyArn, int logRetentionDays,
                           boolean deletionProtection, Optional<CustomDomain> customDomain,
                           Optional<UploadsSource> uploadsSource) {

    public BlogSiteArgs {
        adminCidrs = List.copyOf(adminCidrs);
    }

    /** Fargate task size: CPU units and MiB, one of the combinations Fargate accepts. */
    public record TaskSize(int cpu, int memoryMb) {
    }

    /** Where the private network is, from the Network component. */
    public record Placement(Output<String> vpcId, String vpcCidr, int availabilityZones,
                            Output<List<String>> privateSubnetIds, Output<String> privateRouteTableId) {
    }

    /** The secondary's uploads replicate from the primary's file system; EFS configures that at the source. */
    public record UploadsSource(Output<String> fileSystemId, Provider sourceRegion) {
    }
}
