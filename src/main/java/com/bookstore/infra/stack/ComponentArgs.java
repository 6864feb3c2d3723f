package com.bookstore.infra.stack;

import com.bookstore.contract.SiteHeaders;
import com.bookstore.infra.firewall.ManagedRuleGroup;
import com.bookstore.infra.firewall.WebFirewallArgs;
import com.bookstore.infra.api.RegionalApi;
import com.bookstore.infra.api.RegionalApiArgs;
import com.bookstore.infra.auth.AuthArgs;
import com.bookstore.infra.auth.UserPoolRef;
import com.bookstore.infra.blog.BlogDatabase;
import com.bookstore.infra.blog.BlogDatabaseArgs;
import com.bookstore.infra.blog.BlogSettings;
import com.bookstore.infra.blog.BlogSiteArgs;
import com.bookstore.infra.cache.LeaderboardCacheArgs;
import com.bookstore.infra.config.StackSettings;
import com.bookstore.infra.contract.PrimaryOutputs;
import com.bookstore.infra.contract.ResourceNames;
import com.bookstore.infra.data.GlobalTables;
import com.bookstore.infra.data.GlobalTablesArgs;
import com.bookstore.infra.dns.CustomDomain;
import com.bookstore.infra.dns.FailoverDns;
import com.bookstore.infra.dns.FailoverDnsArgs;
import com.bookstore.infra.functions.Functions;
import com.bookstore.infra.functions.FunctionsArgs;
import com.bookstore.infra.network.Network;
import com.bookstore.infra.network.NetworkArgs;
import com.bookstore.infra.observability.CanaryBundle;
import com.bookstore.infra.observability.DashboardBody;
import com.bookstore.infra.observability.EdgeAlarmsArgs;
import com.bookstore.infra.observability.OperationsDashboardArgs;
import com.bookstore.infra.observability.RegionAlarms;
import com.bookstore.infra.observability.RegionAlarmsArgs;
import com.bookstore.infra.observability.ShopperCanaryArgs;
import com.bookstore.infra.pipeline.DeliveryPipelineArgs;
import com.bookstore.infra.pipeline.PipelineSettings;
import com.bookstore.infra.region.RegionContext;
import com.bookstore.infra.security.EncryptionKey;
import com.bookstore.infra.security.EncryptionKeyArgs;
import com.bookstore.infra.web.SiteConfig;
import com.bookstore.infra.web.StorefrontSiteArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The stack's settings mapped to each component's args: with {@link BookstoreStack}, the only code that reads
 * {@link StackSettings}, so a component shows in its args everything it depends on.
 */
final class ComponentArgs {

    private final StackSettings settings;
    private final RegionContext region;

    ComponentArgs(StackSettings settings, RegionContext region) {
        this.settings = settings;
        this.region = region;
    }

    /** Options of a component whose resources go to the stack's own region. */
    ComponentResourceOptions inHomeRegion() {
        return ComponentResourceOptions.builder().providers(region.providers().home()).build();
    }

    /** Options of a component whose resources go to the edge region (CloudFront and Route 53 metrics). */
    ComponentResourceOptions inEdgeRegion() {
        return ComponentResourceOptions.builder().providers(region.providers().edge()).build();
    }

    /** The region's key of every log group (and nothing else): its alias is its name. */
    EncryptionKeyArgs logKey(String name) {
        return new EncryptionKeyArgs(name, "log encryption", settings.region(), region.accountId(),
                List.of(EncryptionKey.ServiceUse.LOGS));
    }

    NetworkArgs network() {
        return new NetworkArgs(region, settings.sizing().vpcCidr(), settings.sizing().availabilityZones());
    }

    GlobalTablesArgs tables(Optional<PrimaryOutputs> primary) {
        return primary.map(contract -> GlobalTablesArgs.replicas(region, !settings.teardown(), contract.tableArns()))
                .orElseGet(() -> GlobalTablesArgs.primary(region, !settings.teardown()));
    }

    LeaderboardCacheArgs cache(Network network) {
        return new LeaderboardCacheArgs(network.privateSubnetIds, network.cacheSecurityGroupId,
                settings.sizing().cacheNodeType(), settings.sizing().cacheNodes());
    }

    AuthArgs auth(com.bookstore.infra.region.StackTags tags) {
        return new AuthArgs(settings.region(), settings.peerRegion(), region.providers().peer(), region.accountId(),
                tags.asMap(), !settings.teardown(), settings.cognitoEmail()
                .map(email -> new AuthArgs.SesSender(email.sesIdentityArn(), email.fromAddress(), email.replyTo())),
                settings.protection().refreshTokenValidityHours());
    }

    FunctionsArgs functions(Network network, GlobalTables tables, Output<String> redisUrl, Output<String> logKeyArn) {
        var sizing = settings.sizing();
        return new FunctionsArgs(region, settings.role().value(), settings.artifacts().functionsJar(),
                network.privateSubnetIds, network.functionSecurityGroupId,
                new FunctionsArgs.Tables(tables.books, tables.cart, tables.orders), redisUrl, logKeyArn,
                sizing.logRetentionDays(), sizing.lambdaMemoryMb(), sizing.apiTimeoutSeconds(),
                sizing.consumerTimeoutSeconds(), new FunctionsArgs.StreamPolling(sizing.streamBatchSize(),
                        sizing.streamMaxRetries(), sizing.streamMaxRecordAgeSeconds()),
                new FunctionsArgs.CheckoutLimits(sizing.checkoutLimit(), sizing.checkoutWindowSeconds()));
    }

    RegionalApiArgs api(Functions functions, UserPoolRef userPool, Output<String> logKeyArn) {
        var sizing = settings.sizing();
        return new RegionalApiArgs(settings.role().value(), functions.apiAliasArn, functions.apiFunctionName,
                sizing.apiTimeoutSeconds(), userPool, logKeyArn, sizing.logRetentionDays(),
                sizing.apiThrottleRateLimit(), sizing.apiThrottleBurstLimit(),
                customDomain(ResourceNames::apiHost, settings.isPrimary()),
                new RegionalApiArgs.Throttle(settings.protection().healthThrottleRateLimit(),
                        settings.protection().healthThrottleBurstLimit()));
    }

    BlogDatabaseArgs blogDatabase(BlogSettings blog, Network network, Output<String> logKeyArn,
                                  Optional<PrimaryOutputs> primary) {
        return new BlogDatabaseArgs(region, blog.engineVersion(), blog.instanceClass(), blog.readerEndpoint(),
                network.vpcId, network.privateSubnetIds, logKeyArn, settings.sizing().logRetentionDays(),
                !settings.teardown(), primary.map(contract -> new BlogDatabase.Source(contract.blogGlobalClusterId(),
                        contract.blogCredentialsSecretArn())));
    }

    BlogSiteArgs blogSite(BlogSettings blog, Network network, BlogDatabase database, Output<String> logKeyArn,
                          Optional<PrimaryOutputs> primary) {
        return new BlogSiteArgs(region, blog.image(), blog.tasks(), new BlogSiteArgs.TaskSize(blog.taskCpu(),
                blog.taskMemoryMb()), blog.adminCidrs(),
                new BlogSiteArgs.Placement(network.vpcId, settings.sizing().vpcCidr(),
                        settings.sizing().availabilityZones(), network.privateSubnetIds, network.privateRouteTableId),
                database, logKeyArn, settings.sizing().logRetentionDays(), !settings.teardown(),
                customDomain(ResourceNames::blogHost, settings.isPrimary()),
                primary.map(contract -> new BlogSiteArgs.UploadsSource(contract.blogUploadsFileSystemId(),
                        region.providers().peer())));
    }

    StorefrontSiteArgs storefront(Output<String> runtimeConfigJson, Optional<PrimaryOutputs> primary,
                                  Optional<Output<String>> webAclArn) {
        Path uiDist = Path.of(settings.artifacts().uiDist());
        return primary.map(contract -> StorefrontSiteArgs.secondary(region, runtimeConfigJson, uiDist,
                        settings.teardown(), contract.distributionArn()))
                .orElseGet(() -> StorefrontSiteArgs.primary(region, runtimeConfigJson, uiDist, settings.teardown(),
                        new StorefrontSiteArgs.Distribution(settings.sizing().cloudFrontPriceClass(),
                                customDomain(ResourceNames::storefrontHost, true), pageOrigins(),
                                settings.domain().map(ResourceNames::apiHost), webAclArn)));
    }

    /** The storefront's API base URL: its own origin's {@code /api} with a domain, else the region's endpoint. */
    Output<String> storefrontApiBaseUrl(Output<String> regionalBaseUrl) {
        return settings.domain()
                .map(domain -> Output.of("https://" + ResourceNames.storefrontHost(domain) + SiteConfig.API_PATH))
                .orElse(regionalBaseUrl);
    }

    /** CloudFront's web ACL (docs/security.md#edge-waf): per-address and per-token rates, then AWS's baseline groups. */
    WebFirewallArgs edgeFirewall() {
        var protection = settings.protection();
        return new WebFirewallArgs(WebFirewallArgs.CLOUDFRONT, "Bookstore storefront and /api (CloudFront)",
                List.of(ManagedRuleGroup.IP_REPUTATION, ManagedRuleGroup.KNOWN_BAD_INPUTS, ManagedRuleGroup.COMMON),
                new WebFirewallArgs.Rates(protection.wafRateWindowSeconds(), protection.wafIpRateLimit(),
                        Optional.of(protection.wafTokenRateLimit())),
                List.of());
    }

    /** The user pool's web ACL: Cognito's endpoint is public and takes passwords, so per-address rates first. */
    WebFirewallArgs usersFirewall(Output<String> userPoolArn) {
        var protection = settings.protection();
        return new WebFirewallArgs(WebFirewallArgs.REGIONAL, "Bookstore user pool (Cognito)",
                List.of(ManagedRuleGroup.IP_REPUTATION, ManagedRuleGroup.KNOWN_BAD_INPUTS),
                new WebFirewallArgs.Rates(protection.wafRateWindowSeconds(), protection.wafIpRateLimit(), Optional.empty()),
                List.of(userPoolArn));
    }

    /** The blog load balancer's web ACL, with the WordPress and PHP groups. */
    WebFirewallArgs blogFirewall(Output<String> loadBalancerArn) {
        var protection = settings.protection();
        return new WebFirewallArgs(WebFirewallArgs.REGIONAL, "Bookstore blog (load balancer)",
                List.of(ManagedRuleGroup.IP_REPUTATION, ManagedRuleGroup.KNOWN_BAD_INPUTS,
                        ManagedRuleGroup.COMMON_FOR_EDITORS, ManagedRuleGroup.WORDPRESS, ManagedRuleGroup.PHP),
                new WebFirewallArgs.Rates(protection.wafRateWindowSeconds(), protection.wafIpRateLimit(), Optional.empty()),
                List.of(loadBalancerArn));
    }

    /**
     * What the storefront's pages reach (docs/security.md#sessions-and-csp): the API (same origin through
     * {@code /api} with a domain, else either region's execute-api endpoint), Cognito in both regions, the blog.
     */
    SiteHeaders.Origins pageOrigins() {
        List<String> regions = List.of(settings.region(), settings.peerRegion());
        List<String> api = settings.domain()
                .map(domain -> List.of("https://" + ResourceNames.storefrontHost(domain)))
                .orElseGet(() -> regions.stream().map(r -> "https://*.execute-api." + r + ".amazonaws.com").toList());
        List<String> cognito = regions.stream().map(r -> "https://cognito-idp." + r + ".amazonaws.com").toList();
        List<String> blog = settings.blog().isPresent()
                ? settings.domain().map(domain -> List.of("https://" + ResourceNames.blogHost(domain))).orElse(List.of())
                : List.of();
        return new SiteHeaders.Origins(api, cognito, blog);
    }

    RegionAlarmsArgs alarms(RegionalApi api, Functions functions, GlobalTables tables) {
        return new RegionAlarmsArgs(settings.region(), settings.peerRegion(), settings.role().value(), region.accountId(),
                settings.alertEmail(), settings.slo(), api.apiId, region.names().function(Functions.API_FUNCTION),
                region.names().function(Functions.CONSUMER_FUNCTION), functions.streamFailureQueueName,
                tables.orders.name());
    }

    /**
     * The region's synthetic shopper: the journey's sources are packed from {@code ui/e2e} (not a build output: the
     * same files the local suite runs) into {@code build/canary}; the artifact bucket is named by account and region.
     */
    ShopperCanaryArgs canary(String project, Output<String> storefrontUrl, Output<String> regionalApiUrl,
                             Output<String> topicArn) {
        Path bundle = CanaryBundle.write(Path.of("ui", "e2e"), Path.of("build", "canary"));
        Output<String> bucket = region.accountId().applyValue(account ->
                project + "-canary-" + account + "-" + settings.region());
        return new ShopperCanaryArgs(region, project + "-shopper", bucket, storefrontUrl, regionalApiUrl, topicArn,
                bundle, settings.teardown());
    }

    /** The primary's dashboard of both regions; the secondary's names are the primary's (functions, tables, alarms). */
    OperationsDashboardArgs dashboard(String alarmsComponentName, String ordersTable) {
        var primary = new DashboardBody.Side(settings.region(), settings.role().value());
        var secondary = new DashboardBody.Side(settings.peerRegion(), "secondary");
        return new OperationsDashboardArgs(region.accountId().applyValue(account -> DashboardBody.json(
                new DashboardBody.Inputs(primary, secondary, region.names().function(Functions.API_FUNCTION),
                        region.names().function(Functions.CONSUMER_FUNCTION), ordersTable, List.of(
                        compositeAlarmArn(primary.region(), account, alarmsComponentName),
                        compositeAlarmArn(secondary.region(), account, alarmsComponentName))))));
    }

    EdgeAlarmsArgs edgeAlarms(Output<String> distributionArn) {
        return new EdgeAlarmsArgs(settings.edgeRegion(), region.accountId(), settings.alertEmail(),
                settings.slo().apiErrorPercent(), distributionArn);
    }

    /** This region's own dashboard, named after the region (dashboard names are global to the account). */
    OperationsDashboardArgs regionDashboard(RegionalApi api, Functions functions, GlobalTables tables, RegionAlarms alarms) {
        var side = new DashboardBody.Side(settings.region(), settings.role().value());
        return new OperationsDashboardArgs(Output.tuple(api.apiId, functions.streamFailureQueueName, alarms.alarmArns)
                .applyValue(values -> DashboardBody.regionJson(new DashboardBody.RegionInputs(side, settings.peerRegion(),
                        values.t1, region.names().function(Functions.API_FUNCTION),
                        region.names().function(Functions.CONSUMER_FUNCTION), tables.orders.name(), values.t2,
                        values.t3))));
    }

    private static String compositeAlarmArn(String region, String account, String alarmsComponentName) {
        return "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:"
                + RegionAlarms.customersAffectedAlarmName(alarmsComponentName, region);
    }

    FailoverDnsArgs failover(List<FailoverDns.Endpoint> endpoints) {
        var resilience = settings.resilience();
        return new FailoverDnsArgs(settings.region(), settings.edgeRegion(), region.accountId(), settings.role(),
                settings.hostedZoneId().orElseThrow(), settings.alertEmail(), resilience.healthCheckIntervalSeconds(),
                resilience.healthCheckFailureThreshold(), resilience.dnsTtlSeconds(), endpoints);
    }

    DeliveryPipelineArgs pipeline(String project, PipelineSettings pipeline,
                                  Optional<com.bookstore.infra.blog.BlogSite.SeedTaskResources> blogSeeding,
                                  Output<String> booksTable) {
        return new DeliveryPipelineArgs(project, region, pipeline, settings.hostedZoneId(),
                settings.sizing().logRetentionDays(), settings.teardown(), blogSeeding, booksTable);
    }

    /** The host {@code hostOf(domain)} with the zone, when a domain is configured. */
    private Optional<CustomDomain> customDomain(Function<String, String> hostOf, boolean writesValidationRecord) {
        return settings.domain().map(domain -> new CustomDomain(hostOf.apply(domain),
                settings.hostedZoneId().orElseThrow(), writesValidationRecord));
    }
}
