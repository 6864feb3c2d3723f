package com.bookstore.infra.blog;

import com.bookstore.infra.network.PublicEdge;
import com.bookstore.infra.network.ServiceEndpoints;
import com.bookstore.infra.region.ResourceOwner;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * WordPress on ECS Fargate in a region, behind an internet-facing load balancer, with its uploads on EFS.
 * Why this shape: the tasks reach AWS through VPC endpoints, never the internet, and only the public read paths
 * are open to everyone (docs/blog.md). Each part is one class; all create their resources under this component.
 */
public final class BlogSite extends ComponentResource {

    /** Interface endpoints cost less than a NAT gateway per zone and open no path to the internet. */
    private static final List<String> ENDPOINT_SERVICES = List.of("ecr.api", "ecr.dkr", "logs", "secretsmanager");
    /** The awslogs stream prefix of the seeding container: its streams are {@code seed/seed/<task id>}. */
    public static final String SEED_LOG_PREFIX = "seed";

    public final Output<String> loadBalancerDnsName;
    public final Output<String> loadBalancerZoneId;
    /** The load balancer, which the region's blog web ACL is associated with. */
    public final Output<String> loadBalancerArn;
    public final Output<String> url;
    public final Output<String> uploadsFileSystemId;
    public final Output<String> alarmTopicArn;
    /** Primary only: how {@code bookstore-ops seed-blog} runs the seeding task, as one JSON stack output. */
    public final Optional<Output<String>> seedTask;
    /** Primary only: the resources running {@link #seedTask} touches, for whoever is granted to run it. */
    public final Optional<SeedTaskResources> seedTaskResources;

    /**
     * What running the seeding task involves: the cluster it runs in, its task definition (every revision), the
     * roles ECS assumes for it, and the log group its container writes to under {@link #SEED_LOG_PREFIX}.
     */
    public record SeedTaskResources(Output<String> clusterArn, Output<String> taskDefinitionFamilyArn,
                                    List<Output<String>> roleArns, Output<String> logGroupArn) {}

    public BlogSite(String name, BlogSiteArgs args, ComponentResourceOptions options) {
        super("bookstore:blog:BlogSite", name, options);
        var owner = new ResourceOwner(this);
        var region = args.region();
        var placement = args.placement();
        boolean primary = args.uploadsSource().isEmpty();

        var edge = new PublicEdge(name, placement.vpcId(), placement.vpcCidr(), placement.availabilityZones(),
                region.providers().home(), owner);
        var groups = new BlogSecurityGroups(name, placement.vpcId(), args.customDomain().isPresent(),
                args.database().securityGroupId, owner);
        var endpoints = new ServiceEndpoints(name, region.region(), placement.vpcId(), placement.privateRouteTableId(),
                placement.privateSubnetIds(), groups.endpoints, ENDPOINT_SERVICES, owner);
        groups.allowTasksToS3(name + "-tasks-to-s3", endpoints.s3PrefixListId);
        var image = new ImageCache(name + "-ecr-public", region.region(), region.accountId(), args.image(), owner);
        var uploads = new UploadsFileSystem(name + "-uploads", region.region(), region.accountId(),
                args.database().keyArn, placement.privateSubnetIds(), placement.availabilityZones(), groups.uploads,
                args.deletionProtection(), args.uploadsSource(), owner);
        var roles = new BlogTaskRoles(name, region.permissionsBoundaryArn(), args.logKeyArn(), args.logRetentionDays(),
                image, args.database(), uploads, owner);
        var balancer = new BlogLoadBalancer(name, placement.vpcId(), edge, groups.balancer, args.deletionProtection(),
                args.customDomain(), args.adminCidrs(), owner);
        var service = new WordPressService(name, args, image, roles, uploads, balancer, groups.tasks, owner);
        Optional<SeedTask> seed = primary ? Optional.of(new SeedTask(name + "-seed", args, image, roles,
                balancer.siteUrl, service.cluster, groups.tasks, owner)) : Optional.empty();
        var alarms = new BlogAlarms(name, region.region(), region.accountId(), balancer,
                primary ? Optional.empty() : Optional.of(args.database().clusterIdentifier), owner);

        this.loadBalancerDnsName = balancer.balancer.dnsName();
        this.loadBalancerZoneId = balancer.balancer.zoneId();
        this.loadBalancerArn = balancer.balancer.arn();
        this.url = balancer.siteUrl;
        this.uploadsFileSystemId = uploads.id;
        this.alarmTopicArn = alarms.topicArn;
        this.seedTask = seed.map(s -> s.runParameters);
        this.seedTaskResources = seed.map(s -> s.resources);
        registerOutputs(Map.of("loadBalancerDnsName", loadBalancerDnsName, "url", url,
                "uploadsFileSystemId", uploadsFileSystemId, "alarmTopicArn", alarmTopicArn));
    }
}
