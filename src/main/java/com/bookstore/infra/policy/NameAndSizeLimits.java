package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names we set and the sizes we reach stay inside AWS's limits, each taken from the page named next to it:
 * a name AWS refuses fails the first {@code pulumi up} half-way, a rule count over the quota fails it later.
 * Names Pulumi generates (no explicit name input) are checked by the provider's auto-naming, not here, except IAM's
 * ({@link #IAM_NAMES}): a role or policy Pulumi names is its logical name, a hyphen and 7 random characters, and a
 * logical name too long for that fails at {@code pulumi up}. IAM's policy sizes have a rule of their own.
 */
public final class NameAndSizeLimits implements PolicyRule {

    /** A name input of a type: at most {@code max} characters matching {@code pattern}, per {@code source}. */
    record NameLimit(String type, String input, int max, String pattern, String source) {}

    private static final String ALNUM_HYPHEN = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    /** RDS identifiers: a letter first, letters, digits and single hyphens, no hyphen at the end. */
    private static final String RDS_IDENTIFIER = "[A-Za-z](?:-?[A-Za-z0-9])*";

    /**
     * 1011 characters including the ARN before the name: {@code arn:aws:ssm:} (12), a region (at most 14), {@code :},
     * the account (12) and {@code :parameter} (10).
     */
    private static final int SSM_NAME_MAX = 1011 - (12 + 14 + 1 + 12 + 10);

    static final List<NameLimit> NAMES = List.of(
            new NameLimit("aws:lambda/function:Function", "name", 64, "[A-Za-z0-9_-]+",
                    "Lambda API reference, CreateFunction: FunctionName"),
            new NameLimit("aws:lb/loadBalancer:LoadBalancer", "name", 32, ALNUM_HYPHEN,
                    "Elastic Load Balancing API reference, CreateLoadBalancer: Name"),
            new NameLimit("aws:lb/targetGroup:TargetGroup", "name", 32, ALNUM_HYPHEN,
                    "Elastic Load Balancing API reference, CreateTargetGroup: Name"),
            new NameLimit("aws:s3/bucketV2:BucketV2", "bucket", 63, "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]",
                    "Amazon S3 user guide, general purpose bucket naming rules (3-63 characters)"),
            new NameLimit("aws:cloudwatch/logGroup:LogGroup", "name", 512, "[A-Za-z0-9._/#-]+",
                    "CloudWatch Logs API reference, CreateLogGroup: logGroupName"),
            new NameLimit("aws:ssm/parameter:Parameter", "name", SSM_NAME_MAX,
                    "/?[A-Za-z0-9_.\\-/]+", "Systems Manager API reference, PutParameter: Name (1011 characters with the ARN before it)"),
            new NameLimit("aws:ecs/cluster:Cluster", "name", 255, "[A-Za-z0-9_-]+",
                    "Amazon ECS API reference, CreateCluster: clusterName"),
            new NameLimit("aws:ecs/service:Service", "name", 255, "[A-Za-z0-9_-]+",
                    "Amazon ECS API reference, CreateService: serviceName"),
            new NameLimit("aws:ecs/taskDefinition:TaskDefinition", "family", 255, "[A-Za-z0-9_-]+",
                    "Amazon ECS API reference, RegisterTaskDefinition: family"),
            new NameLimit("aws:rds/cluster:Cluster", "clusterIdentifier", 63, RDS_IDENTIFIER,
                    "Amazon RDS API reference, CreateDBCluster: DBClusterIdentifier"),
            new NameLimit("aws:rds/cluster:Cluster", "finalSnapshotIdentifier", 255, RDS_IDENTIFIER,
                    "Amazon RDS API reference, DeleteDBCluster: FinalDBSnapshotIdentifier"),
            new NameLimit("aws:rds/clusterInstance:ClusterInstance", "identifier", 63, RDS_IDENTIFIER,
                    "Amazon RDS API reference, CreateDBInstance: DBInstanceIdentifier"),
            new NameLimit("aws:rds/globalCluster:GlobalCluster", "globalClusterIdentifier", 63, RDS_IDENTIFIER,
                    "Amazon RDS API reference, CreateGlobalCluster: GlobalClusterIdentifier"),
            new NameLimit("aws:rds/subnetGroup:SubnetGroup", "name", 255, "[a-z0-9 ._-]+",
                    "Amazon RDS API reference, CreateDBSubnetGroup: DBSubnetGroupName (stored in lower case)"),
            new NameLimit("aws:elasticache/replicationGroup:ReplicationGroup", "replicationGroupId", 40, RDS_IDENTIFIER,
                    "ElastiCache API reference, CreateReplicationGroup: ReplicationGroupId"),
            new NameLimit("aws:secretsmanager/secret:Secret", "name", 512, "[A-Za-z0-9/_+=.@-]+",
                    "Secrets Manager API reference, CreateSecret: Name"),
            new NameLimit("aws:cloudfront/function:Function", "name", 64, "[A-Za-z0-9_-]+",
                    "CloudFront API reference, CreateFunction: Name"),
            new NameLimit("aws:cloudfront/originAccessControl:OriginAccessControl", "name", 64, ".+",
                    "CloudFront API reference, OriginAccessControlConfig: Name"),
            // The user pool goes through Cloud Control (multi-Region replication): CloudFormation's UserPoolName.
            new NameLimit("AWS::Cognito::UserPool", "UserPoolName", 128, "[\\w\\s+=,.@-]+",
                    "Amazon Cognito API reference, CreateUserPool: PoolName"),
            new NameLimit("aws:sqs/queue:Queue", "name", 80, "[A-Za-z0-9_-]+(\\.fifo)?",
                    "Amazon SQS API reference, CreateQueue: QueueName"),
            new NameLimit("aws:sns/topic:Topic", "name", 256, "[A-Za-z0-9_-]+(\\.fifo)?",
                    "Amazon SNS API reference, CreateTopic: Name"));

    /** IAM name characters: letters, digits and {@code +=,.@_-}; inline policy names exclude only {@code \/*?} and spaces. */
    private static final String IAM_NAME = "[\\w+=,.@-]+";
    private static final String IAM_QUOTAS = "IAM user guide, IAM and AWS STS quotas, \"IAM and AWS STS character limits\"";

    /**
     * IAM names and paths (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html): role names 64
     * characters, policy names 128, paths 512. Checked on the name AWS will hold, the auto-name when none is set.
     */
    static final List<NameLimit> IAM_NAMES = List.of(
            new NameLimit("aws:iam/role:Role", "name", 64, IAM_NAME, IAM_QUOTAS + ": role name"),
            new NameLimit("aws:iam/role:Role", "path", 512, "/(?:[\\x21-\\x7E]*/)?", IAM_QUOTAS + ": path"),
            new NameLimit("aws:iam/policy:Policy", "name", 128, IAM_NAME, IAM_QUOTAS + ": policy name"),
            new NameLimit("aws:iam/policy:Policy", "path", 512, "/(?:[\\x21-\\x7E]*/)?", IAM_QUOTAS + ": path"),
            new NameLimit("aws:iam/rolePolicy:RolePolicy", "name", 128, "[\\x21-\\x7E&&[^\\\\/*?]]+",
                    IAM_QUOTAS + ": policy name"));
    /** Pulumi's auto-name: the logical name, a hyphen and 7 random characters (Pulumi docs, "Resource names"). */
    static final int AUTO_NAME_SUFFIX = 8;

    /** Inbound or outbound rules per security group, default quota (Amazon VPC user guide, "Amazon VPC quotas"). */
    static final int RULES_PER_GROUP_AND_DIRECTION = 60;
    /** User tags per resource (Tagging AWS resources, "Tag naming limits and requirements"). */
    static final int TAGS_PER_RESOURCE = 50;
    /** Tags per S3 object (Amazon S3 user guide, "Categorizing your objects using tags"). */
    static final int TAGS_PER_OBJECT = 10;

    @Override
    public String id() {
        return "name-and-size-limits";
    }

    /** A provider type, or a CloudFormation type ({@code AWS::...}) created through Cloud Control. */
    private static List<PlannedResource> ofType(Plan plan, String type) {
        return type.startsWith("AWS::")
                ? plan.ofType(Inputs.CLOUD_CONTROL).stream().filter(r -> Inputs.isCloudControl(r, type)).toList()
                : plan.ofType(type);
    }

    private static java.util.Optional<String> name(PlannedResource r, String input) {
        return r.type().equals(Inputs.CLOUD_CONTROL)
                ? Inputs.desiredState(r).filter(state -> state.has(input)).map(state -> state.get(input).getAsString())
                : Inputs.string(r, input);
    }

    @Override
    public List<Violation> check(Plan plan) {
        List<Violation> violations = new ArrayList<>();
        for (NameLimit limit : NAMES) {
            for (PlannedResource r : ofType(plan, limit.type())) {
                name(r, limit.input()).ifPresent(name -> {
                    if (name.length() > limit.max()) {
                        violations.add(new Violation(id(), r.key(), limit.input() + " '" + name + "' has " + name.length()
                                + " characters, AWS allows " + limit.max() + " (" + limit.source() + ")"));
                    } else if (!name.matches(limit.pattern())) {
                        violations.add(new Violation(id(), r.key(), limit.input() + " '" + name
                                + "' has characters AWS does not allow there (" + limit.source() + ")"));
                    }
                });
            }
        }
        for (NameLimit limit : IAM_NAMES) {
            boolean named = limit.input().equals("name");
            for (PlannedResource r : plan.ofType(limit.type())) {
                var explicit = Inputs.string(r, limit.input());
                if (explicit.isEmpty() && !named) {
                    continue;
                }
                String name = explicit.orElse(r.name() + "-" + "x".repeat(AUTO_NAME_SUFFIX - 1));
                String what = explicit.isPresent() ? limit.input() + " '" + name + "'"
                        : "auto-name of '" + r.name() + "' (with Pulumi's 7-character suffix)";
                if (name.length() > limit.max()) {
                    violations.add(new Violation(id(), r.key(), what + " has " + name.length() + " characters, AWS allows "
                            + limit.max() + " (" + limit.source() + ")"));
                } else if (!name.matches(limit.pattern())) {
                    violations.add(new Violation(id(), r.key(), what + " has characters AWS does not allow there ("
                            + limit.source() + ")"));
                }
            }
        }
        Map<String, Integer> rules = new LinkedHashMap<>();
        for (PlannedResource r : plan.awsResources()) {
            String direction = switch (r.type()) {
                case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" -> "inbound";
                case "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule" -> "outbound";
                default -> null;
            };
            if (direction != null) {
                Inputs.string(r, "securityGroupId").ifPresent(group -> rules.merge(group + " " + direction, 1, Integer::sum));
            }
            if (RequiredTags.taggable(r.type())) {
                int max = r.type().equals("aws:s3/bucketObjectv2:BucketObjectv2") ? TAGS_PER_OBJECT : TAGS_PER_RESOURCE;
                int tags = RequiredTags.tagsOf(plan, r).size();
                if (tags > max) {
                    violations.add(new Violation(id(), r.key(), tags + " tags, AWS allows " + max + " per "
                            + (max == TAGS_PER_OBJECT ? "S3 object (Amazon S3 user guide, object tagging)"
                            : "resource (Tagging AWS resources, tag limits)")));
                }
            }
        }
        rules.forEach((groupAndDirection, count) -> {
            if (count > RULES_PER_GROUP_AND_DIRECTION) {
                violations.add(new Violation(id(), "security group " + groupAndDirection.split(" ")[0], count + " "
                        + groupAndDirection.split(" ")[1] + " rules, the default quota is " + RULES_PER_GROUP_AND_DIRECTION
                        + " (Amazon VPC user guide, Amazon VPC quotas: rules per security group)"));
            }
        });
        return violations;
    }
}
