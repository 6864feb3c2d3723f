package com.bookstore.infra.pipeline;

import com.bookstore.infra.blog.BlogSite;
import com.bookstore.infra.security.PermissionsBoundary;
import com.bookstore.infra.security.PolicyJson;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the pipeline's builds may do to the stacks, as IAM statements. A deploy role is necessarily powerful, so it is
 * narrowed as far as AWS allows (by name, then the {@code project} tag, then account and region; {@code "*"} only
 * where AWS offers nothing narrower), capped by the {@link PermissionsBoundary}, and split into managed policies of
 * one concern each to stay under IAM's size quotas. Why each choice: docs/configuration.md#pipeline-primary-only.
 */
public final class StackAccess {

    /** One managed policy of the deploy roles: a name suffix, what it is for, its statements. */
    public record ManagedGrant(String name, String description, List<Map<String, Object>> statements) {
    }

    /** Actions that create resources with AWS-generated ids and support no resource-level permission. */
    static final List<String> TAGGED_CREATES = List.of("kms:CreateKey", "cognito-idp:CreateUserPool", "acm:RequestCertificate",
            "ecs:CreateCluster", "ecs:RegisterTaskDefinition");
    /** Actions without a resource type that take no tag condition either. */
    static final List<String> UNTAGGED_CREATES = List.of("route53:CreateHealthCheck", "ecs:DeregisterTaskDefinition");
    /** The secondary's uploads replica, which EFS creates untagged: its creation and its mount targets. */
    public static final List<String> REPLICA_ACTIONS = List.of("elasticfilesystem:CreateFileSystem",
            "elasticfilesystem:CreateMountTarget", "elasticfilesystem:DeleteMountTarget",
            "elasticfilesystem:ModifyMountTargetSecurityGroups");
    /** Cloud Control's resource operations, which support no resource-level permission. */
    public static final List<String> CLOUD_CONTROL_ACTIONS = List.of("cloudformation:CreateResource",
            "cloudformation:GetResource", "cloudformation:UpdateResource", "cloudformation:DeleteResource",
            "cloudformation:GetResourceRequestStatus");

    /** Lambda documents these on "*" (docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html). */
    public static final List<String> STREAM_MAPPING_STAR_ACTIONS = List.of(
            "lambda:CreateEventSourceMapping", "lambda:GetEventSourceMapping");

    /** Metadata reads of the services the stacks use; most support only "*", and none returns data. */
    static final List<String> METADATA_READS = List.of(
            "acm:DescribeCertificate", "acm:ListCertificates", "acm:ListTagsForCertificate",
            "cloudfront:ListDistributions", "cloudfront:ListOriginAccessControls", "cloudfront:ListTagsForResource",
            "cloudwatch:DescribeAlarms", "cloudwatch:ListTagsForResource",
            "codebuild:ListProjects", "codepipeline:ListPipelines", "codestar-connections:ListConnections",
            "ssm:DescribeParameters", "rds:DescribeGlobalClusters", "rds:DescribeDBClusters", "rds:DescribeDBInstances",
            "rds:DescribeDBSubnetGroups", "rds:ListTagsForResource", "secretsmanager:ListSecrets",
            "ecs:DescribeClusters", "ecs:DescribeTaskDefinition", "ecs:ListTagsForResource",
            "ecr:DescribePullThroughCacheRules", "elasticloadbalancing:DescribeLoadBalancers",
            "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeTargetGroups",
            "elasticloadbalancing:DescribeTargetGroupAttributes", "elasticloadbalancing:DescribeListeners",
            "elasticloadbalancing:DescribeRules", "elasticloadbalancing:DescribeTags",
            "elasticfilesystem:DescribeFileSystems", "elasticfilesystem:DescribeMountTargets",
            "elasticfilesystem:DescribeAccessPoints", "elasticfilesystem:DescribeReplicationConfigurations",
            "elasticfilesystem:DescribeLifecycleConfiguration", "elasticfilesystem:DescribeMountTargetSecurityGroups",
            "ec2:DescribeInternetGateways", "ec2:DescribeNetworkAcls",
            "codeconnections:ListConnections",
            "cognito-idp:DescribeUserPool", "cognito-idp:DescribeUserPoolClient", "cognito-idp:ListUserPools",
            "cognito-idp:ListUserPoolClients", "cognito-idp:ListTagsForResource",
            "dynamodb:DescribeTable", "dynamodb:DescribeContinuousBackups", "dynamodb:DescribeTimeToLive",
            "dynamodb:DescribeKinesisStreamingDestination", "dynamodb:DescribeLimits", "dynamodb:ListTables",
            "dynamodb:ListTagsOfResource",
            "ec2:DescribeAvailabilityZones", "ec2:DescribeVpcs", "ec2:DescribeVpcAttribute", "ec2:DescribeSubnets",
            "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroups", "ec2:DescribeSecurityGroupRules",
            "ec2:DescribeVpcEndpoints", "ec2:DescribePrefixLists", "ec2:DescribeNetworkInterfaces",
            "ec2:DescribeTags", "ec2:DescribeAccountAttributes",
            "elasticache:DescribeReplicationGroups", "elasticache:DescribeCacheClusters",
            "elasticache:DescribeCacheSubnetGroups", "elasticache:ListTagsForResource",
            "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:ListRoleTags",
            "kms:DescribeKey", "kms:ListAliases", "kms:ListResourceTags",
            "lambda:ListVersionsByFunction", "lambda:ListAliases", "lambda:ListEventSourceMappings", "lambda:ListTags",
            "logs:DescribeLogGroups", "logs:DescribeResourcePolicies", "logs:ListTagsForResource",
            "logs:ListTagsLogGroup",
            "route53:ListResourceRecordSets", "route53:ListTagsForResource", "route53:ListHealthChecks",
            "sns:ListSubscriptionsByTopic", "sns:ListTagsForResource",
            "sqs:ListQueueTags", "sqs:ListQueues");

    private final String project;
    private final Output<String> accountId;
    private final String homeRegion;
    private final List<String> regions;
    private final Optional<String> hostedZoneId;
    private final PipelineSettings.StateBackend backend;
    private final Output<String> boundaryArn;

    /**
     * @param project      the project name every chosen name starts with and every {@code project} tag carries
     * @param regions      the regions the stacks deploy into (primary, secondary, and the edge region of
     *                     certificates and health-check alarms)
     * @param hostedZoneId the zone the failover records live in, when a domain is configured
     * @param boundaryArn  the project's permissions boundary, which every role the deploy touches must carry
     */
    public StackAccess(String project, Output<String> accountId, String homeRegion, List<String> regions,
                       Optional<String> hostedZoneId, PipelineSettings.StateBackend backend, Output<String> boundaryArn) {
        this.project = project;
        this.accountId = accountId;
        this.homeRegion = homeRegion;
        this.regions = regions.stream().distinct().toList();
        this.hostedZoneId = hostedZoneId;
        this.backend = backend;
        this.boundaryArn = boundaryArn;
    }

    /**
     * {@code pulumi up} of a stack, as managed policies of one concern each (both deploy roles attach all of them).
     * The state and the secrets key are {@link #deployState()}, inline.
     */
    public List<ManagedGrant> deploy() {
        return List.of(
                new ManagedGrant("read-and-create", "Metadata reads and the creates that support no resource scope",
                        List.of(readMetadata(),
                                PolicyJson.statement("CreateTaggedResourcesWithGeneratedIds", "Allow", TAGGED_CREATES,
                                        List.of("*"), Map.of("Condition", Map.of("StringEquals",
                                                Map.of("aws:RequestTag/project", project)))),
                                PolicyJson.allow("CreateHealthChecksAndRetireTaskDefinitions", UNTAGGED_CREATES,
                                        List.of("*")))),
                new ManagedGrant("identity", "Roles under the permissions boundary, and the project's managed policies",
                        identity()),
                new ManagedGrant("data-and-compute", "Tables, functions, logs, buckets, queues, topics, alarms, cache, APIs",
                        dataAndCompute()),
                new ManagedGrant("network-and-edge", "VPCs, keys, user pools, certificates, CDN, DNS, the pipeline",
                        networkAndEdge()),
                new ManagedGrant("blog", "Aurora, ECS, load balancer, EFS and the credentials secret of the blog", blog()),
                new ManagedGrant("observability", "The operations dashboard and the drills' fault switch",
                        observability()),
                new ManagedGrant("firewall", "AWS WAF web ACLs and their associations", firewall()));
    }

    /**
     * The project's web ACLs by name (CloudFront's in us-east-1, the regional ones in each region) and their
     * associations with the user pool and the blog's load balancer (docs/security.md#edge-waf).
     */
    private List<Map<String, Object>> firewall() {
        List<Object> acls = List.of(arn("wafv2", "global/webacl/" + project + "-*/*"),
                arn("wafv2", "regional/webacl/" + project + "-*/*"));
        Output<String> balancers = arn("elasticloadbalancing", "loadbalancer/app/" + project + "-*/*");
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(regional("ManageWebAcls", List.of(
                        "wafv2:CreateWebACL", "wafv2:GetWebACL", "wafv2:UpdateWebACL", "wafv2:DeleteWebACL",
                        "wafv2:TagResource", "wafv2:UntagResource", "wafv2:ListTagsForResource",
                        "wafv2:AssociateWebACL"),
                acls, Map.of()));
        statements.add(regional("ProtectBalancersWithWebAcls", List.of(
                        "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL", "wafv2:GetWebACLForResource",
                        "elasticloadbalancing:SetWebAcl"),
                List.of(balancers), Map.of()));
        // Pools are named by Cognito (no project prefix): the project tag scopes them.
        statements.add(regional("ProtectPoolsWithWebAcls", List.of(
                        "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL", "wafv2:GetWebACLForResource",
                        "cognito-idp:AssociateWebACL", "cognito-idp:DisassociateWebACL",
                        "cognito-idp:GetWebACLForResource"),
                List.of(arn("cognito-idp", "userpool/*")), Map.of("aws:ResourceTag/project", project)));
        return statements;
    }

    /** The state bucket and the stacks' secrets key, read and written: the deploy roles' inline grants. */
    public List<Map<String, Object>> deployState() {
        return state(true);
    }

    /**
     * IAM writes of a deploy. Every role write that IAM lets a policy condition on {@code iam:PermissionsBoundary}
     * (CreateRole, PutRolePolicy, DeleteRolePolicy, AttachRolePolicy, DetachRolePolicy, PutRolePermissionsBoundary)
     * requires the project's boundary; DeleteRolePermissionsBoundary is never granted; managed policies can be
     * written and attached only under the project's {@code <project>-deploy-*} names, never the boundary's.
     */
    private List<Map<String, Object>> identity() {
        Output<String> roles = role(project + "-*");
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(PolicyJson.statement("WriteRolesUnderTheBoundary", "Allow", List.of(
                        "iam:CreateRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:PutRolePermissionsBoundary"),
                List.of(roles), Map.of("Condition", Map.of("StringEquals", Map.of(
                        "iam:PermissionsBoundary", boundaryArn)))));
        statements.add(PolicyJson.statement("AttachOnlyProjectPoliciesUnderTheBoundary", "Allow", List.of(
                        "iam:AttachRolePolicy", "iam:DetachRolePolicy"),
                List.of(roles), Map.of("Condition", Map.of(
                        "StringEquals", Map.of("iam:PermissionsBoundary", boundaryArn),
                        "ArnLike", Map.of("iam:PolicyARN", policy(project + "-deploy-*"))))));
        statements.add(PolicyJson.allow("ManageRoles", List.of(
                        "iam:DeleteRole", "iam:GetRole", "iam:UpdateRole", "iam:UpdateAssumeRolePolicy",
                        "iam:TagRole", "iam:UntagRole", "iam:GetRolePolicy", "iam:ListInstanceProfilesForRole"),
                List.of(roles)));
        statements.add(PolicyJson.allow("ManageProjectPolicies", List.of(
                        "iam:CreatePolicy", "iam:DeletePolicy", "iam:CreatePolicyVersion", "iam:DeletePolicyVersion",
                        "iam:ListPolicyVersions", "iam:TagPolicy", "iam:UntagPolicy"),
                List.of(policy(project + "-deploy-*"))));
        // The boundary is read on refresh and never written here: changing it takes an administrator.
        statements.add(PolicyJson.allow("ReadPolicies", List.of("iam:GetPolicy", "iam:GetPolicyVersion"),
                List.of(policy(project + "-deploy-*"), boundaryArn)));
        statements.add(PolicyJson.statement("PassRolesToTheirServices", "Allow", List.of("iam:PassRole"),
                List.of(roles),
                Map.of("Condition", Map.of("StringEquals", Map.of("iam:PassedToService", List.of(
                        "lambda.amazonaws.com", "codebuild.amazonaws.com", "codepipeline.amazonaws.com",
                        "ecs-tasks.amazonaws.com", "arc-region-switch.amazonaws.com"))))));
        // The Region switch plan (docs/failover.md) is created through Cloud Control, whose actions have no resource
        // type; Cloud Control calls Region switch with these credentials, so what it can create is bounded by the
        // plan-scoped grants that follow.
        statements.add(PolicyJson.allow("UseCloudControlForTheRegionSwitchPlan", CLOUD_CONTROL_ACTIONS, List.of("*")));
        statements.add(PolicyJson.allow("ManageRegionSwitchPlan", List.of(
                        "arc-region-switch:CreatePlan", "arc-region-switch:GetPlan", "arc-region-switch:UpdatePlan",
                        "arc-region-switch:DeletePlan", "arc-region-switch:TagResource", "arc-region-switch:UntagResource",
                        "arc-region-switch:ListTagsForResource"),
                List.of(accountId.applyValue(id -> "arn:aws:arc-region-switch::" + id + ":plan/" + project + "-*"))));
        statements.add(PolicyJson.statement("CreateServiceLinkedRoles", "Allow", List.of("iam:CreateServiceLinkedRole"),
                List.of(role("aws-service-role/*")),
                Map.of("Condition", Map.of("StringEquals", Map.of("iam:AWSServiceName", List.of(
                        "replication.dynamodb.amazonaws.com", "elasticache.amazonaws.com",
                        "rds.amazonaws.com", "ecs.amazonaws.com", "elasticloadbalancing.amazonaws.com",
                        "elasticfilesystem.amazonaws.com"))))));
        return statements;
    }

    private List<Map<String, Object>> dataAndCompute() {
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(regional("ManageTables", List.of(
                        "dynamodb:CreateTable", "dynamodb:UpdateTable", "dynamodb:DeleteTable",
                        "dynamodb:UpdateContinuousBackups", "dynamodb:UpdateTimeToLive",
                        "dynamodb:TagResource", "dynamodb:UntagResource",
                        "dynamodb:CreateTableReplica", "dynamodb:DeleteTableReplica",
                        "dynamodb:DescribeStream", "dynamodb:ListStreams",
                        // AWS requires these item-level rights of whoever adds a replica to a global table.
                        "dynamodb:Scan", "dynamodb:Query", "dynamodb:GetItem", "dynamodb:PutItem",
                        "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"),
                List.of(arn("dynamodb", "table/" + project + "-*")), Map.of()));
        statements.add(regional("ManageFunctions", List.of(
                        "lambda:CreateFunction", "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration",
                        "lambda:DeleteFunction", "lambda:GetFunction", "lambda:GetFunctionConfiguration",
                        "lambda:GetFunctionCodeSigningConfig", "lambda:GetRuntimeManagementConfig",
                        "lambda:GetPolicy", "lambda:AddPermission", "lambda:RemovePermission",
                        "lambda:PublishVersion", "lambda:CreateAlias", "lambda:UpdateAlias", "lambda:DeleteAlias",
                        "lambda:GetAlias", "lambda:TagResource", "lambda:UntagResource"),
                List.of(arn("lambda", "function:" + project + "-*")), Map.of()));
        // Event source mappings get ids from AWS; they are confined to the account and the stacks' regions.
        statements.add(regional("ManageStreamMappings", List.of(
                        "lambda:UpdateEventSourceMapping", "lambda:DeleteEventSourceMapping",
                        "lambda:GetEventSourceMapping"),
                List.of(arn("lambda", "event-source-mapping:*")), Map.of()));
        // Lambda's guide lists creating (and reading) a mapping on "*": "*" also covers the mapping's ARN should
        // the action gain a resource type; creating is confined to the project's functions.
        statements.add(regional("CreateStreamMappings", STREAM_MAPPING_STAR_ACTIONS, List.of("*"), Map.of(),
                Map.of("ArnLikeIfExists", Map.of("lambda:FunctionArn", arn("lambda", "function:" + project + "-*")))));
        statements.add(regional("ManageLogGroups", List.of(
                        "logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:PutRetentionPolicy",
                        "logs:DeleteRetentionPolicy", "logs:AssociateKmsKey", "logs:DisassociateKmsKey",
                        "logs:TagResource", "logs:UntagResource", "logs:TagLogGroup", "logs:UntagLogGroup"),
                List.of(arn("logs", "log-group:/aws/lambda/" + project + "-*"),
                        arn("logs", "log-group:/aws/apigateway/" + project + "-*"),
                        arn("logs", "log-group:/aws/codebuild/" + project + "-*"),
                        arn("logs", "log-group:/aws/ecs/" + project + "-*"),
                        // Aurora's exported logs and Container Insights, created ahead so the stack owns them.
                        arn("logs", "log-group:/aws/rds/cluster/" + project + "-*"),
                        arn("logs", "log-group:/aws/ecs/containerinsights/" + project + "-*")), Map.of()));
        // HTTP API access logging is set up through log deliveries, whose actions have no resource type ("*").
        statements.add(regional("DeliverApiAccessLogs", List.of(
                        "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery",
                        "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy"),
                List.of("*"), Map.of()));
        // S3 bucket ARNs name no region; the bucket names carry the account and region.
        statements.add(PolicyJson.allow("ManageBuckets", List.of(
                        "s3:CreateBucket", "s3:DeleteBucket", "s3:ListBucket", "s3:ListBucketVersions",
                        "s3:GetBucketAcl", "s3:GetBucketCORS", "s3:GetBucketWebsite", "s3:GetBucketVersioning",
                        "s3:PutBucketVersioning", "s3:GetAccelerateConfiguration", "s3:GetBucketRequestPayment",
                        "s3:GetBucketLogging", "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration",
                        "s3:GetReplicationConfiguration", "s3:GetEncryptionConfiguration",
                        "s3:PutEncryptionConfiguration", "s3:GetBucketObjectLockConfiguration",
                        "s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy",
                        "s3:GetBucketTagging", "s3:PutBucketTagging", "s3:GetBucketOwnershipControls",
                        "s3:PutBucketOwnershipControls", "s3:GetBucketPublicAccessBlock",
                        "s3:PutBucketPublicAccessBlock", "s3:GetBucketLocation",
                        "s3:GetObject", "s3:GetObjectTagging", "s3:PutObject", "s3:PutObjectTagging",
                        "s3:DeleteObject", "s3:DeleteObjectVersion"),
                List.of("arn:aws:s3:::" + project + "-*", "arn:aws:s3:::" + project + "-*/*")));
        statements.add(regional("ManageQueuesTopicsAndAlarms", List.of(
                        "sqs:CreateQueue", "sqs:DeleteQueue", "sqs:GetQueueAttributes", "sqs:SetQueueAttributes",
                        "sqs:GetQueueUrl", "sqs:TagQueue", "sqs:UntagQueue",
                        "sns:CreateTopic", "sns:DeleteTopic", "sns:GetTopicAttributes", "sns:SetTopicAttributes",
                        "sns:Subscribe", "sns:Unsubscribe", "sns:GetSubscriptionAttributes",
                        "sns:SetSubscriptionAttributes", "sns:TagResource", "sns:UntagResource",
                        "cloudwatch:PutMetricAlarm", "cloudwatch:PutCompositeAlarm", "cloudwatch:DeleteAlarms",
                        "cloudwatch:TagResource", "cloudwatch:UntagResource"),
                List.of(arn("sqs", project + "-*"), arn("sns", project + "-*"),
                        arn("cloudwatch", "alarm:" + project + "-*")), Map.of()));
        statements.add(regional("ManageCache", List.of(
                        "elasticache:CreateReplicationGroup", "elasticache:ModifyReplicationGroup",
                        "elasticache:DeleteReplicationGroup", "elasticache:CreateCacheSubnetGroup",
                        "elasticache:ModifyCacheSubnetGroup", "elasticache:DeleteCacheSubnetGroup",
                        "elasticache:AddTagsToResource", "elasticache:RemoveTagsFromResource"),
                List.of(arn("elasticache", "replicationgroup:" + project + "-*"),
                        arn("elasticache", "cluster:" + project + "-*"),
                        arn("elasticache", "subnetgroup:" + project + "-*"),
                        // AWS's default parameter groups and user, which a replication group refers to.
                        arn("elasticache", "parametergroup:default.*"),
                        arn("elasticache", "user:default")), Map.of()));
        statements.add(regional("ManageHttpApis", List.of(
                        "apigateway:GET", "apigateway:POST", "apigateway:PUT", "apigateway:PATCH", "apigateway:DELETE"),
                List.of(apiGateway("/apis"), apiGateway("/apis/*"), apiGateway("/domainnames"),
                        apiGateway("/domainnames/*"), apiGateway("/tags/*")), Map.of()));
        return statements;
    }

    /**
     * Operations: the dashboard (global: arn:aws:cloudwatch::<account>:dashboard/<name>, service authorization
     * reference) and the fault switch.
     */
    private List<Map<String, Object>> observability() {
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(PolicyJson.allow("ManageDashboards", List.of(
                        "cloudwatch:PutDashboard", "cloudwatch:GetDashboard", "cloudwatch:DeleteDashboards"),
                List.of(accountId.applyValue(account -> "arn:aws:cloudwatch::" + account + ":dashboard/" + project + "-*"))));
        // The drills' fault switch (an SSM parameter per region) is an operations tool like the dashboard.
        statements.add(regional("ManageFaultSwitch", List.of(
                        "ssm:PutParameter", "ssm:DeleteParameter", "ssm:GetParameter", "ssm:GetParameters",
                        "ssm:AddTagsToResource", "ssm:RemoveTagsFromResource", "ssm:ListTagsForResource"),
                List.of(arn("ssm", "parameter/" + project + "/*")), Map.of()));
        // The synthetic shoppers (docs/observability.md#canaries): the project's canaries, and the function and layers
        // Synthetics creates for each (cwsyn-<canary>-<id>) with the caller's rights, as CloudWatchSyntheticsFullAccess
        // grants them, confined to the project's canaries' names. Not granted: reading the runtime's own layers in AWS's
        // accounts (that policy also allows it; deploy grants stay in the account; unverified whether CreateCanary needs it).
        statements.add(regional("ManageCanaries", List.of(
                        "synthetics:CreateCanary", "synthetics:UpdateCanary", "synthetics:DeleteCanary",
                        "synthetics:StartCanary", "synthetics:StopCanary", "synthetics:GetCanary",
                        "synthetics:TagResource", "synthetics:UntagResource", "synthetics:ListTagsForResource"),
                List.of(arn("synthetics", "canary:" + project + "-*")), Map.of()));
        statements.add(regional("ManageCanaryFunctions", List.of(
                        "lambda:CreateFunction", "lambda:AddPermission", "lambda:PublishVersion",
                        "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration",
                        "lambda:GetFunctionConfiguration", "lambda:GetFunction", "lambda:DeleteFunction",
                        "lambda:GetLayerVersion", "lambda:PublishLayerVersion", "lambda:DeleteLayerVersion"),
                List.of(arn("lambda", "function:cwsyn-" + project + "-*"), arn("lambda", "layer:cwsyn-" + project + "-*"),
                        arn("lambda", "layer:cwsyn-" + project + "-*:*")), Map.of()));
        return statements;
    }

    private List<Map<String, Object>> networkAndEdge() {
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(regional("CreateTaggedNetwork", List.of(
                        "ec2:CreateVpc", "ec2:CreateSubnet", "ec2:CreateRouteTable", "ec2:CreateSecurityGroup",
                        "ec2:CreateVpcEndpoint", "ec2:CreateInternetGateway", "ec2:AuthorizeSecurityGroupIngress",
                        "ec2:AuthorizeSecurityGroupEgress", "ec2:CreateTags"),
                List.of(arn("ec2", "*")), Map.of("aws:RequestTag/project", project)));
        statements.add(regional("ManageTaggedNetwork", List.of(
                        "ec2:DeleteVpc", "ec2:ModifyVpcAttribute", "ec2:DeleteSubnet", "ec2:ModifySubnetAttribute",
                        "ec2:DeleteRouteTable", "ec2:AssociateRouteTable", "ec2:DisassociateRouteTable",
                        "ec2:ReplaceRouteTableAssociation",
                        "ec2:CreateRoute", "ec2:ReplaceRoute", "ec2:DeleteRoute", "ec2:DeleteSecurityGroup",
                        "ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress",
                        "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress",
                        "ec2:ModifySecurityGroupRules", "ec2:ModifyVpcEndpoint", "ec2:DeleteVpcEndpoints",
                        "ec2:AttachInternetGateway", "ec2:DetachInternetGateway", "ec2:DeleteInternetGateway",
                        "ec2:CreateTags", "ec2:DeleteTags"),
                List.of(arn("ec2", "*")), Map.of("aws:ResourceTag/project", project)));
        // PutKeyPolicy only on the project's keys and never past the lockout check: a key keeps its
        // administrators (the account root statement of EncryptionKey).
        statements.add(regional("ManageTaggedKeysPoolsAndCertificates", List.of(
                        "kms:GetKeyPolicy", "kms:PutKeyPolicy", "kms:GetKeyRotationStatus", "kms:EnableKeyRotation",
                        "kms:UpdateKeyDescription", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion",
                        "kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias", "kms:ReplicateKey",
                        "cognito-idp:UpdateUserPool", "cognito-idp:DeleteUserPool", "cognito-idp:GetUserPoolMfaConfig",
                        "cognito-idp:CreateUserPoolReplica", "cognito-idp:ListUserPoolReplicas",
                        "cognito-idp:UpdateUserPoolReplica", "cognito-idp:DeleteUserPoolReplica",
                        "cognito-idp:SetUserPoolMfaConfig", "cognito-idp:CreateUserPoolClient",
                        "cognito-idp:UpdateUserPoolClient", "cognito-idp:DeleteUserPoolClient",
                        "cognito-idp:TagResource", "cognito-idp:UntagResource",
                        "acm:DeleteCertificate", "acm:AddTagsToCertificate", "acm:RemoveTagsFromCertificate"),
                List.of(arn("kms", "key/*"), arn("cognito-idp", "userpool/*"), arn("acm", "certificate/*")),
                Map.of("aws:ResourceTag/project", project), Map.of("BoolIfExists", Map.of("kms:BypassPolicyLockoutSafetyCheck", "false"))));
        // The user pool's key replica is created by ReplicateKey with the stack's tags, which takes kms:TagResource
        // on the new replica (KMS developer guide, "Create multi-Region replica keys"): before it has any tag.
        statements.add(regional("TagNewReplicaKeys", List.of("kms:TagResource"), List.of(arn("kms", "key/*")),
                Map.of("aws:RequestTag/project", project)));
        statements.add(regional("ManageKeyAliases", List.of("kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"),
                List.of(arn("kms", "alias/" + project + "-*")), Map.of()));
        // RDS and EFS encrypt with a customer-managed key through a grant their caller creates
        // (https://docs.aws.amazon.com/efs/latest/ug/EFSKMS.html, .../AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html);
        // kms:GrantIsForAWSResource limits it to grants on behalf of an AWS service, never for a principal we name.
        statements.add(regional("LetServicesUseProjectKeys", List.of("kms:CreateGrant"),
                List.of(arn("kms", "key/*")), Map.of("aws:ResourceTag/project", project),
                Map.of("Bool", Map.of("kms:GrantIsForAWSResource", "true"))));
        statements.add(PolicyJson.allow("ManageDistribution", List.of(
                        "cloudfront:CreateDistribution", "cloudfront:UpdateDistribution", "cloudfront:DeleteDistribution",
                        "cloudfront:GetDistribution", "cloudfront:GetDistributionConfig", "cloudfront:TagResource",
                        "cloudfront:UntagResource", "cloudfront:CreateOriginAccessControl",
                        "cloudfront:GetOriginAccessControl", "cloudfront:UpdateOriginAccessControl",
                        "cloudfront:DeleteOriginAccessControl", "cloudfront:GetCachePolicy",
                        "cloudfront:GetResponseHeadersPolicy", "cloudfront:CreateResponseHeadersPolicy",
                        "cloudfront:UpdateResponseHeadersPolicy", "cloudfront:DeleteResponseHeadersPolicy"),
                List.of(cloudFront("distribution/*"), cloudFront("origin-access-control/*"),
                        cloudFront("cache-policy/*"), cloudFront("response-headers-policy/*"))));
        // The storefront's viewer-request function (client routes), published on every change.
        statements.add(PolicyJson.allow("ManageCdnFunctions", List.of(
                        "cloudfront:CreateFunction", "cloudfront:DescribeFunction", "cloudfront:GetFunction",
                        "cloudfront:UpdateFunction", "cloudfront:PublishFunction", "cloudfront:DeleteFunction"),
                List.of(cloudFront("function/" + project + "-*"))));
        List<Object> dns = new ArrayList<>(List.of("arn:aws:route53:::healthcheck/*", "arn:aws:route53:::change/*"));
        hostedZoneId.ifPresent(zone -> dns.add("arn:aws:route53:::hostedzone/" + zone));
        statements.add(PolicyJson.allow("ManageFailoverDns", List.of(
                        "route53:GetHostedZone", "route53:ChangeResourceRecordSets", "route53:GetChange",
                        "route53:GetHealthCheck", "route53:UpdateHealthCheck", "route53:DeleteHealthCheck",
                        "route53:ChangeTagsForResource"),
                dns));
        statements.add(regional("ManagePipeline", List.of(
                        "codebuild:CreateProject", "codebuild:UpdateProject", "codebuild:DeleteProject",
                        "codebuild:BatchGetProjects",
                        "codepipeline:CreatePipeline", "codepipeline:UpdatePipeline", "codepipeline:DeletePipeline",
                        "codepipeline:GetPipeline", "codepipeline:TagResource", "codepipeline:UntagResource",
                        "codepipeline:ListTagsForResource",
                        "codestar-connections:CreateConnection", "codestar-connections:GetConnection",
                        "codestar-connections:DeleteConnection", "codestar-connections:TagResource",
                        "codestar-connections:UntagResource", "codestar-connections:ListTagsForResource",
                        "codestar-connections:PassConnection"),
                List.of(arn("codebuild", "project/" + project + "-*"), arn("codepipeline", project + "-*"),
                        arn("codestar-connections", "connection/*")), Map.of()));
        return statements;
    }

    /**
     * The blog: Aurora global database, WordPress on ECS behind a load balancer, EFS uploads, the credentials
     * secret and the ECR pull-through cache. Named resources are scoped by name; what AWS names (file systems,
     * access points, internet gateways) by the project tag, requested on create and present afterwards.
     */
    private List<Map<String, Object>> blog() {
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(regional("ManageBlogDatabase", List.of(
                        "rds:CreateGlobalCluster", "rds:ModifyGlobalCluster", "rds:DeleteGlobalCluster",
                        "rds:RemoveFromGlobalCluster", "rds:CreateDBCluster", "rds:ModifyDBCluster",
                        "rds:DeleteDBCluster", "rds:CreateDBInstance", "rds:ModifyDBInstance", "rds:DeleteDBInstance",
                        "rds:CreateDBSubnetGroup", "rds:ModifyDBSubnetGroup", "rds:DeleteDBSubnetGroup",
                        "rds:AddTagsToResource", "rds:RemoveTagsFromResource", "rds:CreateDBClusterSnapshot"),
                List.of(arn("rds", "cluster:" + project + "-*"), arn("rds", "db:" + project + "-*"),
                        arn("rds", "subgrp:" + project + "-*"), arn("rds", "cluster-snapshot:" + project + "-*"),
                        arn("rds", "cluster-pg:default.*"), arn("rds", "pg:default.*"),
                        accountId.applyValue(account -> "arn:aws:rds::" + account + ":global-cluster:" + project + "-*")),
                Map.of()));
        statements.add(regional("ManageBlogSecret", List.of(
                        "secretsmanager:CreateSecret", "secretsmanager:DeleteSecret", "secretsmanager:UpdateSecret",
                        "secretsmanager:PutSecretValue", "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret",
                        "secretsmanager:ReplicateSecretToRegions", "secretsmanager:RemoveRegionsFromReplication",
                        "secretsmanager:TagResource", "secretsmanager:UntagResource", "secretsmanager:GetResourcePolicy",
                        "secretsmanager:UpdateSecretVersionStage"),
                List.of(arn("secretsmanager", "secret:" + project + "-*")), Map.of()));
        statements.add(regional("ManageBlogService", List.of(
                        "ecs:DeleteCluster", "ecs:UpdateCluster", "ecs:UpdateClusterSettings", "ecs:PutClusterCapacityProviders",
                        "ecs:CreateService", "ecs:UpdateService", "ecs:DeleteService", "ecs:DescribeServices",
                        "ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition", "ecs:TagResource", "ecs:UntagResource",
                        "ecr:CreatePullThroughCacheRule", "ecr:DeletePullThroughCacheRule",
                        "ecr:UpdatePullThroughCacheRule"),
                List.of(arn("ecs", "cluster/" + project + "-*"), arn("ecs", "service/" + project + "-*"),
                        arn("ecs", "task-definition/" + project + "-*"), arn("ecr", "repository/*")), Map.of()));
        statements.add(regional("ManageBlogLoadBalancer", List.of(
                        "elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:DeleteLoadBalancer",
                        "elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:SetSecurityGroups",
                        "elasticloadbalancing:SetSubnets", "elasticloadbalancing:CreateTargetGroup",
                        "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:ModifyTargetGroup",
                        "elasticloadbalancing:ModifyTargetGroupAttributes", "elasticloadbalancing:CreateListener",
                        "elasticloadbalancing:DeleteListener", "elasticloadbalancing:ModifyListener",
                        "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule",
                        "elasticloadbalancing:ModifyRule", "elasticloadbalancing:AddTags",
                        "elasticloadbalancing:RemoveTags"),
                List.of(arn("elasticloadbalancing", "loadbalancer/app/" + project + "-*"),
                        arn("elasticloadbalancing", "targetgroup/" + project + "-*"),
                        arn("elasticloadbalancing", "listener/app/" + project + "-*"),
                        arn("elasticloadbalancing", "listener-rule/app/" + project + "-*")), Map.of()));
        // Creating a file system or access point is authorised against the new, untagged resource: the tags must
        // be in the request (aws:RequestTag); every later action finds them on the resource (aws:ResourceTag).
        statements.add(regional("CreateTaggedBlogStorage", List.of(
                        "elasticfilesystem:CreateFileSystem", "elasticfilesystem:CreateAccessPoint",
                        "elasticfilesystem:TagResource"),
                List.of(arn("elasticfilesystem", "file-system/*"), arn("elasticfilesystem", "access-point/*")),
                Map.of("aws:RequestTag/project", project)));
        statements.add(regional("ManageTaggedBlogStorage", List.of(
                        "elasticfilesystem:DeleteFileSystem", "elasticfilesystem:UpdateFileSystem",
                        "elasticfilesystem:UpdateFileSystemProtection", "elasticfilesystem:CreateMountTarget",
                        "elasticfilesystem:DeleteMountTarget", "elasticfilesystem:ModifyMountTargetSecurityGroups",
                        "elasticfilesystem:DeleteAccessPoint",
                        "elasticfilesystem:CreateReplicationConfiguration",
                        "elasticfilesystem:DeleteReplicationConfiguration", "elasticfilesystem:TagResource",
                        "elasticfilesystem:UntagResource"),
                List.of(arn("elasticfilesystem", "file-system/*"), arn("elasticfilesystem", "access-point/*")),
                Map.of("aws:ResourceTag/project", project)));
        // EFS creates the secondary's uploads replica with the caller's rights and tags it with nothing
        // (https://docs.aws.amazon.com/efs/latest/ug/efs-replication.html, "Permissions required"): neither the
        // replica nor the secondary's mount targets on it can be scoped by the project tag.
        statements.add(regional("ReplicateBlogUploads", REPLICA_ACTIONS,
                List.of(arn("elasticfilesystem", "file-system/*")), Map.of()));
        // The credentials secret's values are encrypted under the blog's key with the caller's rights
        // (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html).
        statements.add(regional("EncryptBlogSecretValues", List.of("kms:GenerateDataKey", "kms:Decrypt"),
                List.of(arn("kms", "key/*")), Map.of("aws:ResourceTag/project", project),
                Map.of("StringLike", Map.of("kms:ViaService", "secretsmanager.*.amazonaws.com"))));
        return statements;
    }

    /**
     * {@code bookstore-ops seed-blog} after the primary's deploy (pipeline/scripts/seed-blog.sh): run the blog's
     * seeding task in its cluster, hand ECS the task's two roles, watch the task, read its container's log. Every
     * statement names the resources themselves; {@code ecs:DescribeTaskDefinition} (AWS: {@code *} only) is among
     * the metadata reads already.
     */
    public List<Map<String, Object>> seedBlog(BlogSite.SeedTaskResources seed) {
        return List.of(
                PolicyJson.statement("RunBlogSeedTask", "Allow", List.of("ecs:RunTask"),
                        List.of(seed.taskDefinitionFamilyArn().applyValue(family -> family + ":*")),
                        Map.of("Condition", Map.of("ArnEquals", Map.of("ecs:cluster", seed.clusterArn())))),
                PolicyJson.allow("WatchBlogSeedTask", List.of("ecs:DescribeTasks"),
                        List.of(seed.clusterArn().applyValue(cluster -> cluster.replace(":cluster/", ":task/") + "/*"))),
                PolicyJson.statement("PassBlogSeedTaskRoles", "Allow", List.of("iam:PassRole"), seed.roleArns(),
                        Map.of("Condition", Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com")))),
                PolicyJson.allow("ReadBlogSeedTaskLog", List.of("logs:GetLogEvents"),
                        List.of(seed.logGroupArn().applyValue(group ->
                                group + ":log-stream:" + BlogSite.SEED_LOG_PREFIX + "/*"))));
    }

    /**
     * {@code bookstore-ops seed-catalogue} after the primary's deploy (pipeline/scripts/seed-catalogue.sh): the
     * conditional put of each book and the batch read that checks them, on the Books table alone (its replicas
     * receive the items through the global table).
     */
    public Map<String, Object> seedCatalogue(Output<String> booksTableArn) {
        return PolicyJson.allow("SeedCatalogue", List.of("dynamodb:PutItem", "dynamodb:BatchGetItem"),
                List.of(booksTableArn));
    }

    /**
     * The gated {@code pulumi preview} of both stacks, after a maintainer's approval: metadata and the state,
     * read; the secrets key, decrypt only. Its one write is the state lock file a preview takes.
     */
    public List<Map<String, Object>> preview() {
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(readMetadata());
        statements.addAll(state(false));
        return statements;
    }

    /** Secrets Manager names the project's variables resolve (CodeBuild reads them with the project's role). */
    public Map<String, Object> readSecrets(String sid, List<String> secretNames) {
        return PolicyJson.allow(sid, List.of("secretsmanager:GetSecretValue"),
                secretNames.stream().map(this::secret).toList());
    }

    private Map<String, Object> readMetadata() {
        return PolicyJson.allow("ReadStackMetadata", METADATA_READS, List.of("*"));
    }

    /** The state bucket (self-managed backend) and the key of the stacks' secrets; Pulumi Cloud needs neither. */
    private List<Map<String, Object>> state(boolean write) {
        List<Map<String, Object>> statements = new ArrayList<>();
        backend.stateBucket().ifPresent(bucket -> {
            String arn = "arn:aws:s3:::" + bucket;
            statements.add(PolicyJson.allow("ListState", List.of("s3:ListBucket", "s3:GetBucketLocation"), List.of(arn)));
            statements.add(PolicyJson.allow(write ? "ReadAndWriteState" : "ReadState",
                    write ? List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject") : List.of("s3:GetObject"),
                    List.of(arn + "/*")));
            if (!write) {
                // A preview takes the stack's lock like an update does, and the DIY backend's locking cannot be
                // switched off (pulumi/pulumi#8609, #9253); that lock file is all it writes.
                statements.add(PolicyJson.allow("TakeStateLocks", List.of("s3:PutObject", "s3:DeleteObject"),
                        List.of(arn + "/.pulumi/locks/*")));
            }
        });
        backend.secretsKey().ifPresent(key -> {
            List<String> actions = write ? List.of("kms:Encrypt", "kms:Decrypt") : List.of("kms:Decrypt");
            if (key.alias().isPresent()) {
                // Cryptographic operations are granted on keys, not aliases: the alias is the condition.
                statements.add(PolicyJson.statement("UseStackSecretsKey", "Allow", actions,
                        List.of(kmsArn(key.region(), "key/*")),
                        Map.of("Condition", Map.of("ForAnyValue:StringEquals",
                                Map.of("kms:ResourceAliases", key.alias().get())))));
            } else {
                statements.add(PolicyJson.allow("UseStackSecretsKey", actions, List.of(key.keyArn()
                        .<Object>map(arn -> arn)
                        .orElseGet(() -> kmsArn(key.region(), "key/" + key.keyId().orElseThrow())))));
            }
        });
        return statements;
    }

    /**
     * A statement on regional resources named once with a {@code *} region, confined to the stacks' regions by
     * {@code aws:RequestedRegion}; {@code tags} are further {@code StringEquals} conditions, {@code more} other
     * operators.
     */
    @SafeVarargs
    private Map<String, Object> regional(String sid, List<String> actions, List<?> resources, Map<String, String> tags,
                                         Map<String, Object>... more) {
        Map<String, Object> equals = new TreeMap<>(tags);
        equals.put("aws:RequestedRegion", regions);
        Map<String, Object> condition = new TreeMap<>();
        condition.put("StringEquals", equals);
        for (Map<String, Object> operator : more) {
            condition.putAll(operator);
        }
        return PolicyJson.statement(sid, "Allow", actions, resources, Map.of("Condition", condition));
    }

    private Output<String> arn(String service, String resource) {
        return accountId.applyValue(account -> "arn:aws:" + service + ":*:" + account + ":" + resource);
    }

    private static String apiGateway(String path) {
        return "arn:aws:apigateway:*::" + path;
    }

    private Output<String> role(String path) {
        return accountId.applyValue(account -> "arn:aws:iam::" + account + ":role/" + path);
    }

    private Output<String> policy(String name) {
        return accountId.applyValue(account -> "arn:aws:iam::" + account + ":policy/" + name);
    }

    private Output<String> cloudFront(String resource) {
        return accountId.applyValue(account -> "arn:aws:cloudfront::" + account + ":" + resource);
    }

    private Output<String> kmsArn(String region, String resource) {
        return accountId.applyValue(account -> "arn:aws:kms:" + region + ":" + account + ":" + resource);
    }

    /** Secrets Manager appends six random characters to a secret's name in its ARN. */
    private Output<String> secret(String name) {
        return accountId.applyValue(account ->
                "arn:aws:secretsmanager:" + homeRegion + ":" + account + ":secret:" + name + "-??????");
    }
}
