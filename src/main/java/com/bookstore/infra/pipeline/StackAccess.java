package com.bookstore.infra.pipeline;

import com.bookstore.infra.blog.BlogSite;
import com.bookstore.infra.security.PolicyJson;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the deploy and preview builds may do to the stacks, as IAM statements. {@code pulumi up} creates, changes
 * and deletes every resource of a stack, so a deploy role is necessarily powerful; it is narrowed as far as AWS
 * allows, in this order of preference:
 * <ol>
 * <li>by name: the resources whose names the program chooses all start with the project name ({@code bookstore-*}
 * tables, functions, roles, buckets, queues, topics, alarms, log groups, projects, pipelines);</li>
 * <li>by the {@code project} tag (which the providers' default tags put on every resource) for resources whose
 * ids AWS generates (VPC parts, KMS keys, user pools, certificates);</li>
 * <li>by account and the stacks' regions (primary, secondary, edge) everywhere else;</li>
 * <li>on {@code "*"} only where AWS offers no resource-level permission at all: the read-only
 * {@code Describe*}/{@code List*} metadata reads Pulumi refreshes with, and four create actions
 * ({@code kms:CreateKey}, {@code cognito-idp:CreateUserPool}, {@code acm:RequestCertificate} with a
 * {@code project} request-tag condition; {@code route53:CreateHealthCheck}, which supports no condition).</li>
 * </ol>
 * What stays broad, and why: a deploy role can write the policies of the {@code bookstore-*} roles, including the
 * pipeline's own (the primary stack contains the pipeline), so whoever can push to the main branch can change what
 * the stacks may do. Protect the branch; a permissions boundary on every role the program creates is the upgrade
 * path (docs/configuration.md, "Pipeline").
 *
 * <p>The preview build runs a pull request's code, so its role only reads: metadata, the state, the secrets key
 * (decrypt) and its two tokens.
 */
public final class StackAccess {

    /** Actions that create resources with AWS-generated ids and support no resource-level permission. */
    static final List<String> TAGGED_CREATES = List.of("kms:CreateKey", "cognito-idp:CreateUserPool", "acm:RequestCertificate");
    static final List<String> UNTAGGED_CREATES = List.of("route53:CreateHealthCheck");
    /** Cloud Control's resource operations, which support no resource-level permission. */
    public static final List<String> CLOUD_CONTROL_ACTIONS = List.of("cloudformation:CreateResource",
            "cloudformation:GetResource", "cloudformation:UpdateResource", "cloudformation:DeleteResource",
            "cloudformation:GetResourceRequestStatus");

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
            "elasticfilesystem:DescribeLifecycleConfiguration", "ec2:DescribeInternetGateways",
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

    /**
     * @param project      the project name every chosen name starts with and every {@code project} tag carries
     * @param regions      the regions the stacks deploy into (primary, secondary, and the edge region of
     *                     certificates and health-check alarms)
     * @param hostedZoneId the zone the failover records live in, when a domain is configured
     */
    public StackAccess(String project, Output<String> accountId, String homeRegion, List<String> regions,
                       Optional<String> hostedZoneId, PipelineSettings.StateBackend backend) {
        this.project = project;
        this.accountId = accountId;
        this.homeRegion = homeRegion;
        this.regions = regions.stream().distinct().toList();
        this.hostedZoneId = hostedZoneId;
        this.backend = backend;
    }

    /** {@code pulumi up} of a stack: manage the stacks' resources, read and write the state. */
    public List<Map<String, Object>> deploy() {
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(readMetadata());
        statements.add(PolicyJson.statement("CreateTaggedResourcesWithGeneratedIds", "Allow", TAGGED_CREATES,
                List.of("*"), Map.of("Condition", projectTag("aws:RequestTag/project"))));
        statements.add(PolicyJson.allow("CreateHealthChecks", UNTAGGED_CREATES, List.of("*")));
        statements.add(PolicyJson.allow("ManageTables", List.of(
                        "dynamodb:CreateTable", "dynamodb:UpdateTable", "dynamodb:DeleteTable",
                        "dynamodb:UpdateContinuousBackups", "dynamodb:UpdateTimeToLive",
                        "dynamodb:TagResource", "dynamodb:UntagResource",
                        "dynamodb:CreateTableReplica", "dynamodb:DeleteTableReplica",
                        "dynamodb:DescribeStream", "dynamodb:ListStreams",
                        // AWS requires these item-level rights of whoever adds a replica to a global table.
                        "dynamodb:Scan", "dynamodb:Query", "dynamodb:GetItem", "dynamodb:PutItem",
                        "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"),
                regional("dynamodb", "table/" + project + "-*")));
        statements.add(PolicyJson.allow("ManageFunctions", List.of(
                        "lambda:CreateFunction", "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration",
                        "lambda:DeleteFunction", "lambda:GetFunction", "lambda:GetFunctionConfiguration",
                        "lambda:GetFunctionCodeSigningConfig", "lambda:GetRuntimeManagementConfig",
                        "lambda:GetPolicy", "lambda:AddPermission", "lambda:RemovePermission",
                        "lambda:PublishVersion", "lambda:CreateAlias", "lambda:UpdateAlias", "lambda:DeleteAlias",
                        "lambda:GetAlias", "lambda:TagResource", "lambda:UntagResource"),
                regional("lambda", "function:" + project + "-*")));
        // Event source mappings get ids from AWS; they are confined to the account and the stacks' regions.
        statements.add(PolicyJson.allow("ManageStreamMappings", List.of(
                        "lambda:CreateEventSourceMapping", "lambda:UpdateEventSourceMapping",
                        "lambda:DeleteEventSourceMapping", "lambda:GetEventSourceMapping"),
                regional("lambda", "event-source-mapping:*")));
        statements.add(PolicyJson.allow("ManageRoles", List.of(
                        "iam:CreateRole", "iam:DeleteRole", "iam:GetRole", "iam:UpdateRole",
                        "iam:UpdateAssumeRolePolicy", "iam:TagRole", "iam:UntagRole",
                        "iam:PutRolePolicy", "iam:GetRolePolicy", "iam:DeleteRolePolicy",
                        "iam:ListInstanceProfilesForRole"),
                List.of(role(project + "-*"))));
        statements.add(PolicyJson.statement("PassRolesToTheirServices", "Allow", List.of("iam:PassRole"),
                List.of(role(project + "-*")),
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
        statements.add(PolicyJson.allow("ManageLogGroups", List.of(
                        "logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:PutRetentionPolicy",
                        "logs:DeleteRetentionPolicy", "logs:AssociateKmsKey", "logs:DisassociateKmsKey",
                        "logs:TagResource", "logs:UntagResource", "logs:TagLogGroup", "logs:UntagLogGroup"),
                concat(regional("logs", "log-group:/aws/lambda/" + project + "-*"),
                        regional("logs", "log-group:/aws/apigateway/" + project + "-*"),
                        regional("logs", "log-group:/aws/codebuild/" + project + "-*"),
                        regional("logs", "log-group:/aws/ecs/" + project + "-*"))));
        // HTTP API access logging is set up through log deliveries, which have no ARN of their own.
        statements.add(PolicyJson.allow("DeliverApiAccessLogs", List.of(
                        "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery",
                        "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy"),
                regional("logs", "*")));
        statements.add(PolicyJson.allow("ManageBuckets", List.of(
                        "s3:CreateBucket", "s3:DeleteBucket", "s3:ListBucket", "s3:ListBucketVersions",
                        "s3:GetBucket*", "s3:PutBucket*", "s3:DeleteBucketPolicy", "s3:DeleteBucketOwnershipControls",
                        "s3:Get*Configuration", "s3:Put*Configuration", "s3:GetAccelerateConfiguration",
                        "s3:GetObject", "s3:GetObjectTagging", "s3:PutObject", "s3:PutObjectTagging",
                        "s3:DeleteObject", "s3:DeleteObjectVersion"),
                List.of("arn:aws:s3:::" + project + "-*", "arn:aws:s3:::" + project + "-*/*")));
        statements.add(PolicyJson.allow("ManageQueuesTopicsAndAlarms", List.of(
                        "sqs:CreateQueue", "sqs:DeleteQueue", "sqs:GetQueueAttributes", "sqs:SetQueueAttributes",
                        "sqs:GetQueueUrl", "sqs:TagQueue", "sqs:UntagQueue",
                        "sns:CreateTopic", "sns:DeleteTopic", "sns:GetTopicAttributes", "sns:SetTopicAttributes",
                        "sns:Subscribe", "sns:Unsubscribe", "sns:GetSubscriptionAttributes",
                        "sns:SetSubscriptionAttributes", "sns:TagResource", "sns:UntagResource",
                        "cloudwatch:PutMetricAlarm", "cloudwatch:DeleteAlarms", "cloudwatch:TagResource",
                        "cloudwatch:UntagResource"),
                concat(regional("sqs", project + "-*"), regional("sns", project + "-*"),
                        regional("cloudwatch", "alarm:" + project + "-*"))));
        statements.add(PolicyJson.allow("ManageCache", List.of(
                        "elasticache:CreateReplicationGroup", "elasticache:ModifyReplicationGroup",
                        "elasticache:DeleteReplicationGroup", "elasticache:CreateCacheSubnetGroup",
                        "elasticache:ModifyCacheSubnetGroup", "elasticache:DeleteCacheSubnetGroup",
                        "elasticache:AddTagsToResource", "elasticache:RemoveTagsFromResource"),
                concat(regional("elasticache", "replicationgroup:" + project + "-*"),
                        regional("elasticache", "cluster:" + project + "-*"),
                        regional("elasticache", "subnetgroup:" + project + "-*"),
                        // AWS's default parameter groups and user, which a replication group refers to.
                        regional("elasticache", "parametergroup:default.*"),
                        regional("elasticache", "user:default"))));
        statements.add(PolicyJson.allow("ManageHttpApis", List.of(
                        "apigateway:GET", "apigateway:POST", "apigateway:PUT", "apigateway:PATCH", "apigateway:DELETE"),
                concat(apiGateway("/apis"), apiGateway("/apis/*"), apiGateway("/domainnames"),
                        apiGateway("/domainnames/*"), apiGateway("/tags/*"))));
        statements.add(PolicyJson.statement("CreateTaggedNetwork", "Allow", List.of(
                        "ec2:CreateVpc", "ec2:CreateSubnet", "ec2:CreateRouteTable", "ec2:CreateSecurityGroup",
                        "ec2:CreateVpcEndpoint", "ec2:AuthorizeSecurityGroupIngress",
                        "ec2:AuthorizeSecurityGroupEgress", "ec2:CreateTags"),
                regional("ec2", "*"), Map.of("Condition", projectTag("aws:RequestTag/project"))));
        statements.add(PolicyJson.statement("ManageTaggedNetwork", "Allow", List.of(
                        "ec2:DeleteVpc", "ec2:ModifyVpcAttribute", "ec2:DeleteSubnet", "ec2:ModifySubnetAttribute",
                        "ec2:DeleteRouteTable", "ec2:AssociateRouteTable", "ec2:DisassociateRouteTable",
                        "ec2:CreateRoute", "ec2:ReplaceRoute", "ec2:DeleteRoute", "ec2:DeleteSecurityGroup",
                        "ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress",
                        "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress",
                        "ec2:ModifySecurityGroupRules", "ec2:ModifyVpcEndpoint", "ec2:DeleteVpcEndpoints",
                        "ec2:CreateTags", "ec2:DeleteTags"),
                regional("ec2", "*"), Map.of("Condition", projectTag("aws:ResourceTag/project"))));
        statements.add(PolicyJson.statement("ManageTaggedKeysPoolsAndCertificates", "Allow", List.of(
                        "kms:GetKeyPolicy", "kms:PutKeyPolicy", "kms:GetKeyRotationStatus", "kms:EnableKeyRotation",
                        "kms:UpdateKeyDescription", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion",
                        "kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias",
                        "cognito-idp:UpdateUserPool", "cognito-idp:DeleteUserPool", "cognito-idp:GetUserPoolMfaConfig",
                        "cognito-idp:SetUserPoolMfaConfig", "cognito-idp:CreateUserPoolClient",
                        "cognito-idp:UpdateUserPoolClient", "cognito-idp:DeleteUserPoolClient",
                        "cognito-idp:TagResource", "cognito-idp:UntagResource",
                        "acm:DeleteCertificate", "acm:AddTagsToCertificate", "acm:RemoveTagsFromCertificate"),
                concat(regional("kms", "key/*"), regional("cognito-idp", "userpool/*"), regional("acm", "certificate/*")),
                Map.of("Condition", projectTag("aws:ResourceTag/project"))));
        statements.add(PolicyJson.allow("ManageKeyAliases", List.of("kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"),
                regional("kms", "alias/" + project + "-*")));
        statements.add(PolicyJson.allow("ManageDistribution", List.of(
                        "cloudfront:CreateDistribution", "cloudfront:UpdateDistribution", "cloudfront:DeleteDistribution",
                        "cloudfront:GetDistribution", "cloudfront:GetDistributionConfig", "cloudfront:TagResource",
                        "cloudfront:UntagResource", "cloudfront:CreateOriginAccessControl",
                        "cloudfront:GetOriginAccessControl", "cloudfront:UpdateOriginAccessControl",
                        "cloudfront:DeleteOriginAccessControl", "cloudfront:GetCachePolicy",
                        "cloudfront:GetResponseHeadersPolicy"),
                List.of(cloudFront("distribution/*"), cloudFront("origin-access-control/*"),
                        cloudFront("cache-policy/*"), cloudFront("response-headers-policy/*"))));
        List<Object> dns = new ArrayList<>(List.of("arn:aws:route53:::healthcheck/*", "arn:aws:route53:::change/*"));
        hostedZoneId.ifPresent(zone -> dns.add("arn:aws:route53:::hostedzone/" + zone));
        statements.add(PolicyJson.allow("ManageFailoverDns", List.of(
                        "route53:GetHostedZone", "route53:ChangeResourceRecordSets", "route53:GetChange",
                        "route53:GetHealthCheck", "route53:UpdateHealthCheck", "route53:DeleteHealthCheck",
                        "route53:ChangeTagsForResource"),
                dns));
        statements.add(PolicyJson.allow("ManagePipeline", List.of(
                        "codebuild:CreateProject", "codebuild:UpdateProject", "codebuild:DeleteProject",
                        "codebuild:BatchGetProjects",
                        "codepipeline:CreatePipeline", "codepipeline:UpdatePipeline", "codepipeline:DeletePipeline",
                        "codepipeline:GetPipeline", "codepipeline:TagResource", "codepipeline:UntagResource",
                        "codepipeline:ListTagsForResource",
                        "codestar-connections:CreateConnection", "codestar-connections:GetConnection",
                        "codestar-connections:DeleteConnection", "codestar-connections:TagResource",
                        "codestar-connections:UntagResource", "codestar-connections:ListTagsForResource",
                        "codestar-connections:PassConnection"),
                concat(regional("codebuild", "project/" + project + "-*"), regional("codepipeline", project + "-*"),
                        regional("codestar-connections", "connection/*"))));
        statements.add(PolicyJson.allow("ManageFaultSwitch", List.of(
                        "ssm:PutParameter", "ssm:DeleteParameter", "ssm:GetParameter", "ssm:GetParameters",
                        "ssm:AddTagsToResource", "ssm:RemoveTagsFromResource", "ssm:ListTagsForResource"),
                regional("ssm", "parameter/" + project + "/*")));
        statements.addAll(blog());
        statements.addAll(state(true));
        return statements;
    }

    /**
     * The blog (issue 8): Aurora global database, WordPress on ECS behind a load balancer, EFS uploads, the
     * credentials secret and the ECR pull-through cache. Named resources are scoped by name; what AWS names
     * (file systems, load balancer listeners and rules, internet gateways) by the project tag.
     */
    private List<Map<String, Object>> blog() {
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(PolicyJson.allow("ManageBlogDatabase", List.of(
                        "rds:CreateGlobalCluster", "rds:ModifyGlobalCluster", "rds:DeleteGlobalCluster",
                        "rds:RemoveFromGlobalCluster", "rds:CreateDBCluster", "rds:ModifyDBCluster",
                        "rds:DeleteDBCluster", "rds:CreateDBInstance", "rds:ModifyDBInstance", "rds:DeleteDBInstance",
                        "rds:CreateDBSubnetGroup", "rds:ModifyDBSubnetGroup", "rds:DeleteDBSubnetGroup",
                        "rds:AddTagsToResource", "rds:RemoveTagsFromResource", "rds:CreateDBClusterSnapshot"),
                concat(regional("rds", "cluster:" + project + "-*"), regional("rds", "db:" + project + "-*"),
                        regional("rds", "subgrp:" + project + "-*"), regional("rds", "cluster-snapshot:" + project + "-*"),
                        regional("rds", "cluster-pg:default.*"), regional("rds", "pg:default.*"),
                        List.of(accountId.applyValue(account -> "arn:aws:rds::" + account + ":global-cluster:" + project + "-*")))));
        statements.add(PolicyJson.allow("ManageBlogSecret", List.of(
                        "secretsmanager:CreateSecret", "secretsmanager:DeleteSecret", "secretsmanager:UpdateSecret",
                        "secretsmanager:PutSecretValue", "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret",
                        "secretsmanager:ReplicateSecretToRegions", "secretsmanager:RemoveRegionsFromReplication",
                        "secretsmanager:TagResource", "secretsmanager:UntagResource", "secretsmanager:GetResourcePolicy"),
                regional("secretsmanager", "secret:" + project + "-*")));
        statements.add(PolicyJson.allow("ManageBlogService", List.of(
                        "ecs:CreateCluster", "ecs:DeleteCluster", "ecs:UpdateClusterSettings", "ecs:PutClusterCapacityProviders",
                        "ecs:CreateService", "ecs:UpdateService", "ecs:DeleteService", "ecs:DescribeServices",
                        "ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition", "ecs:TagResource", "ecs:UntagResource",
                        "ecr:CreatePullThroughCacheRule", "ecr:DeletePullThroughCacheRule",
                        "ecr:UpdatePullThroughCacheRule"),
                concat(regional("ecs", "cluster/" + project + "-*"), regional("ecs", "service/" + project + "-*"),
                        regional("ecs", "task-definition/" + project + "-*"), regional("ecr", "repository/*"))));
        statements.add(PolicyJson.allow("ManageBlogLoadBalancer", List.of(
                        "elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:DeleteLoadBalancer",
                        "elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:SetSecurityGroups",
                        "elasticloadbalancing:SetSubnets", "elasticloadbalancing:CreateTargetGroup",
                        "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:ModifyTargetGroup",
                        "elasticloadbalancing:ModifyTargetGroupAttributes", "elasticloadbalancing:CreateListener",
                        "elasticloadbalancing:DeleteListener", "elasticloadbalancing:ModifyListener",
                        "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule",
                        "elasticloadbalancing:ModifyRule", "elasticloadbalancing:AddTags",
                        "elasticloadbalancing:RemoveTags"),
                concat(regional("elasticloadbalancing", "loadbalancer/app/" + project + "-*"),
                        regional("elasticloadbalancing", "targetgroup/" + project + "-*"),
                        regional("elasticloadbalancing", "listener/app/" + project + "-*"),
                        regional("elasticloadbalancing", "listener-rule/app/" + project + "-*"))));
        statements.add(PolicyJson.statement("ManageTaggedBlogStorageAndEdge", "Allow", List.of(
                        "elasticfilesystem:CreateFileSystem", "elasticfilesystem:DeleteFileSystem",
                        "elasticfilesystem:UpdateFileSystem", "elasticfilesystem:UpdateFileSystemProtection",
                        "elasticfilesystem:CreateMountTarget", "elasticfilesystem:DeleteMountTarget",
                        "elasticfilesystem:CreateAccessPoint", "elasticfilesystem:DeleteAccessPoint",
                        "elasticfilesystem:CreateReplicationConfiguration",
                        "elasticfilesystem:DeleteReplicationConfiguration", "elasticfilesystem:TagResource",
                        "elasticfilesystem:UntagResource",
                        "ec2:CreateInternetGateway", "ec2:AttachInternetGateway", "ec2:DetachInternetGateway",
                        "ec2:DeleteInternetGateway"),
                concat(regional("elasticfilesystem", "file-system/*"), regional("elasticfilesystem", "access-point/*"),
                        regional("ec2", "internet-gateway/*"), regional("ec2", "vpc/*")),
                Map.of("Condition", projectTag("aws:ResourceTag/project"))));
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

    /** {@code pulumi preview} of both stacks for a pull request: reads only. */
    public List<Map<String, Object>> preview() {
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(readMetadata());
        statements.addAll(state(false));
        return statements;
    }

    /** Secrets Manager names the project's variables resolve (CodeBuild reads them with the project's role). */
    public Map<String, Object> readSecrets(List<String> secretNames) {
        return PolicyJson.allow("ReadPipelineTokens", List.of("secretsmanager:GetSecretValue"),
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
                // A preview takes the stack's lock like an update does; that lock file is all it writes.
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

    private Map<String, Object> projectTag(String key) {
        return Map.of("StringEquals", Map.of(key, project));
    }

    private List<Object> regional(String service, String resource) {
        return regions.stream().<Object>map(region -> accountId.applyValue(account ->
                "arn:aws:" + service + ":" + region + ":" + account + ":" + resource)).toList();
    }

    private List<Object> apiGateway(String path) {
        return regions.stream().<Object>map(region -> "arn:aws:apigateway:" + region + "::" + path).toList();
    }

    private Output<String> role(String path) {
        return accountId.applyValue(account -> "arn:aws:iam::" + account + ":role/" + path);
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

    @SafeVarargs
    private static List<Object> concat(List<Object>... lists) {
        List<Object> all = new ArrayList<>();
        for (List<Object> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
