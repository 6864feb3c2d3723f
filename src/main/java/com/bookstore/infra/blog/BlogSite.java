package com.bookstore.infra.blog;

import com.bookstore.infra.dns.ValidatedCertificate;
import com.bookstore.infra.dns.ValidatedCertificateArgs;
import com.bookstore.infra.region.RegionContext;
import com.bookstore.infra.security.EncryptionKey;
import com.bookstore.infra.security.EncryptionKeyArgs;
import com.bookstore.infra.security.PolicyJson;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.Provider;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ecr.PullThroughCacheRule;
import com.pulumi.aws.ecr.PullThroughCacheRuleArgs;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeEfsVolumeConfigurationArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeEfsVolumeConfigurationAuthorizationConfigArgs;
import com.pulumi.aws.efs.AccessPoint;
import com.pulumi.aws.efs.AccessPointArgs;
import com.pulumi.aws.efs.FileSystem;
import com.pulumi.aws.efs.FileSystemArgs;
import com.pulumi.aws.efs.MountTarget;
import com.pulumi.aws.efs.MountTargetArgs;
import com.pulumi.aws.efs.ReplicationConfiguration;
import com.pulumi.aws.efs.ReplicationConfigurationArgs;
import com.pulumi.aws.efs.inputs.AccessPointPosixUserArgs;
import com.pulumi.aws.efs.inputs.AccessPointRootDirectoryArgs;
import com.pulumi.aws.efs.inputs.AccessPointRootDirectoryCreationInfoArgs;
import com.pulumi.aws.efs.inputs.FileSystemProtectionArgs;
import com.pulumi.aws.efs.inputs.ReplicationConfigurationDestinationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionSourceIpArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * WordPress on ECS Fargate in a region, behind an internet-facing load balancer.
 *
 * <ul>
 *   <li>The tasks run in the private subnets with no internet route. What they need of AWS comes through VPC
 *       endpoints: ECR (the official image, pulled through the region's pull-through cache of ECR Public),
 *       S3 (image layers, free gateway endpoint), CloudWatch Logs and Secrets Manager (the database
 *       credentials). Four interface endpoints cost less than a NAT gateway per AZ and open no path to the
 *       internet; WordPress's own outbound calls are switched off in its config.</li>
 *   <li>Uploads live on EFS mounted at {@code wp-content/uploads}, so they survive task restarts. The
 *       secondary owns a replica file system kept in sync by EFS replication (most files within minutes:
 *       an RPO of up to 15 minutes for images, while posts, in Aurora, lag by about a second). The replica is
 *       read-only until the replication is deleted during a promotion.</li>
 *   <li>Only the public read paths reach WordPress from anywhere; {@code /wp-admin} and
 *       {@code /wp-login.php} are answered with 403 except from the configured admin networks.</li>
 *   <li>With a domain the load balancer serves HTTPS for {@code blog.<domain>} (HTTP redirects); without
 *       one it serves plain HTTP on its own name, which is meant for trying the stack out only.</li>
 * </ul>
 */
public final class BlogSite extends ComponentResource {

    private static final int HTTP = 80;
    private static final int HTTPS = 443;
    private static final int NFS = 2049;
    /** www-data in the official image: the owner of uploads on the shared file system. */
    private static final int WWW_DATA = 33;
    private static final List<String> ADMIN_PATHS = List.of("/wp-admin/*", "/wp-login.php");
    private static final double REPLICATION_LAG_ALARM_MS = 10_000;
    static final String HEALTH_CHECK_PATH = "/wp-json/";
    /** Installed: 200 from the REST index. Not installed yet: 302 to wp-admin/install.php. */
    static final String HEALTHY_STATUSES = "200,302";

    /** Where the private network is, from the Network component. */
    public record Placement(Output<String> vpcId, String vpcCidr, Output<List<String>> privateSubnetIds,
                            Output<String> privateRouteTableId) {}

    /** The secondary's uploads replicate from the primary's file system; EFS configures that at the source. */
    public record UploadsSource(Output<String> fileSystemId, Provider sourceRegion) {}

    public final Output<String> loadBalancerDnsName;
    public final Output<String> loadBalancerZoneId;
    public final Output<String> url;
    public final Output<String> uploadsFileSystemId;
    public final Output<String> alarmTopicArn;
    /**
     * Primary only: what {@code bookstore-ops seed-blog} needs to run the one-off task that loads the seed posts
     * (cluster, task definition, subnets, security group, region), as one JSON stack output.
     */
    public final Optional<Output<String>> seedTask;
    /** Primary only: the resources running {@link #seedTask} touches, for whoever is granted to run it. */
    public final Optional<SeedTaskResources> seedTaskResources;

    /**
     * What running the seeding task involves: the cluster it runs in, its task definition (every revision), the
     * roles ECS assumes for it, and the log group its container writes to under {@link #SEED_LOG_PREFIX}.
     */
    public record SeedTaskResources(Output<String> clusterArn, Output<String> taskDefinitionFamilyArn,
                                    List<Output<String>> roleArns, Output<String> logGroupArn) {}

    /** The awslogs stream prefix of the seeding container: its streams are {@code seed/seed/<task id>}. */
    public static final String SEED_LOG_PREFIX = "seed";

    public BlogSite(String name, RegionContext region, BlogSettings blog, Placement placement, BlogDatabase database,
                    Output<String> logKeyArn, Optional<UploadsSource> uploadsSource) {
        super("bookstore:blog:BlogSite", name,
                ComponentResourceOptions.builder().providers(region.providers().home()).build());
        var settings = region.settings();
        String home = region.region();
        Optional<String> host = settings.domain().map(com.bookstore.infra.contract.ResourceNames::blogHost);

        // --- The public edge: two public subnets for the load balancer only. ---
        var gateway = new InternetGateway(name, InternetGatewayArgs.builder().vpcId(placement.vpcId()).build(), child());
        var publicRoutes = new RouteTable(name + "-public", RouteTableArgs.builder().vpcId(placement.vpcId()).build(), child());
        var internetRoute = new Route(name + "-internet", RouteArgs.builder()
                .routeTableId(publicRoutes.id()).destinationCidrBlock("0.0.0.0/0").gatewayId(gateway.id()).build(), child());
        // An internet-facing load balancer needs the gateway, its route and the public subnets' associations to
        // exist first (else "InvalidSubnet: VPC ... has no internet gateway"); its inputs show none of them.
        List<com.pulumi.resources.Resource> internetPath = new ArrayList<>(List.of(gateway, internetRoute));
        var zones = AwsFunctions.getAvailabilityZones(
                com.pulumi.aws.inputs.GetAvailabilityZonesArgs.builder().state("available").build(),
                com.pulumi.deployment.InvokeOutputOptions.builder().parent(this).provider(region.providers().home()).build());
        List<Output<String>> publicSubnets = new ArrayList<>();
        for (int index = 0; index < settings.sizing().availabilityZones(); index++) {
            final int zone = index;
            var subnet = new Subnet(name + "-public-" + zone, SubnetArgs.builder()
                    .vpcId(placement.vpcId())
                    .cidrBlock(publicSubnetCidr(placement.vpcCidr(), zone))
                    .availabilityZone(zones.applyValue(result -> result.names().get(zone)))
                    .mapPublicIpOnLaunch(false)
                    .build(), child());
            internetPath.add(new RouteTableAssociation(name + "-public-" + zone, RouteTableAssociationArgs.builder()
                    .subnetId(subnet.id()).routeTableId(publicRoutes.id()).build(), child()));
            publicSubnets.add(subnet.id());
        }

        // --- Security groups: internet -> load balancer -> tasks -> database, uploads, endpoints. ---
        var balancerGroup = group(name + "-alb", placement, "Bookstore blog load balancer: HTTP(S) from anywhere");
        var taskGroup = group(name + "-tasks", placement, "Bookstore blog tasks: HTTP from the load balancer");
        var endpointGroup = group(name + "-endpoints", placement, "Bookstore blog VPC endpoints: HTTPS from the tasks");
        var uploadsGroup = group(name + "-uploads", placement, "Bookstore blog uploads: NFS from the tasks");
        for (int port : host.isPresent() ? List.of(HTTP, HTTPS) : List.of(HTTP)) {
            ingress(name + "-alb-from-internet-" + port, balancerGroup.id(), port, "Public HTTP(S)", null, "0.0.0.0/0");
        }
        egress(name + "-alb-to-tasks", balancerGroup.id(), HTTP, "WordPress", taskGroup.id(), null);
        ingress(name + "-tasks-from-alb", taskGroup.id(), HTTP, "From the load balancer", balancerGroup.id(), null);
        egress(name + "-tasks-to-db", taskGroup.id(), BlogDatabase.MYSQL_PORT, "Aurora MySQL", database.securityGroupId, null);
        ingress(name + "-db-from-tasks", database.securityGroupId, BlogDatabase.MYSQL_PORT, "From the blog tasks", taskGroup.id(), null);
        egress(name + "-tasks-to-uploads", taskGroup.id(), NFS, "EFS uploads", uploadsGroup.id(), null);
        ingress(name + "-uploads-from-tasks", uploadsGroup.id(), NFS, "From the blog tasks", taskGroup.id(), null);
        egress(name + "-tasks-to-endpoints", taskGroup.id(), HTTPS, "AWS APIs through interface endpoints", endpointGroup.id(), null);
        ingress(name + "-endpoints-from-tasks", endpointGroup.id(), HTTPS, "From the blog tasks", taskGroup.id(), null);

        // --- Endpoints the tasks need instead of a NAT gateway. ---
        var s3 = new VpcEndpoint(name + "-s3", VpcEndpointArgs.builder()
                .vpcId(placement.vpcId())
                .serviceName("com.amazonaws." + home + ".s3")
                .vpcEndpointType("Gateway")
                .routeTableIds(placement.privateRouteTableId().applyValue(List::of))
                .build(), child());
        new SecurityGroupEgressRule(name + "-tasks-to-s3", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(taskGroup.id()).description("Image layers from S3 through the gateway endpoint")
                .ipProtocol("tcp").fromPort(HTTPS).toPort(HTTPS).prefixListId(s3.prefixListId()).build(), child());
        for (String service : List.of("ecr.api", "ecr.dkr", "logs", "secretsmanager")) {
            new VpcEndpoint(name + "-" + service.replace('.', '-'), VpcEndpointArgs.builder()
                    .vpcId(placement.vpcId())
                    .serviceName("com.amazonaws." + home + "." + service)
                    .vpcEndpointType("Interface")
                    .privateDnsEnabled(true)
                    .subnetIds(placement.privateSubnetIds())
                    .securityGroupIds(endpointGroup.id().applyValue(List::of))
                    .build(), child());
        }
        var cache = new PullThroughCacheRule(name + "-ecr-public", PullThroughCacheRuleArgs.builder()
                .ecrRepositoryPrefix(name + "-ecr-public")
                .upstreamRegistryUrl("public.ecr.aws")
                .build(), child());
        Output<String> image = Output.tuple(region.accountId(), cache.ecrRepositoryPrefix()).applyValue(t ->
                t.t1 + ".dkr.ecr." + home + ".amazonaws.com/" + t.t2 + "/" + blog.image());

        // --- Uploads on EFS. ---
        // The primary creates its file system; the secondary's is created by the replication itself and the mount
        // targets and access point are built on the id it reports (a file system made a destination after we
        // created it reads back as REPLICATING and breaks every refresh: pulumi-aws#6041, terraform-provider-aws#36811).
        Output<String> uploadsId;
        Output<String> uploadsArn;
        if (uploadsSource.isEmpty()) {
            var uploads = new FileSystem(name + "-uploads", FileSystemArgs.builder()
                    .encrypted(true)
                    .kmsKeyId(database.keyArn)
                    .performanceMode("generalPurpose")
                    .throughputMode("elastic")
                    // A source must never be overwritten by a replication pointed at it by mistake.
                    .protection(FileSystemProtectionArgs.builder().replicationOverwrite("ENABLED").build())
                    .build(), CustomResourceOptions.builder().parent(this).protect(!settings.teardown()).build());
            uploadsId = uploads.id();
            uploadsArn = uploads.arn();
        } else {
            var source = uploadsSource.get();
            var replication = new ReplicationConfiguration(name + "-uploads-replication",
                    ReplicationConfigurationArgs.builder()
                            .sourceFileSystemId(source.fileSystemId())
                            .destination(ReplicationConfigurationDestinationArgs.builder()
                                    .region(home).kmsKeyId(database.keyArn).build())
                            .build(),
                    // The replication is configured in the source's region; the secondary owns it all the same.
                    CustomResourceOptions.builder().parent(this).provider(source.sourceRegion()).build());
            uploadsId = replication.destination().applyValue(destination -> destination.fileSystemId().orElseThrow(
                    () -> new IllegalStateException("EFS reported no destination file system for the uploads replication")));
            uploadsArn = Output.tuple(region.accountId(), uploadsId).applyValue(t ->
                    "arn:aws:elasticfilesystem:" + home + ":" + t.t1 + ":file-system/" + t.t2);
        }
        List<MountTarget> mounts = new ArrayList<>();
        for (int index = 0; index < settings.sizing().availabilityZones(); index++) {
            final int zone = index;
            mounts.add(new MountTarget(name + "-uploads-" + zone, MountTargetArgs.builder()
                    .fileSystemId(uploadsId)
                    .subnetId(placement.privateSubnetIds().applyValue(ids -> ids.get(zone)))
                    .securityGroups(uploadsGroup.id().applyValue(List::of))
                    .build(), child()));
        }
        var accessPoint = new AccessPoint(name + "-uploads", AccessPointArgs.builder()
                .fileSystemId(uploadsId)
                .posixUser(AccessPointPosixUserArgs.builder().uid(WWW_DATA).gid(WWW_DATA).build())
                .rootDirectory(AccessPointRootDirectoryArgs.builder().path("/uploads")
                        .creationInfo(AccessPointRootDirectoryCreationInfoArgs.builder()
                                .ownerUid(WWW_DATA).ownerGid(WWW_DATA).permissions("755").build())
                        .build())
                .build(), child());

        // --- Logs, roles, task definition. ---
        var logs = new LogGroup(name, LogGroupArgs.builder()
                .name("/aws/ecs/" + name)
                .retentionInDays(settings.sizing().logRetentionDays())
                .kmsKeyId(logKeyArn)
                .build(), child());
        var executionRole = new Role(name + "-execution", RoleArgs.builder()
                .description("Bookstore blog: pull the image, write logs, read the database credentials")
                .assumeRolePolicy(PolicyJson.trustPolicy("ecs-tasks.amazonaws.com"))
                .permissionsBoundary(region.permissionsBoundaryArn())
                .build(), child());
        Output<String> repositoryArn = Output.tuple(region.accountId(), cache.ecrRepositoryPrefix()).applyValue(t ->
                "arn:aws:ecr:" + home + ":" + t.t1 + ":repository/" + t.t2 + "/*");
        List<Map<String, Object>> executionStatements = new ArrayList<>(List.of(
                // GetAuthorizationToken has no resource-level permissions: AWS accepts only "*".
                PolicyJson.allow("EcrLogin", List.of("ecr:GetAuthorizationToken"), List.of("*")),
                PolicyJson.allow("PullThroughCache", List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
                        "ecr:BatchImportUpstreamImage", "ecr:CreateRepository"), List.of(repositoryArn)),
                PolicyJson.allow("WriteLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        List.of(logs.arn().applyValue(arn -> arn + ":*"))),
                PolicyJson.allow("ReadDatabaseCredentials", List.of("secretsmanager:GetSecretValue"),
                        List.of(database.secretArn))));
        database.secretKeyArn.ifPresent(keyArn -> executionStatements.add(
                PolicyJson.allow("DecryptDatabaseCredentials", List.of("kms:Decrypt"), List.of(keyArn))));
        new RolePolicy(name + "-execution", RolePolicyArgs.builder()
                .role(executionRole.id())
                .policy(PolicyJson.document(executionStatements))
                .build(), child());
        var taskRole = new Role(name + "-task", RoleArgs.builder()
                .description("Bookstore blog tasks: mount and write the uploads file system")
                .assumeRolePolicy(PolicyJson.trustPolicy("ecs-tasks.amazonaws.com"))
                .permissionsBoundary(region.permissionsBoundaryArn())
                .build(), child());
        new RolePolicy(name + "-task", RolePolicyArgs.builder()
                .role(taskRole.id())
                .policy(PolicyJson.document(List.of(PolicyJson.statement("MountUploads", "Allow",
                        List.of("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"),
                        List.of(uploadsArn),
                        Map.of("Condition", Map.of("StringEquals",
                                Map.of("elasticfilesystem:AccessPointArn", accessPoint.arn())))))))
                .build(), child());

        Output<String> siteUrl = host.map(h -> Output.of("https://" + h)).orElse(null);
        var balancer = new LoadBalancer(name, LoadBalancerArgs.builder()
                .loadBalancerType("application")
                .internal(false)
                .subnets(Output.all(publicSubnets))
                .securityGroups(balancerGroup.id().applyValue(List::of))
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(!settings.teardown())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(internetPath).build());
        if (siteUrl == null) {
            siteUrl = balancer.dnsName().applyValue(dns -> "http://" + dns);
        }
        Output<String> containers = Output.tuple(image, database.endpoint, database.secretArn, logs.name(), siteUrl)
                .applyValue(t -> containerDefinitions(t.t1, t.t2, t.t3, t.t4, t.t5, home));
        var task = new TaskDefinition(name, fargateTask(name, blog, executionRole, taskRole, containers)
                .volumes(TaskDefinitionVolumeArgs.builder()
                        .name("uploads")
                        .efsVolumeConfiguration(TaskDefinitionVolumeEfsVolumeConfigurationArgs.builder()
                                .fileSystemId(uploadsId)
                                .transitEncryption("ENABLED")
                                .authorizationConfig(TaskDefinitionVolumeEfsVolumeConfigurationAuthorizationConfigArgs.builder()
                                        .accessPointId(accessPoint.id()).iam("ENABLED").build())
                                .build())
                        .build())
                .build(), child());

        var targets = new TargetGroup(name, TargetGroupArgs.builder()
                .targetType("ip")
                .protocol("HTTP")
                .port(HTTP)
                .vpcId(placement.vpcId())
                .deregistrationDelay(30)
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        // The REST index needs PHP and the database: without the database WordPress answers 500.
                        // A site not installed yet answers 302 (to its installer) and must count as healthy,
                        // or the first deployment never converges (docs/blog.md, "First deploy").
                        .path(HEALTH_CHECK_PATH)
                        .matcher(HEALTHY_STATUSES)
                        .interval(15)
                        .healthyThreshold(2)
                        .unhealthyThreshold(3)
                        .build())
                .build(), child());
        ListenerDefaultActionArgs forward = ListenerDefaultActionArgs.builder()
                .type("forward").targetGroupArn(targets.arn()).build();
        Listener listener;
        if (host.isPresent()) {
            // ECDSA P-256: Application Load Balancers accept every key algorithm ACM issues.
            var certificate = new ValidatedCertificate(name + "-certificate", new ValidatedCertificateArgs(host.get(),
                    settings.hostedZoneId().orElseThrow(), ValidatedCertificate.EC_P256, settings.isPrimary()),
                    ComponentResourceOptions.builder().parent(this).build());
            listener = new Listener(name + "-https", ListenerArgs.builder()
                    .loadBalancerArn(balancer.arn())
                    .port(HTTPS).protocol("HTTPS")
                    .sslPolicy("ELBSecurityPolicy-TLS13-1-2-2021-06")
                    .certificateArn(certificate.arn)
                    .defaultActions(forward)
                    .build(), child());
            new Listener(name + "-http", ListenerArgs.builder()
                    .loadBalancerArn(balancer.arn())
                    .port(HTTP).protocol("HTTP")
                    .defaultActions(ListenerDefaultActionArgs.builder().type("redirect")
                            .redirect(ListenerDefaultActionRedirectArgs.builder()
                                    .protocol("HTTPS").port(String.valueOf(HTTPS)).statusCode("HTTP_301").build())
                            .build())
                    .build(), child());
        } else {
            listener = new Listener(name + "-http", ListenerArgs.builder()
                    .loadBalancerArn(balancer.arn())
                    .port(HTTP).protocol("HTTP")
                    .defaultActions(forward)
                    .build(), child());
        }
        if (!blog.adminCidrs().isEmpty()) {
            new com.pulumi.aws.lb.ListenerRule(name + "-admin-allowed", ListenerRuleArgs.builder()
                    .listenerArn(listener.arn())
                    .priority(10)
                    .actions(ListenerRuleActionArgs.builder().type("forward").targetGroupArn(targets.arn()).build())
                    .conditions(
                            ListenerRuleConditionArgs.builder().pathPattern(
                                    ListenerRuleConditionPathPatternArgs.builder().values(ADMIN_PATHS).build()).build(),
                            ListenerRuleConditionArgs.builder().sourceIp(
                                    ListenerRuleConditionSourceIpArgs.builder().values(blog.adminCidrs()).build()).build())
                    .build(), child());
        }
        new com.pulumi.aws.lb.ListenerRule(name + "-admin-denied", ListenerRuleArgs.builder()
                .listenerArn(listener.arn())
                .priority(20)
                .actions(ListenerRuleActionArgs.builder().type("fixed-response")
                        .fixedResponse(ListenerRuleActionFixedResponseArgs.builder()
                                .contentType("text/plain").statusCode("403")
                                .messageBody("The blog's admin is reachable from its admin networks only.").build())
                        .build())
                .conditions(ListenerRuleConditionArgs.builder().pathPattern(
                        ListenerRuleConditionPathPatternArgs.builder().values(ADMIN_PATHS).build()).build())
                .build(), child());

        // The seed posts are loaded by a one-off task of the same image (primary only: the secondary's database is
        // read-only). It runs scripts/blog/seed.php, the script the local blog uses, against the real database.
        Optional<TaskDefinition> seedDefinition = uploadsSource.isPresent() ? Optional.empty() : Optional.of(
                new TaskDefinition(name + "-seed", fargateTask(name + "-seed", blog, executionRole, taskRole,
                        Output.tuple(image, database.endpoint, database.secretArn, logs.name(), siteUrl)
                                .applyValue(t -> seedContainerDefinitions(t.t1, t.t2, t.t3, t.t4, t.t5, home)))
                        .build(), child()));

        // Container Insights writes to a log group named after the cluster; creating it first gives it our retention
        // and key, and `pulumi destroy` removes it instead of leaving it behind.
        var insights = new LogGroup(name + "-insights", LogGroupArgs.builder()
                .name("/aws/ecs/containerinsights/" + name + "/performance")
                .retentionInDays(settings.sizing().logRetentionDays())
                .kmsKeyId(logKeyArn)
                .build(), child());
        var cluster = new com.pulumi.aws.ecs.Cluster(name, ClusterArgs.builder()
                .name(name)
                .settings(ClusterSettingArgs.builder().name("containerInsights").value("enabled").build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(insights).build());
        // The tasks start only when the uploads can be mounted, the listener forwards, and the database has an
        // instance to connect to (the cluster alone accepts no connections).
        List<com.pulumi.resources.Resource> serviceReady = new ArrayList<>(mounts);
        serviceReady.add(listener);
        serviceReady.add(database.instance);
        new Service(name, ServiceArgs.builder()
                .cluster(cluster.arn())
                .taskDefinition(task.arn())
                .desiredCount(blog.tasks())
                .launchType("FARGATE")
                .platformVersion("LATEST")
                .healthCheckGracePeriodSeconds(120)
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder().enable(true).rollback(true).build())
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(placement.privateSubnetIds())
                        .securityGroups(taskGroup.id().applyValue(List::of))
                        .assignPublicIp(false)
                        .build())
                .loadBalancers(ServiceLoadBalancerArgs.builder()
                        .targetGroupArn(targets.arn()).containerName("wordpress").containerPort(HTTP).build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(serviceReady).build());

        // --- Alarms. ---
        var alarmKey = new EncryptionKey(name + "-alarms", new EncryptionKeyArgs(name + "-alarms", "blog alarm notifications", home,
                region.accountId(), List.of(EncryptionKey.ServiceUse.ALARMS)), ComponentResourceOptions.builder().parent(this).build());
        var topic = new Topic(name + "-alarms", TopicArgs.builder()
                .displayName("Bookstore blog alarms (" + home + ")")
                .kmsMasterKeyId(alarmKey.arn)
                .build(), child());
        Output<Map<String, String>> dimensions = Output.tuple(balancer.arnSuffix(), targets.arnSuffix()).applyValue(t -> {
            Map<String, String> map = new LinkedHashMap<>();
            map.put("LoadBalancer", t.t1);
            map.put("TargetGroup", t.t2);
            return map;
        });
        alarm(name + "-unhealthy-tasks", "A blog task in " + home + " fails its health check",
                "UnHealthyHostCount", "Maximum", 0.0, dimensions, topic);
        alarm(name + "-server-errors", "The blog in " + home + " answers with 5xx errors",
                "HTTPCode_Target_5XX_Count", "Sum", 10.0, dimensions, topic);
        if (!settings.isPrimary()) {
            // Aurora publishes the global database's lag in the secondary region only. It is typically under a
            // second; sustained seconds mean the blog's text would lose more than the RPO docs/blog.md states.
            alarm(name + "-replication-lag", "The blog database in " + home + " lags the primary by more than "
                            + (int) (REPLICATION_LAG_ALARM_MS / 1000) + " s",
                    "AWS/RDS", "AuroraGlobalDBReplicationLag", "Maximum", REPLICATION_LAG_ALARM_MS,
                    database.clusterIdentifier.applyValue(id -> Map.of("DBClusterIdentifier", id)), topic);
        }

        this.loadBalancerDnsName = balancer.dnsName();
        this.loadBalancerZoneId = balancer.zoneId();
        this.url = siteUrl;
        this.uploadsFileSystemId = uploadsId;
        this.alarmTopicArn = topic.arn();
        this.seedTask = seedDefinition.map(seed -> Output.tuple(cluster.arn(), seed.arn(), placement.privateSubnetIds(),
                taskGroup.id()).applyValue(t -> {
                    Map<String, Object> run = new LinkedHashMap<>();
                    run.put("region", home);
                    run.put("cluster", t.t1);
                    run.put("taskDefinition", t.t2);
                    run.put("subnets", t.t3);
                    run.put("securityGroup", t.t4);
                    return new com.google.gson.Gson().toJson(run);
                }));
        this.seedTaskResources = seedDefinition.map(seed -> new SeedTaskResources(cluster.arn(),
                seed.arnWithoutRevision(), List.of(executionRole.arn(), taskRole.arn()), logs.arn()));
        registerOutputs(Map.of("loadBalancerDnsName", loadBalancerDnsName, "url", url,
                "uploadsFileSystemId", uploadsFileSystemId, "alarmTopicArn", alarmTopicArn));
    }

    /** A Fargate task of the blog's size and roles; the service's and the seeding task differ in containers only. */
    private static TaskDefinitionArgs.Builder fargateTask(String family, BlogSettings blog, Role executionRole, Role taskRole,
                                                          Output<String> containers) {
        return TaskDefinitionArgs.builder()
                .family(family)
                .requiresCompatibilities("FARGATE")
                .networkMode("awsvpc")
                .cpu(String.valueOf(blog.taskCpu()))
                .memory(String.valueOf(blog.taskMemoryMb()))
                .executionRoleArn(executionRole.arn())
                .taskRoleArn(taskRole.arn())
                .containerDefinitions(containers);
    }

    /** The WordPress container: official image, database settings from the environment and the secret. */
    static String containerDefinitions(String image, String dbHost, String secretArn, String logGroup,
                                       String siteUrl, String region) {
        return ContainerDefinition.json(new ContainerDefinition("wordpress", image, true,
                List.of(new ContainerDefinition.PortMapping(HTTP, "tcp")),
                wordpressEnvironment(dbHost, siteUrl), databaseCredentials(secretArn),
                List.of(new ContainerDefinition.MountPoint("uploads", "/var/www/html/wp-content/uploads", false)),
                ContainerDefinition.LogConfiguration.awsLogs(logGroup, region, "wordpress"), null));
    }

    /** The seeding container: WordPress's code from the image, its Docker config, our seed script and posts. */
    static String seedContainerDefinitions(String image, String dbHost, String secretArn, String logGroup,
                                           String siteUrl, String region) {
        List<ContainerDefinition.Variable> environment = new ArrayList<>(wordpressEnvironment(dbHost, siteUrl));
        environment.add(new ContainerDefinition.Variable("BLOG_URL", siteUrl));
        environment.add(new ContainerDefinition.Variable("BOOKSTORE_SEED_PHP", SeedFiles.script()));
        environment.add(new ContainerDefinition.Variable("BOOKSTORE_SEED_POSTS", SeedFiles.posts()));
        // The image's entrypoint sets WordPress up only for Apache; a one-off command copies it itself.
        List<String> command = List.of("bash", "-c", String.join("\n",
                "set -euo pipefail",
                "cp -a /usr/src/wordpress/. /tmp/wordpress/",
                "cp /tmp/wordpress/wp-config-docker.php /tmp/wordpress/wp-config.php",
                "printf '%s' \"$BOOKSTORE_SEED_PHP\" > /tmp/seed.php",
                "printf '%s' \"$BOOKSTORE_SEED_POSTS\" > /tmp/posts.json",
                "php /tmp/seed.php /tmp/wordpress /tmp/posts.json 'Bookstore blog'"));
        List<ContainerDefinition.Secret> secrets = new ArrayList<>(databaseCredentials(secretArn));
        // The administrator the blog is installed with: the password a person reads from the same secret.
        secrets.add(new ContainerDefinition.Secret("BOOKSTORE_ADMIN_PASSWORD", secretArn + ":adminPassword::"));
        return ContainerDefinition.json(new ContainerDefinition("seed", image, true, null,
                environment, secrets, null,
                ContainerDefinition.LogConfiguration.awsLogs(logGroup, region, SEED_LOG_PREFIX), command));
    }

    private static List<ContainerDefinition.Variable> wordpressEnvironment(String dbHost, String siteUrl) {
        // WordPress sits behind the load balancer's TLS; no cron requests to itself, no calls to the internet.
        String extraConfig = String.join("\n",
                "if (($_SERVER['HTTP_X_FORWARDED_PROTO'] ?? '') === 'https') { $_SERVER['HTTPS'] = 'on'; }",
                "define('WP_HOME', '" + siteUrl + "');",
                "define('WP_SITEURL', '" + siteUrl + "');",
                "define('DISABLE_WP_CRON', true);",
                "define('WP_HTTP_BLOCK_EXTERNAL', true);",
                "define('AUTOMATIC_UPDATER_DISABLED', true);");
        return List.of(
                new ContainerDefinition.Variable("WORDPRESS_DB_HOST", dbHost + ":" + BlogDatabase.MYSQL_PORT),
                new ContainerDefinition.Variable("WORDPRESS_DB_NAME", BlogDatabase.DATABASE),
                new ContainerDefinition.Variable("WORDPRESS_CONFIG_EXTRA", extraConfig));
    }

    private static List<ContainerDefinition.Secret> databaseCredentials(String secretArn) {
        return List.of(new ContainerDefinition.Secret("WORDPRESS_DB_USER", secretArn + ":username::"),
                new ContainerDefinition.Secret("WORDPRESS_DB_PASSWORD", secretArn + ":password::"));
    }

    /** Public subnets take the upper half of the /16, away from the private /20s the Network hands out. */
    static String publicSubnetCidr(String vpcCidr, int index) {
        String[] octets = vpcCidr.substring(0, vpcCidr.indexOf('/')).split("\\.");
        return octets[0] + "." + octets[1] + "." + (128 + index) + ".0/24";
    }

    private SecurityGroup group(String name, Placement placement, String description) {
        return new SecurityGroup(name, SecurityGroupArgs.builder()
                .vpcId(placement.vpcId()).description(description).build(), child());
    }

    private void ingress(String name, Output<String> groupId, int port, String description,
                         Output<String> fromGroup, String fromCidr) {
        var args = SecurityGroupIngressRuleArgs.builder().securityGroupId(groupId).description(description)
                .ipProtocol("tcp").fromPort(port).toPort(port);
        new SecurityGroupIngressRule(name, (fromGroup != null ? args.referencedSecurityGroupId(fromGroup)
                : args.cidrIpv4(fromCidr)).build(), child());
    }

    private void egress(String name, Output<String> groupId, int port, String description,
                        Output<String> toGroup, String toCidr) {
        var args = SecurityGroupEgressRuleArgs.builder().securityGroupId(groupId).description(description)
                .ipProtocol("tcp").fromPort(port).toPort(port);
        new SecurityGroupEgressRule(name, (toGroup != null ? args.referencedSecurityGroupId(toGroup)
                : args.cidrIpv4(toCidr)).build(), child());
    }

    private void alarm(String name, String description, String metric, String statistic, double threshold,
                       Output<Map<String, String>> dimensions, Topic topic) {
        alarm(name, description, "AWS/ApplicationELB", metric, statistic, threshold, dimensions, topic);
    }

    private void alarm(String name, String description, String namespace, String metric, String statistic,
                       double threshold, Output<Map<String, String>> dimensions, Topic topic) {
        new MetricAlarm(name, MetricAlarmArgs.builder()
                .alarmDescription(description)
                .namespace(namespace)
                .metricName(metric)
                .dimensions(dimensions)
                .statistic(statistic)
                .period(60)
                .evaluationPeriods(3)
                .threshold(threshold)
                .comparisonOperator("GreaterThanThreshold")
                .treatMissingData("notBreaching")
                .alarmActions(topic.arn().applyValue(List::of))
                .okActions(topic.arn().applyValue(List::of))
                .build(), child());
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
