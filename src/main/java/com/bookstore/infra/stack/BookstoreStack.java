package com.bookstore.infra.stack;

import com.bookstore.infra.api.RegionalApi;
import com.bookstore.infra.auth.Auth;
import com.bookstore.infra.auth.UserPoolRef;
import com.bookstore.infra.blog.BlogDatabase;
import com.bookstore.infra.blog.BlogSettings;
import com.bookstore.infra.blog.BlogSite;
import com.bookstore.infra.cache.LeaderboardCache;
import com.bookstore.infra.config.StackSettings;
import com.bookstore.infra.contract.PrimaryOutputs;
import com.bookstore.infra.firewall.WebFirewall;
import com.bookstore.infra.contract.ResourceNames;
import com.bookstore.infra.data.GlobalTables;
import com.bookstore.infra.dns.FailoverDns;
import com.bookstore.infra.functions.Functions;
import com.bookstore.infra.network.Network;
import com.bookstore.infra.observability.EdgeAlarms;
import com.bookstore.infra.observability.OperationsDashboard;
import com.bookstore.infra.observability.RegionAlarms;
import com.bookstore.infra.observability.ShopperCanary;
import com.bookstore.infra.pipeline.DeliveryPipeline;
import com.bookstore.infra.recovery.RegionSwitch;
import com.bookstore.infra.region.RegionContext;
import com.bookstore.infra.region.RegionalProviders;
import com.bookstore.infra.region.StackTags;
import com.bookstore.infra.security.EncryptionKey;
import com.bookstore.infra.security.PermissionsBoundaryArgs;
import com.bookstore.infra.security.PermissionsBoundary;
import com.bookstore.infra.web.SiteConfig;
import com.bookstore.infra.web.StorefrontSite;
import com.pulumi.Context;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.StackReference;

import java.util.List;
import java.util.Optional;

/**
 * One region of the bookstore, composed from the component library in the order of the architecture diagram. The
 * role decides who owns the replicated sources (docs/architecture.md#stack-ownership): the primary creates the
 * tables, the user pool and the distribution and exports the contract; the secondary reads the contract and replicates.
 * New building blocks (blog, pipeline) join here as one more component each.
 */
public final class BookstoreStack {

    private BookstoreStack() {
    }

    public static void deploy(Context ctx, StackSettings settings) {
        var tags = new StackTags(ctx.projectName(), ctx.stackName(), settings.role().value());
        var providers = RegionalProviders.create(settings.region(), settings.edgeRegion(), settings.peerRegion(), tags);
        var accountId = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(),
                InvokeOutputOptions.builder().provider(providers.home()).build()).applyValue(id -> id.accountId());
        String prefix = ctx.projectName();
        // The primary creates the boundary every role of both stacks carries; the secondary names it.
        Output<String> boundary = settings.isPrimary()
                ? new PermissionsBoundary(PermissionsBoundary.name(prefix), new PermissionsBoundaryArgs(prefix, accountId),
                        ComponentResourceOptions.builder().providers(providers.home()).build()).arn
                : PermissionsBoundary.arnOf(prefix, accountId);
        var region = new RegionContext(settings.region(), settings.peerRegion(), settings.edgeRegion(), providers,
                new ResourceNames(ctx.projectName()), accountId, boundary);
        var args = new ComponentArgs(settings, region);

        Optional<StackReference> primaryStack = settings.isPrimary() ? Optional.empty()
                : Optional.of(new StackReference(settings.primaryStack().orElseThrow()));
        Optional<PrimaryOutputs> primary = primaryStack.map(ref -> PrimaryOutputs.from(ref, settings.peerRegion(),
                settings.blog().isPresent()));

        var logKey = new EncryptionKey(prefix + "-logs", args.logKey(prefix + "-logs"), args.inHomeRegion());
        var network = new Network(prefix + "-network", args.network(), args.inHomeRegion());
        var tables = new GlobalTables(prefix + "-tables", args.tables(primary), args.inHomeRegion());
        var cache = new LeaderboardCache(prefix + "-leaderboard", args.cache(network), args.inHomeRegion());
        UserPoolRef userPool = primary.map(contract -> contract.userPool(settings.peerRegion()))
                .orElseGet(() -> new Auth(prefix + "-users", args.auth(tags), args.inHomeRegion()).userPool);
        // AWS WAF in front of what customers reach (docs/security.md#edge-waf): the pool where it lives, CloudFront
        // (a CLOUDFRONT-scope ACL, so in us-east-1) in the primary, which owns the distribution.
        if (primary.isEmpty()) {
            Output<String> poolArn = Output.tuple(accountId, userPool.userPoolId()).applyValue(ids ->
                    "arn:aws:cognito-idp:" + userPool.region() + ":" + ids.t1 + ":userpool/" + ids.t2);
            new WebFirewall(prefix + "-users-waf", args.usersFirewall(poolArn), args.inHomeRegion());
        }
        Optional<Output<String>> edgeAcl = primary.isEmpty()
                ? Optional.of(new WebFirewall(prefix + "-edge-waf", args.edgeFirewall(), args.inEdgeRegion()).arn)
                : Optional.empty();
        var functions = new Functions(prefix + "-functions", args.functions(network, tables, cache.url, logKey.arn),
                args.inHomeRegion());
        var api = new RegionalApi(prefix + "-api", args.api(functions, userPool, logKey.arn), args.inHomeRegion());

        // Service-level alarms in each region; the dashboard of both in the primary (docs/observability.md).
        var alarms = new RegionAlarms(prefix + "-slo", args.alarms(api, functions, tables), args.inHomeRegion());
        new OperationsDashboard(prefix + "-" + settings.region(), args.regionDashboard(api, functions, tables, alarms),
                args.inHomeRegion());
        if (settings.isPrimary()) {
            new OperationsDashboard(prefix + "-operations", args.dashboard(prefix + "-slo", tables.orders.name()),
                    args.inHomeRegion());
        }

        Optional<Blog> blog = settings.blog().map(blogSettings -> Blog.create(prefix, args, blogSettings, network,
                logKey.arn, primary));
        blog.ifPresent(b -> new WebFirewall(prefix + "-blog-waf", args.blogFirewall(b.site().loadBalancerArn),
                args.inHomeRegion()));

        var site = new StorefrontSite(prefix + "-storefront", args.storefront(
                SiteConfig.json(args.storefrontApiBaseUrl(api.baseUrl), settings.region(), settings.peerRegion(),
                        settings.role().value(), userPool,
                        blog.map(b -> b.site().url).orElse(Output.of(SiteConfig.NO_BLOG))), primary, edgeAcl),
                args.inHomeRegion());
        // CloudFront's share of 5xx, in the edge region where its metrics are; the primary owns the distribution.
        site.distributionArn.ifPresent(distribution -> new EdgeAlarms(prefix + "-edge-alarms",
                args.edgeAlarms(distribution), args.inEdgeRegion()));
        // The synthetic shopper of this region (docs/observability.md#canaries): the storefront, this region's own API.
        Output<String> storefrontUrl = primary.map(PrimaryOutputs::storefrontUrl)
                .orElseGet(() -> site.storefrontUrl.orElseThrow());
        new ShopperCanary(prefix + "-shopper", args.canary(prefix, storefrontUrl, api.endpoint, alarms.topicArn),
                args.inHomeRegion());

        api.customDomainTarget.ifPresent(target -> {
            String domain = settings.domain().orElseThrow();
            List<FailoverDns.Endpoint> endpoints = new java.util.ArrayList<>(List.of(
                    new FailoverDns.Endpoint("api", ResourceNames.apiHost(domain), api.healthCheckHost, "/health", target)));
            blog.ifPresent(b -> endpoints.add(new FailoverDns.Endpoint("blog", ResourceNames.blogHost(domain),
                    b.site().loadBalancerDnsName, "/wp-json/", b.site().loadBalancerDnsName)));
            // The Region switch plan moves these names (docs/failover.md): each region's actions, the plan in the primary.
            List<String> names = endpoints.stream().map(FailoverDns.Endpoint::host).toList();
            var regionSwitch = new RegionSwitch(prefix, settings, region, logKey.arn, api.baseUrl,
                    blog.map(b -> new RegionSwitch.Blog(b.database().globalClusterId, b.site().uploadsFileSystemId)),
                    names, primaryStack);
            new FailoverDns(prefix + "-failover", args.failover(endpoints.stream()
                    .map(e -> e.withSwitch(regionSwitch.healthCheckId(e.host()))).toList()), args.inEdgeRegion());
            regionSwitch.export(ctx, names, settings.peerRegion());
        });
        settings.pipeline().ifPresent(pipeline -> new DeliveryPipeline(prefix + "-pipeline", args.pipeline(prefix,
                pipeline, blog.flatMap(b -> b.site().seedTaskResources), tables.books.arn()), args.inHomeRegion()));

        ctx.export("region", Output.of(settings.region()));
        ctx.export("role", Output.of(settings.role().value()));
        ctx.export("apiEndpoint", api.endpoint);
        ctx.export("apiBaseUrl", api.baseUrl);
        ctx.export("uiBucketName", site.bucketName);
        ctx.export("alarmTopicArn", alarms.topicArn);
        blog.ifPresent(b -> ctx.export("blogUrl", b.site().url));
        blog.flatMap(b -> b.site().seedTask).ifPresent(task -> ctx.export("blogSeedTask", task));
        if (primary.isEmpty()) {
            // The deploy activates the pool's replica there (pipeline/scripts/activate-user-pool-replica.sh).
            ctx.export("userPoolReplicaRegion", Output.of(settings.peerRegion()));
            new PrimaryOutputs(Output.of(settings.region()), tables.books.arn(), tables.cart.arn(),
                    tables.orders.arn(), userPool.userPoolId(), userPool.clientId(), userPool.issuer(),
                    site.distributionArn.orElseThrow(), site.distributionDomainName.orElseThrow(),
                    site.storefrontUrl.orElseThrow(), blog.map(b -> b.database().globalClusterId).orElse(null),
                    blog.map(b -> b.database().secretArn).orElse(null),
                    blog.map(b -> b.site().uploadsFileSystemId).orElse(null)).export(ctx);
        } else {
            ctx.export("storefrontUrl", primary.get().storefrontUrl());
            // What promote-blog-db needs during a primary outage, readable from this stack alone.
            blog.ifPresent(b -> {
                ctx.export("blogGlobalClusterId", b.database().globalClusterId);
                ctx.export("blogUploadsFileSystemId", b.site().uploadsFileSystemId);
            });
        }
    }

    /** The book blog (docs/blog.md): its database and its site; absent with {@code bookstore:blog: off}. */
    private record Blog(BlogDatabase database, BlogSite site) {

        static Blog create(String prefix, ComponentArgs args, BlogSettings settings, Network network,
                           Output<String> logKeyArn, Optional<PrimaryOutputs> primary) {
            var database = new BlogDatabase(prefix + "-blog-db",
                    args.blogDatabase(settings, network, logKeyArn, primary), args.inHomeRegion());
            var site = new BlogSite(prefix + "-blog", args.blogSite(settings, network, database, logKeyArn, primary),
                    args.inHomeRegion());
            return new Blog(database, site);
        }
    }
}
