package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlanMocks;
import com.bookstore.infra.plan.PlannedResource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What a deploy must be allowed to do with each resource type a plan may hold: the IAM actions with which the
 * provider creates, reads back, updates, tags and deletes it, each on the ARN the resource will have. Actions,
 * their resource types (none means {@code "*"}) and ARN formats are those of the Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html,
 * "Actions, resources, and condition keys for &lt;service&gt;"); which calls the provider makes for a resource is
 * from its documentation (the {@code com.pulumi:aws} 6.83.0 sources jar) and the AWS API references it names.
 * Where AWS generates an id, the ARN carries the plan's stand-in id, so only a grant on the ARN pattern (or the
 * project tag) covers it. A type missing here fails {@link DeployRoleCoversPlan}: whoever adds one declares it.
 */
final class DeployActions {

    /** One action a deploy takes, in a phase of the resource's life, on one ARN, with the request's condition keys. */
    record Need(String phase, String action, String resource, Map<String, List<String>> context) {
    }

    /** Stands in for the 7 random characters Pulumi's auto-naming appends after a hyphen. */
    static final String AUTO_NAME_SUFFIX = "-a1b2c3d";
    private static final String ACCOUNT = PlanMocks.ACCOUNT_ID;

    private static final Map<String, BiConsumer<Needs, PlannedResource>> TABLE = new LinkedHashMap<>();

    private DeployActions() {
    }

    /** The Region switch plan's own actions (list_arcregionswitch); its ARN is the Cloud Control identifier. */
    private static void regionSwitchPlan(Needs n, PlannedResource r) {
        String plan = r.id();
        n.global();
        n.create(plan, "arc-region-switch:CreatePlan", "arc-region-switch:TagResource");
        n.read(plan, "arc-region-switch:GetPlan", "arc-region-switch:ListTagsForResource");
        n.update(plan, "arc-region-switch:UpdatePlan");
        n.tag(plan, "arc-region-switch:TagResource", "arc-region-switch:UntagResource");
        n.delete(plan, "arc-region-switch:DeletePlan");
    }

    /**
     * The user pool through Cloud Control (list_amazoncognitouserpools, as the typed pool), and its customer-managed
     * key, which Cognito uses through a grant on the caller's behalf (unverified: docs/architecture.md#the-user-pool).
     */
    private static void cognitoUserPool(Needs n, PlannedResource r) {
        String arn = n.arn("cognito-idp", "userpool/" + r.id());
        n.star("create", "cognito-idp:CreateUserPool");
        n.read(arn, "cognito-idp:DescribeUserPool", "cognito-idp:GetUserPoolMfaConfig");
        n.update(arn, "cognito-idp:UpdateUserPool", "cognito-idp:SetUserPoolMfaConfig");
        n.tag(arn, "cognito-idp:TagResource", "cognito-idp:UntagResource");
        n.delete(arn, "cognito-idp:DeleteUserPool");
        Inputs.desiredState(r).map(state -> state.getAsJsonObject("KeyConfiguration"))
                .filter(key -> key != null && key.has("KmsKeyArn"))
                .ifPresent(key -> n.serviceKeyGrant(key.get("KmsKeyArn").getAsString()));
    }

    /**
     * CreateUserPoolReplica on the primary pool, and the right to create user pools in the target region, which
     * the API reference requires of its caller (CreateUserPoolReplica); read and delete by the pool's replicas.
     */
    private static void cognitoUserPoolReplica(Needs n) {
        var state = n.desired();
        String pool = state.get("UserPoolId").getAsString();
        String target = state.get("RegionName").getAsString();
        String arn = n.arn("cognito-idp", "userpool/" + pool);
        n.on("create", pool, arn, "cognito-idp:CreateUserPoolReplica");
        n.on("read", pool, arn, "cognito-idp:ListUserPoolReplicas");
        n.on("update", pool, arn, "cognito-idp:UpdateUserPoolReplica");
        n.on("delete", pool, arn, "cognito-idp:DeleteUserPoolReplica");
        String home = n.region;
        n.inRegion(target).star("create", "cognito-idp:CreateUserPool");
        n.inRegion(home);
    }

    static boolean knows(String type) {
        return TABLE.containsKey(type);
    }

    /** The needs of {@code r}, planned in {@code plan}; {@code plans} are every plan its references may point into. */
    static List<Need> of(PlannedResource r, Plan plan, List<Plan> plans) {
        Needs needs = new Needs(r, plan, plans);
        TABLE.get(r.type()).accept(needs, r);
        return needs.out;
    }

    private static void put(String type, BiConsumer<Needs, PlannedResource> needs) {
        TABLE.put(type, needs);
    }

    static {
        // ACM (list_awscertificatemanager): RequestCertificate has no resource type.
        put("aws:acm/certificate:Certificate", (n, r) -> {
            String arn = n.arn("acm", "certificate/" + r.id());
            n.star("create", "acm:RequestCertificate");
            n.read(arn, "acm:DescribeCertificate", "acm:ListTagsForCertificate");
            n.tag(arn, "acm:AddTagsToCertificate", "acm:RemoveTagsFromCertificate");
            n.delete(arn, "acm:DeleteCertificate");
        });
        put("aws:acm/certificateValidation:CertificateValidation", (n, r) ->
                n.on("create", n.input("certificateArn"), n.input("certificateArn"), "acm:DescribeCertificate"));

        // API Gateway (list_amazonapigatewaymanagementv2): HTTP verbs on resource paths; a create POSTs to the collection.
        put("aws:apigatewayv2/api:Api", (n, r) -> n.apiGateway("/apis", r.id(), true));
        put("aws:apigatewayv2/apiMapping:ApiMapping", (n, r) ->
                n.apiGateway("/domainnames/" + n.input("domainName") + "/apimappings", r.id(), false));
        put("aws:apigatewayv2/authorizer:Authorizer", (n, r) ->
                n.apiGateway("/apis/" + n.input("apiId") + "/authorizers", r.id(), false));
        put("aws:apigatewayv2/domainName:DomainName", (n, r) -> n.apiGateway("/domainnames", r.id(), true));
        put("aws:apigatewayv2/integration:Integration", (n, r) ->
                n.apiGateway("/apis/" + n.input("apiId") + "/integrations", r.id(), false));
        put("aws:apigatewayv2/route:Route", (n, r) -> n.apiGateway("/apis/" + n.input("apiId") + "/routes", r.id(), false));
        put("aws:apigatewayv2/stage:Stage", (n, r) -> {
            n.apiGateway("/apis/" + n.input("apiId") + "/stages", n.input("name"), false);
            if (Inputs.at(r, "accessLogSettings.destinationArn").isPresent()) {
                // HTTP API access logs are a CloudWatch Logs delivery, whose actions have no resource type.
                n.star("create", "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:ListLogDeliveries",
                        "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups");
                n.star("update", "logs:UpdateLogDelivery");
                n.star("delete", "logs:DeleteLogDelivery");
            }
        });

        // Cloud Control (list_awscloudcontrolapi), which calls the type's handler with the caller's credentials:
        // each type adds its own service's actions.
        put("aws:cloudcontrol/resource:Resource", (n, r) -> {
            n.star("create", "cloudformation:CreateResource", "cloudformation:GetResourceRequestStatus");
            n.star("read", "cloudformation:GetResource");
            n.star("update", "cloudformation:UpdateResource");
            n.star("delete", "cloudformation:DeleteResource");
            switch (n.input("typeName")) {
                case "AWS::Cognito::UserPool" -> cognitoUserPool(n, r);
                case "AWS::Cognito::UserPoolReplica" -> cognitoUserPoolReplica(n);
                case "AWS::ARCRegionSwitch::Plan" -> regionSwitchPlan(n, r);
                default -> throw new IllegalStateException(r.key() + ": no deploy actions for Cloud Control type "
                        + n.input("typeName") + "; declare them in DeployActions");
            }
        });

        // CloudFront (list_amazoncloudfront): global; a distribution with tags is CreateDistributionWithTags.
        put("aws:cloudfront/distribution:Distribution", (n, r) -> {
            n.global();
            String arn = n.globalArn("cloudfront", "distribution/" + r.id());
            n.create(arn, "cloudfront:CreateDistribution", "cloudfront:TagResource");
            n.read(arn, "cloudfront:GetDistribution", "cloudfront:ListTagsForResource");
            n.update(arn, "cloudfront:UpdateDistribution", "cloudfront:GetDistributionConfig");
            n.tag(arn, "cloudfront:TagResource", "cloudfront:UntagResource");
            n.delete(arn, "cloudfront:UpdateDistribution", "cloudfront:DeleteDistribution");
        });
        put("aws:cloudfront/function:Function", (n, r) -> {
            n.global();
            String arn = n.globalArn("cloudfront", "function/" + n.name("name"));
            n.create(arn, "cloudfront:CreateFunction", "cloudfront:PublishFunction");
            n.read(arn, "cloudfront:DescribeFunction", "cloudfront:GetFunction");
            n.update(arn, "cloudfront:UpdateFunction", "cloudfront:PublishFunction");
            n.delete(arn, "cloudfront:DeleteFunction");
        });
        put("aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy", (n, r) -> {
            n.global();
            String arn = n.globalArn("cloudfront", "response-headers-policy/" + r.id());
            n.create(arn, "cloudfront:CreateResponseHeadersPolicy");
            n.read(arn, "cloudfront:GetResponseHeadersPolicy");
            n.update(arn, "cloudfront:UpdateResponseHeadersPolicy");
            n.delete(arn, "cloudfront:DeleteResponseHeadersPolicy");
        });
        // AWS WAF (list_awswafv2): a web ACL's ARN names its scope, "global" (CloudFront's, in us-east-1) or
        // "regional"; an association needs AssociateWebACL on both the ACL and the protected resource, and the
        // protected service's own permission (AWS WAF Developer Guide, "Associating a web ACL").
        put("aws:wafv2/webAcl:WebAcl", (n, r) -> {
            String scope = "CLOUDFRONT".equals(n.input("scope")) ? "global" : "regional";
            String arn = n.arn("wafv2", scope + "/webacl/" + n.name("name") + "/" + r.id());
            n.create(arn, "wafv2:CreateWebACL", "wafv2:TagResource");
            n.read(arn, "wafv2:GetWebACL", "wafv2:ListTagsForResource");
            n.update(arn, "wafv2:UpdateWebACL");
            n.tag(arn, "wafv2:TagResource", "wafv2:UntagResource");
            n.delete(arn, "wafv2:GetWebACL", "wafv2:DeleteWebACL");
        });
        put("aws:wafv2/webAclAssociation:WebAclAssociation", (n, r) -> {
            String acl = n.input("webAclArn");
            String target = n.input("resourceArn");
            String service = target.contains(":cognito-idp:")
                    ? "cognito-idp" : "elasticloadbalancing";
            List<String> associate = service.equals("cognito-idp")
                    ? List.of("cognito-idp:AssociateWebACL") : List.of("elasticloadbalancing:SetWebAcl");
            List<String> read = service.equals("cognito-idp")
                    ? List.of("cognito-idp:GetWebACLForResource") : List.of();
            List<String> disassociate = service.equals("cognito-idp")
                    ? List.of("cognito-idp:DisassociateWebACL") : List.of("elasticloadbalancing:SetWebAcl");
            n.on("create", acl, acl, "wafv2:AssociateWebACL");
            n.on("create", target, target, "wafv2:AssociateWebACL");
            n.on("create", target, target, associate.toArray(String[]::new));
            n.on("read", target, target, "wafv2:GetWebACLForResource");
            if (!read.isEmpty()) {
                n.on("read", target, target, read.toArray(String[]::new));
            }
            n.on("delete", target, target, "wafv2:DisassociateWebACL");
            n.on("delete", target, target, disassociate.toArray(String[]::new));
        });
        put("aws:cloudfront/originAccessControl:OriginAccessControl", (n, r) -> {
            n.global();
            String arn = n.globalArn("cloudfront", "origin-access-control/" + r.id());
            n.create(arn, "cloudfront:CreateOriginAccessControl");
            n.read(arn, "cloudfront:GetOriginAccessControl");
            n.update(arn, "cloudfront:UpdateOriginAccessControl");
            n.delete(arn, "cloudfront:DeleteOriginAccessControl");
        });

        // CloudWatch Logs (list_amazoncloudwatchlogs) and CloudWatch (list_amazoncloudwatch).
        put("aws:cloudwatch/logGroup:LogGroup", (n, r) -> {
            String arn = n.arn("logs", "log-group:" + n.name("name"));
            n.create(arn, "logs:CreateLogGroup", "logs:TagResource", "logs:PutRetentionPolicy");
            n.read(arn, "logs:ListTagsForResource");
            n.star("read", "logs:DescribeLogGroups");
            n.update(arn, "logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy");
            if (r.inputs().containsKey("kmsKeyId")) {
                n.create(arn, "logs:AssociateKmsKey");
                n.update(arn, "logs:DisassociateKmsKey");
            }
            n.tag(arn, "logs:TagResource", "logs:UntagResource");
            n.delete(arn, "logs:DeleteLogGroup");
        });
        put("aws:cloudwatch/metricAlarm:MetricAlarm", (n, r) -> {
            String arn = n.arn("cloudwatch", "alarm:" + n.name("name"));
            n.create(arn, "cloudwatch:PutMetricAlarm", "cloudwatch:TagResource");
            n.read(arn, "cloudwatch:DescribeAlarms", "cloudwatch:ListTagsForResource");
            n.update(arn, "cloudwatch:PutMetricAlarm");
            n.tag(arn, "cloudwatch:TagResource", "cloudwatch:UntagResource");
            n.delete(arn, "cloudwatch:DeleteAlarms");
        });

        put("aws:cloudwatch/compositeAlarm:CompositeAlarm", (n, r) -> {
            String arn = n.arn("cloudwatch", "alarm:" + n.input("alarmName"));
            n.create(arn, "cloudwatch:PutCompositeAlarm", "cloudwatch:TagResource");
            n.read(arn, "cloudwatch:DescribeAlarms", "cloudwatch:ListTagsForResource");
            n.update(arn, "cloudwatch:PutCompositeAlarm");
            n.tag(arn, "cloudwatch:TagResource", "cloudwatch:UntagResource");
            n.delete(arn, "cloudwatch:DeleteAlarms");
        });
        // Dashboards have no region in their ARN and take no tags.
        put("aws:cloudwatch/dashboard:Dashboard", (n, r) -> {
            String arn = n.globalArn("cloudwatch", "dashboard/" + n.input("dashboardName"));
            n.create(arn, "cloudwatch:PutDashboard");
            n.read(arn, "cloudwatch:GetDashboard");
            n.update(arn, "cloudwatch:PutDashboard");
            n.delete(arn, "cloudwatch:DeleteDashboards");
        });

        // CloudWatch Synthetics (list_amazoncloudwatchsynthetics). The provider creates, starts, reads, stops and deletes
        // the canary; Synthetics creates and deletes the canary's function and layers (cwsyn-<canary>-<id>) with the
        // caller's rights, which CloudWatchSyntheticsFullAccess grants on cwsyn-*; CreateCanary checks the caller can
        // locate the artifact bucket. The function's id stands in as the plan's id.
        put("aws:synthetics/canary:Canary", (n, r) -> {
            String canary = n.input("name");
            String arn = n.arn("synthetics", "canary:" + canary);
            n.create(arn, "synthetics:CreateCanary", "synthetics:TagResource", "synthetics:StartCanary");
            n.read(arn, "synthetics:GetCanary", "synthetics:ListTagsForResource");
            n.update(arn, "synthetics:UpdateCanary", "synthetics:StartCanary", "synthetics:StopCanary");
            n.tag(arn, "synthetics:TagResource", "synthetics:UntagResource");
            n.delete(arn, "synthetics:StopCanary", "synthetics:DeleteCanary");
            n.passRole("executionRoleArn", "lambda.amazonaws.com");
            String bucket = n.input("artifactS3Location").replaceFirst("^s3://", "").split("/")[0];
            n.untagged("create", "arn:aws:s3:::" + bucket, "s3:GetBucketLocation");
            String function = n.arn("lambda", "function:cwsyn-" + canary + "-" + r.id());
            String layer = n.arn("lambda", "layer:cwsyn-" + canary + "-" + r.id());
            n.untagged("create", function, "lambda:CreateFunction", "lambda:AddPermission", "lambda:PublishVersion",
                    "lambda:UpdateFunctionConfiguration", "lambda:GetFunctionConfiguration");
            n.untagged("create", layer, "lambda:PublishLayerVersion");
            n.untagged("create", layer + ":1", "lambda:GetLayerVersion");
            n.untagged("update", function, "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration",
                    "lambda:PublishVersion", "lambda:GetFunctionConfiguration");
            n.untagged("update", layer, "lambda:PublishLayerVersion");
            n.untagged("delete", function, "lambda:DeleteFunction");
            n.untagged("delete", layer + ":1", "lambda:DeleteLayerVersion");
        });

        // The pipeline (list_awscodebuild, list_awscodepipeline, list_awscodeconnections).
        put("aws:codebuild/project:Project", (n, r) -> {
            String arn = n.arn("codebuild", "project/" + n.name("name"));
            n.create(arn, "codebuild:CreateProject");
            n.read(arn, "codebuild:BatchGetProjects");
            n.update(arn, "codebuild:UpdateProject");
            n.delete(arn, "codebuild:DeleteProject");
            n.passRole("serviceRole", "codebuild.amazonaws.com");
        });
        put("aws:codepipeline/pipeline:Pipeline", (n, r) -> {
            String arn = n.arn("codepipeline", n.name("name"));
            n.create(arn, "codepipeline:CreatePipeline", "codepipeline:TagResource");
            n.read(arn, "codepipeline:GetPipeline", "codepipeline:ListTagsForResource");
            n.update(arn, "codepipeline:UpdatePipeline");
            n.tag(arn, "codepipeline:TagResource", "codepipeline:UntagResource");
            n.delete(arn, "codepipeline:DeletePipeline");
            n.passRole("roleArn", "codepipeline.amazonaws.com");
        });
        put("aws:codestarconnections/connection:Connection", (n, r) -> {
            String arn = r.id();
            n.create(arn, "codestar-connections:CreateConnection", "codestar-connections:TagResource");
            n.read(arn, "codestar-connections:GetConnection", "codestar-connections:ListTagsForResource");
            n.tag(arn, "codestar-connections:TagResource", "codestar-connections:UntagResource");
            n.delete(arn, "codestar-connections:DeleteConnection");
        });

        // Cognito user pools (list_amazoncognitouserpools): CreateUserPool has no resource type.
        put("aws:cognito/userPool:UserPool", (n, r) -> {
            String arn = n.arn("cognito-idp", "userpool/" + r.id());
            n.star("create", "cognito-idp:CreateUserPool");
            n.read(arn, "cognito-idp:DescribeUserPool", "cognito-idp:GetUserPoolMfaConfig");
            n.update(arn, "cognito-idp:UpdateUserPool", "cognito-idp:SetUserPoolMfaConfig");
            n.tag(arn, "cognito-idp:TagResource", "cognito-idp:UntagResource");
            n.delete(arn, "cognito-idp:DeleteUserPool");
        });
        put("aws:cognito/userPoolClient:UserPoolClient", (n, r) -> {
            String pool = n.input("userPoolId");
            String arn = n.arn("cognito-idp", "userpool/" + pool);
            n.on("create", pool, arn, "cognito-idp:CreateUserPoolClient");
            n.on("read", pool, arn, "cognito-idp:DescribeUserPoolClient");
            n.on("update", pool, arn, "cognito-idp:UpdateUserPoolClient");
            n.on("delete", pool, arn, "cognito-idp:DeleteUserPoolClient");
        });

        // DynamoDB (list_amazondynamodb); a replica is added by the table's region and created in its own.
        put("aws:dynamodb/table:Table", (n, r) -> {
            String arn = n.arn("dynamodb", "table/" + n.name("name"));
            n.create(arn, "dynamodb:CreateTable", "dynamodb:TagResource", "dynamodb:UpdateContinuousBackups");
            n.read(arn, "dynamodb:DescribeTable", "dynamodb:DescribeContinuousBackups", "dynamodb:DescribeTimeToLive",
                    "dynamodb:ListTagsOfResource");
            n.update(arn, "dynamodb:UpdateTable", "dynamodb:UpdateContinuousBackups", "dynamodb:UpdateTimeToLive");
            n.tag(arn, "dynamodb:TagResource", "dynamodb:UntagResource");
            n.delete(arn, "dynamodb:DeleteTable");
        });
        put("aws:dynamodb/tableReplica:TableReplica", (n, r) -> {
            String global = n.input("globalTableArn");
            String table = global.substring(global.lastIndexOf('/') + 1);
            String replica = n.arn("dynamodb", "table/" + table);
            String source = global.split(":")[3];
            n.inRegion(source).on("create", global, global, "dynamodb:UpdateTable", "dynamodb:CreateTableReplica",
                    "dynamodb:DescribeTable");
            n.inRegion(r.region()).create(replica, "dynamodb:CreateTableReplica", "dynamodb:TagResource");
            n.read(replica, "dynamodb:DescribeTable", "dynamodb:DescribeContinuousBackups", "dynamodb:ListTagsOfResource");
            n.update(replica, "dynamodb:UpdateTable", "dynamodb:UpdateContinuousBackups");
            n.tag(replica, "dynamodb:TagResource", "dynamodb:UntagResource");
            n.inRegion(source).on("delete", global, global, "dynamodb:UpdateTable", "dynamodb:DeleteTableReplica");
            n.inRegion(r.region()).delete(replica, "dynamodb:DeleteTableReplica");
        });

        // EC2 and VPC (list_amazonec2): every id is AWS's; creates are tagged in the request.
        put("aws:ec2/vpc:Vpc", (n, r) -> {
            String arn = n.arn("ec2", "vpc/" + r.id());
            n.create(arn, "ec2:CreateVpc", "ec2:CreateTags");
            // The provider reads the VPC's default network ACL, route table and security group back.
            n.star("read", "ec2:DescribeVpcs", "ec2:DescribeVpcAttribute", "ec2:DescribeNetworkAcls",
                    "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroups");
            n.update(arn, "ec2:ModifyVpcAttribute");
            n.tag(arn, "ec2:CreateTags", "ec2:DeleteTags");
            n.delete(arn, "ec2:DeleteVpc");
        });
        put("aws:ec2/subnet:Subnet", (n, r) -> {
            String arn = n.arn("ec2", "subnet/" + r.id());
            n.create(arn, "ec2:CreateSubnet", "ec2:CreateTags");
            n.parent("create", "vpcId", "vpc", "ec2:CreateSubnet");
            n.star("read", "ec2:DescribeSubnets");
            n.update(arn, "ec2:ModifySubnetAttribute");
            n.tag(arn, "ec2:CreateTags", "ec2:DeleteTags");
            n.delete(arn, "ec2:DeleteSubnet");
        });
        put("aws:ec2/internetGateway:InternetGateway", (n, r) -> {
            String arn = n.arn("ec2", "internet-gateway/" + r.id());
            n.create(arn, "ec2:CreateInternetGateway", "ec2:CreateTags");
            n.update(arn, "ec2:AttachInternetGateway");
            n.parent("update", "vpcId", "vpc", "ec2:AttachInternetGateway", "ec2:DetachInternetGateway");
            n.star("read", "ec2:DescribeInternetGateways");
            n.tag(arn, "ec2:CreateTags", "ec2:DeleteTags");
            n.delete(arn, "ec2:DetachInternetGateway", "ec2:DeleteInternetGateway");
        });
        put("aws:ec2/routeTable:RouteTable", (n, r) -> {
            String arn = n.arn("ec2", "route-table/" + r.id());
            n.create(arn, "ec2:CreateRouteTable", "ec2:CreateTags");
            n.parent("create", "vpcId", "vpc", "ec2:CreateRouteTable");
            n.star("read", "ec2:DescribeRouteTables");
            n.tag(arn, "ec2:CreateTags", "ec2:DeleteTags");
            n.delete(arn, "ec2:DeleteRouteTable");
        });
        put("aws:ec2/route:Route", (n, r) -> {
            n.parent("create", "routeTableId", "route-table", "ec2:CreateRoute");
            n.star("read", "ec2:DescribeRouteTables");
            n.parent("update", "routeTableId", "route-table", "ec2:ReplaceRoute");
            n.parent("delete", "routeTableId", "route-table", "ec2:DeleteRoute");
        });
        put("aws:ec2/routeTableAssociation:RouteTableAssociation", (n, r) -> {
            n.parent("create", "routeTableId", "route-table", "ec2:AssociateRouteTable");
            n.parent("create", "subnetId", "subnet", "ec2:AssociateRouteTable");
            n.star("read", "ec2:DescribeRouteTables");
            n.parent("update", "routeTableId", "route-table", "ec2:ReplaceRouteTableAssociation");
            n.parent("delete", "routeTableId", "route-table", "ec2:DisassociateRouteTable");
        });
        put("aws:ec2/securityGroup:SecurityGroup", (n, r) -> {
            String arn = n.arn("ec2", "security-group/" + r.id());
            n.create(arn, "ec2:CreateSecurityGroup", "ec2:CreateTags");
            n.parent("create", "vpcId", "vpc", "ec2:CreateSecurityGroup");
            // The provider revokes the default allow-all egress rule of a new VPC security group.
            n.update(arn, "ec2:RevokeSecurityGroupEgress");
            n.star("read", "ec2:DescribeSecurityGroups");
            n.tag(arn, "ec2:CreateTags", "ec2:DeleteTags");
            n.delete(arn, "ec2:DeleteSecurityGroup");
        });
        put("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", (n, r) -> n.securityGroupRule("Ingress"));
        put("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", (n, r) -> n.securityGroupRule("Egress"));
        put("aws:ec2/vpcEndpoint:VpcEndpoint", (n, r) -> {
            String arn = n.arn("ec2", "vpc-endpoint/" + r.id());
            n.create(arn, "ec2:CreateVpcEndpoint", "ec2:CreateTags");
            n.parent("create", "vpcId", "vpc", "ec2:CreateVpcEndpoint");
            n.star("read", "ec2:DescribeVpcEndpoints", "ec2:DescribePrefixLists");
            n.update(arn, "ec2:ModifyVpcEndpoint");
            n.tag(arn, "ec2:CreateTags", "ec2:DeleteTags");
            n.delete(arn, "ec2:DeleteVpcEndpoints");
        });

        // ECR (list_amazonelasticcontainerregistry): pull-through cache rules act on the registry's repositories.
        put("aws:ecr/pullThroughCacheRule:PullThroughCacheRule", (n, r) -> {
            String arn = n.arn("ecr", "repository/" + n.input("ecrRepositoryPrefix") + "/*");
            n.create(arn, "ecr:CreatePullThroughCacheRule");
            n.star("read", "ecr:DescribePullThroughCacheRules");
            n.update(arn, "ecr:UpdatePullThroughCacheRule");
            n.delete(arn, "ecr:DeletePullThroughCacheRule");
        });

        // ECS (list_amazonelasticcontainerservice): CreateCluster, RegisterTaskDefinition and
        // DeregisterTaskDefinition have no resource type.
        put("aws:ecs/cluster:Cluster", (n, r) -> {
            String arn = n.arn("ecs", "cluster/" + n.name("name"));
            n.star("create", "ecs:CreateCluster");
            n.create(arn, "ecs:TagResource");
            n.read(arn, "ecs:DescribeClusters", "ecs:ListTagsForResource");
            n.update(arn, "ecs:UpdateCluster", "ecs:UpdateClusterSettings", "ecs:PutClusterCapacityProviders");
            n.tag(arn, "ecs:TagResource", "ecs:UntagResource");
            n.delete(arn, "ecs:DeleteCluster");
        });
        put("aws:ecs/service:Service", (n, r) -> {
            String cluster = n.input("cluster");
            String arn = n.arn("ecs", "service/" + cluster.substring(cluster.lastIndexOf('/') + 1) + "/" + n.name("name"));
            n.create(arn, "ecs:CreateService", "ecs:TagResource");
            n.read(arn, "ecs:DescribeServices", "ecs:ListTagsForResource");
            n.update(arn, "ecs:UpdateService");
            n.tag(arn, "ecs:TagResource", "ecs:UntagResource");
            n.delete(arn, "ecs:UpdateService", "ecs:DeleteService");
        });
        put("aws:ecs/taskDefinition:TaskDefinition", (n, r) -> {
            String arn = n.arn("ecs", "task-definition/" + n.name("family") + ":1");
            n.star("create", "ecs:RegisterTaskDefinition");
            n.create(arn, "ecs:TagResource");
            n.star("read", "ecs:DescribeTaskDefinition");
            n.read(arn, "ecs:ListTagsForResource");
            n.tag(arn, "ecs:TagResource", "ecs:UntagResource");
            n.star("delete", "ecs:DeregisterTaskDefinition");
            n.passRole("executionRoleArn", "ecs-tasks.amazonaws.com");
            n.passRole("taskRoleArn", "ecs-tasks.amazonaws.com");
        });

        // EFS (list_amazonelasticfilesystem). Encryption with a customer-managed key is a grant the caller creates
        // for EFS (https://docs.aws.amazon.com/efs/latest/ug/EFSKMS.html).
        put("aws:efs/fileSystem:FileSystem", (n, r) -> {
            String arn = n.arn("elasticfilesystem", "file-system/" + r.id());
            n.create(arn, "elasticfilesystem:CreateFileSystem", "elasticfilesystem:TagResource");
            n.read(arn, "elasticfilesystem:DescribeFileSystems", "elasticfilesystem:DescribeLifecycleConfiguration");
            n.update(arn, "elasticfilesystem:UpdateFileSystem", "elasticfilesystem:UpdateFileSystemProtection");
            if (r.inputs().containsKey("lifecyclePolicies")) {
                n.create(arn, "elasticfilesystem:PutLifecycleConfiguration");
            }
            n.tag(arn, "elasticfilesystem:TagResource", "elasticfilesystem:UntagResource");
            n.delete(arn, "elasticfilesystem:DeleteFileSystem");
            n.serviceKeyGrant(n.input("kmsKeyId"));
        });
        put("aws:efs/accessPoint:AccessPoint", (n, r) -> {
            String arn = n.arn("elasticfilesystem", "access-point/" + r.id());
            String fs = n.input("fileSystemId");
            n.on("create", fs, n.arn("elasticfilesystem", "file-system/" + fs), "elasticfilesystem:CreateAccessPoint");
            n.create(arn, "elasticfilesystem:TagResource");
            n.star("read", "elasticfilesystem:DescribeAccessPoints");
            n.tag(arn, "elasticfilesystem:TagResource", "elasticfilesystem:UntagResource");
            n.delete(arn, "elasticfilesystem:DeleteAccessPoint");
        });
        put("aws:efs/mountTarget:MountTarget", (n, r) -> {
            String fs = n.input("fileSystemId");
            String arn = n.arn("elasticfilesystem", "file-system/" + fs);
            n.on("create", fs, arn, "elasticfilesystem:CreateMountTarget");
            n.star("read", "elasticfilesystem:DescribeMountTargets", "elasticfilesystem:DescribeMountTargetSecurityGroups");
            n.on("update", fs, arn, "elasticfilesystem:ModifyMountTargetSecurityGroups");
            n.on("delete", fs, arn, "elasticfilesystem:DeleteMountTarget");
        });
        put("aws:efs/replicationConfiguration:ReplicationConfiguration", (n, r) -> {
            // Configured on the source; EFS creates the destination file system with the caller's rights
            // (https://docs.aws.amazon.com/efs/latest/ug/efs-replication.html, "Permissions required"), untagged.
            String source = n.input("sourceFileSystemId");
            String sourceArn = n.arn("elasticfilesystem", "file-system/" + source);
            n.on("create", source, sourceArn, "elasticfilesystem:CreateReplicationConfiguration");
            n.star("read", "elasticfilesystem:DescribeReplicationConfigurations");
            n.on("delete", source, sourceArn, "elasticfilesystem:DeleteReplicationConfiguration");
            String destinationRegion = Inputs.string(r, "destination.region").orElse(r.region());
            n.inRegion(destinationRegion).untagged("create",
                    n.arn("elasticfilesystem", "file-system/" + r.id() + "-replica"), "elasticfilesystem:CreateFileSystem");
            n.serviceKeyGrant(Inputs.string(r, "destination.kmsKeyId").orElse(null));
            n.inRegion(r.region());
        });

        // ElastiCache (list_amazonelasticache).
        put("aws:elasticache/replicationGroup:ReplicationGroup", (n, r) -> {
            String arn = n.arn("elasticache", "replicationgroup:" + n.input("replicationGroupId"));
            n.create(arn, "elasticache:CreateReplicationGroup", "elasticache:AddTagsToResource");
            n.create(n.arn("elasticache", "cluster:" + n.input("replicationGroupId") + "-001"),
                    "elasticache:CreateReplicationGroup", "elasticache:AddTagsToResource");
            n.on("create", n.input("subnetGroupName"), n.arn("elasticache", "subnetgroup:" + n.input("subnetGroupName")),
                    "elasticache:CreateReplicationGroup");
            n.read(arn, "elasticache:ListTagsForResource");
            n.star("read", "elasticache:DescribeReplicationGroups", "elasticache:DescribeCacheClusters");
            n.update(arn, "elasticache:ModifyReplicationGroup");
            n.tag(arn, "elasticache:AddTagsToResource", "elasticache:RemoveTagsFromResource");
            n.delete(arn, "elasticache:DeleteReplicationGroup");
        });
        put("aws:elasticache/subnetGroup:SubnetGroup", (n, r) -> {
            String arn = n.arn("elasticache", "subnetgroup:" + n.name("name"));
            n.create(arn, "elasticache:CreateCacheSubnetGroup", "elasticache:AddTagsToResource");
            n.star("read", "elasticache:DescribeCacheSubnetGroups");
            n.read(arn, "elasticache:ListTagsForResource");
            n.update(arn, "elasticache:ModifyCacheSubnetGroup");
            n.tag(arn, "elasticache:AddTagsToResource", "elasticache:RemoveTagsFromResource");
            n.delete(arn, "elasticache:DeleteCacheSubnetGroup");
        });

        // IAM (list_awsidentityandaccessmanagementiam): global; role writes carry the role's boundary in the request.
        put("aws:iam/role:Role", (n, r) -> {
            n.global();
            String arn = n.globalArn("iam", "role/" + n.name("name"));
            String boundary = n.input("permissionsBoundary");
            n.create(arn, "iam:CreateRole", "iam:TagRole").where("iam:PermissionsBoundary", boundary);
            n.read(arn, "iam:GetRole", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies");
            n.update(arn, "iam:UpdateRole", "iam:UpdateAssumeRolePolicy");
            n.update(arn, "iam:PutRolePermissionsBoundary").where("iam:PermissionsBoundary", boundary);
            n.tag(arn, "iam:TagRole", "iam:UntagRole");
            n.delete(arn, "iam:ListInstanceProfilesForRole", "iam:DeleteRole");
        });
        put("aws:iam/rolePolicy:RolePolicy", (n, r) -> {
            n.global();
            String role = n.input("role");
            String arn = n.globalArn("iam", "role/" + n.roleName(role));
            String boundary = n.boundaryOf(role);
            n.on("create", role, arn, "iam:PutRolePolicy").where("iam:PermissionsBoundary", boundary);
            n.on("read", role, arn, "iam:GetRolePolicy");
            n.on("delete", role, arn, "iam:DeleteRolePolicy").where("iam:PermissionsBoundary", boundary);
        });
        put("aws:iam/rolePolicyAttachment:RolePolicyAttachment", (n, r) -> {
            n.global();
            String role = n.input("role");
            String arn = n.globalArn("iam", "role/" + n.roleName(role));
            String boundary = n.boundaryOf(role);
            n.on("create", role, arn, "iam:AttachRolePolicy")
                    .where("iam:PermissionsBoundary", boundary).where("iam:PolicyARN", n.input("policyArn"));
            n.on("read", role, arn, "iam:ListAttachedRolePolicies");
            n.on("delete", role, arn, "iam:DetachRolePolicy")
                    .where("iam:PermissionsBoundary", boundary).where("iam:PolicyARN", n.input("policyArn"));
        });
        put("aws:iam/policy:Policy", (n, r) -> {
            n.global();
            String arn = n.globalArn("iam", "policy/" + n.name("name"));
            n.read(arn, "iam:GetPolicy", "iam:GetPolicyVersion");
            if (n.isBoundary(arn)) {
                return; // written by an administrator only (docs/configuration.md, "Pipeline"): the deploy reads it
            }
            n.create(arn, "iam:CreatePolicy", "iam:TagPolicy");
            // IAM keeps five versions: an update lists them and deletes the oldest.
            n.update(arn, "iam:ListPolicyVersions", "iam:CreatePolicyVersion", "iam:DeletePolicyVersion");
            n.tag(arn, "iam:TagPolicy", "iam:UntagPolicy");
            n.delete(arn, "iam:DeletePolicyVersion", "iam:DeletePolicy");
        });

        // KMS (list_awskeymanagementservice): CreateKey has no resource type; an alias is authorised on both.
        put("aws:kms/key:Key", (n, r) -> {
            String arn = n.arn("kms", "key/" + r.id());
            n.star("create", "kms:CreateKey").where("kms:BypassPolicyLockoutSafetyCheck", "false");
            n.read(arn, "kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags");
            n.update(arn, "kms:EnableKeyRotation", "kms:UpdateKeyDescription");
            n.update(arn, "kms:PutKeyPolicy").where("kms:BypassPolicyLockoutSafetyCheck", "false");
            n.tag(arn, "kms:TagResource", "kms:UntagResource");
            n.delete(arn, "kms:ScheduleKeyDeletion");
        });
        // A multi-Region replica key (KMS developer guide, "Create multi-Region replica keys"): kms:ReplicateKey on
        // the primary key in its region, kms:CreateKey (and kms:TagResource for tags) in the replica's region.
        put("aws:kms/replicaKey:ReplicaKey", (n, r) -> {
            String arn = n.arn("kms", "key/" + r.id());
            String primary = n.input("primaryKeyArn");
            String home = n.region;
            n.star("create", "kms:CreateKey").where("kms:BypassPolicyLockoutSafetyCheck", "false");
            n.create(arn, "kms:TagResource");
            n.inRegion(primary.split(":")[3]).on("create", primary, primary, "kms:ReplicateKey");
            n.inRegion(home);
            n.read(arn, "kms:DescribeKey", "kms:GetKeyPolicy", "kms:ListResourceTags");
            n.update(arn, "kms:UpdateKeyDescription");
            n.update(arn, "kms:PutKeyPolicy").where("kms:BypassPolicyLockoutSafetyCheck", "false");
            n.tag(arn, "kms:TagResource", "kms:UntagResource");
            n.delete(arn, "kms:ScheduleKeyDeletion");
        });
        put("aws:kms/alias:Alias", (n, r) -> {
            String alias = n.arn("kms", n.name("name"));
            String key = n.input("targetKeyId");
            String keyArn = key.startsWith("arn:") ? key : n.arn("kms", "key/" + key);
            n.create(alias, "kms:CreateAlias");
            n.on("create", key, keyArn, "kms:CreateAlias");
            n.star("read", "kms:ListAliases");
            n.update(alias, "kms:UpdateAlias");
            n.on("update", key, keyArn, "kms:UpdateAlias");
            n.delete(alias, "kms:DeleteAlias");
            n.on("delete", key, keyArn, "kms:DeleteAlias");
        });

        // Lambda (list_awslambda).
        put("aws:lambda/function:Function", (n, r) -> {
            String arn = n.arn("lambda", "function:" + n.name("name"));
            n.create(arn, "lambda:CreateFunction", "lambda:TagResource", "lambda:PublishVersion");
            n.read(arn, "lambda:GetFunction", "lambda:GetFunctionConfiguration", "lambda:GetFunctionCodeSigningConfig",
                    "lambda:GetRuntimeManagementConfig", "lambda:ListVersionsByFunction", "lambda:ListTags");
            n.update(arn, "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration", "lambda:PublishVersion");
            n.tag(arn, "lambda:TagResource", "lambda:UntagResource");
            n.delete(arn, "lambda:DeleteFunction");
            n.passRole("role", "lambda.amazonaws.com");
            if (Inputs.at(r, "vpcConfig.subnetIds").isPresent()) {
                // Lambda checks the caller may see the VPC it attaches the function to.
                n.star("create", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs");
            }
        });
        put("aws:lambda/alias:Alias", (n, r) -> {
            String arn = n.arn("lambda", "function:" + n.input("functionName") + ":" + n.input("name"));
            n.create(arn, "lambda:CreateAlias");
            n.read(arn, "lambda:GetAlias");
            n.update(arn, "lambda:UpdateAlias");
            n.delete(arn, "lambda:DeleteAlias");
        });
        put("aws:lambda/permission:Permission", (n, r) -> {
            String arn = n.arn("lambda", "function:" + n.input("function"));
            n.create(arn, "lambda:AddPermission");
            n.read(arn, "lambda:GetPolicy");
            n.delete(arn, "lambda:RemovePermission");
        });
        put("aws:lambda/eventSourceMapping:EventSourceMapping", (n, r) -> {
            // Lambda's guide: creating and reading a mapping are authorised on "*" (creating with the function in
            // lambda:FunctionArn); updating and deleting on the mapping's ARN, which carries the UUID Lambda gives it.
            String arn = n.arn("lambda", "event-source-mapping:" + r.id());
            n.star("create", "lambda:CreateEventSourceMapping").where("lambda:FunctionArn", n.input("functionName"));
            n.star("read", "lambda:GetEventSourceMapping");
            n.update(arn, "lambda:UpdateEventSourceMapping");
            n.delete(arn, "lambda:DeleteEventSourceMapping");
        });

        // Elastic Load Balancing v2 (list_awselasticloadbalancingv2): tagging on create needs AddTags.
        put("aws:lb/loadBalancer:LoadBalancer", (n, r) -> {
            String arn = n.arn("elasticloadbalancing", "loadbalancer/app/" + n.name("name") + "/" + r.id());
            n.create(arn, "elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:AddTags");
            n.star("read", "elasticloadbalancing:DescribeLoadBalancers",
                    "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeTags");
            n.update(arn, "elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:SetSecurityGroups",
                    "elasticloadbalancing:SetSubnets");
            n.tag(arn, "elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags");
            n.delete(arn, "elasticloadbalancing:DeleteLoadBalancer");
        });
        put("aws:lb/targetGroup:TargetGroup", (n, r) -> {
            String arn = n.arn("elasticloadbalancing", "targetgroup/" + n.name("name") + "/" + r.id());
            n.create(arn, "elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:AddTags");
            n.star("read", "elasticloadbalancing:DescribeTargetGroups",
                    "elasticloadbalancing:DescribeTargetGroupAttributes", "elasticloadbalancing:DescribeTags");
            n.update(arn, "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes");
            n.tag(arn, "elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags");
            n.delete(arn, "elasticloadbalancing:DeleteTargetGroup");
        });
        put("aws:lb/listener:Listener", (n, r) -> {
            String balancer = n.loadBalancerPath(n.input("loadBalancerArn"));
            String arn = n.arn("elasticloadbalancing", "listener/" + balancer + "/" + r.id());
            n.create(arn, "elasticloadbalancing:CreateListener", "elasticloadbalancing:AddTags");
            n.star("read", "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeTags");
            n.update(arn, "elasticloadbalancing:ModifyListener");
            n.tag(arn, "elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags");
            n.delete(arn, "elasticloadbalancing:DeleteListener");
        });
        put("aws:lb/listenerRule:ListenerRule", (n, r) -> {
            String listener = n.listenerPath(n.input("listenerArn"));
            String arn = n.arn("elasticloadbalancing", "listener-rule/" + listener + "/" + r.id());
            n.create(arn, "elasticloadbalancing:CreateRule", "elasticloadbalancing:AddTags");
            n.star("read", "elasticloadbalancing:DescribeRules", "elasticloadbalancing:DescribeTags");
            n.update(arn, "elasticloadbalancing:ModifyRule");
            n.tag(arn, "elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags");
            n.delete(arn, "elasticloadbalancing:DeleteRule");
        });

        // RDS (list_amazonrds): a cluster in a global cluster is authorised on both; the final snapshot on delete.
        put("aws:rds/globalCluster:GlobalCluster", (n, r) -> {
            String arn = n.globalArn("rds", "global-cluster:" + n.input("globalClusterIdentifier"));
            n.create(arn, "rds:CreateGlobalCluster", "rds:AddTagsToResource");
            n.star("read", "rds:DescribeGlobalClusters");
            n.update(arn, "rds:ModifyGlobalCluster");
            n.tag(arn, "rds:AddTagsToResource", "rds:RemoveTagsFromResource");
            n.delete(arn, "rds:RemoveFromGlobalCluster", "rds:DeleteGlobalCluster");
        });
        put("aws:rds/cluster:Cluster", (n, r) -> {
            String id = n.input("clusterIdentifier");
            String arn = n.arn("rds", "cluster:" + id);
            n.create(arn, "rds:CreateDBCluster", "rds:AddTagsToResource");
            Inputs.string(r, "globalClusterIdentifier").ifPresent(global -> n.on("create", global,
                    n.globalArn("rds", "global-cluster:" + global), "rds:CreateDBCluster"));
            n.on("create", n.input("dbSubnetGroupName"), n.arn("rds", "subgrp:" + n.input("dbSubnetGroupName")),
                    "rds:CreateDBCluster");
            n.star("read", "rds:DescribeDBClusters");
            n.read(arn, "rds:ListTagsForResource");
            n.update(arn, "rds:ModifyDBCluster");
            n.tag(arn, "rds:AddTagsToResource", "rds:RemoveTagsFromResource");
            n.delete(arn, "rds:DeleteDBCluster");
            Inputs.string(r, "finalSnapshotIdentifier").ifPresent(snapshot -> n.create(
                    n.arn("rds", "cluster-snapshot:" + snapshot), "rds:CreateDBClusterSnapshot"));
            n.serviceKeyGrant(Inputs.string(r, "kmsKeyId").orElse(null));
        });
        put("aws:rds/clusterInstance:ClusterInstance", (n, r) -> {
            String arn = n.arn("rds", "db:" + n.name("identifier"));
            n.create(arn, "rds:CreateDBInstance", "rds:AddTagsToResource");
            n.on("create", n.input("clusterIdentifier"), n.arn("rds", "cluster:" + n.input("clusterIdentifier")),
                    "rds:CreateDBInstance");
            n.star("read", "rds:DescribeDBInstances");
            n.read(arn, "rds:ListTagsForResource");
            n.update(arn, "rds:ModifyDBInstance");
            n.tag(arn, "rds:AddTagsToResource", "rds:RemoveTagsFromResource");
            n.delete(arn, "rds:DeleteDBInstance");
        });
        put("aws:rds/subnetGroup:SubnetGroup", (n, r) -> {
            String arn = n.arn("rds", "subgrp:" + n.name("name"));
            n.create(arn, "rds:CreateDBSubnetGroup", "rds:AddTagsToResource");
            n.star("read", "rds:DescribeDBSubnetGroups");
            n.read(arn, "rds:ListTagsForResource");
            n.update(arn, "rds:ModifyDBSubnetGroup");
            n.tag(arn, "rds:AddTagsToResource", "rds:RemoveTagsFromResource");
            n.delete(arn, "rds:DeleteDBSubnetGroup");
        });

        // Route 53 (list_amazonroute53): global; CreateHealthCheck has no resource type.
        put("aws:route53/healthCheck:HealthCheck", (n, r) -> {
            n.global();
            String arn = "arn:aws:route53:::healthcheck/" + r.id();
            n.star("create", "route53:CreateHealthCheck");
            n.create(arn, "route53:ChangeTagsForResource");
            n.read(arn, "route53:GetHealthCheck", "route53:ListTagsForResource");
            n.update(arn, "route53:UpdateHealthCheck");
            n.tag(arn, "route53:ChangeTagsForResource");
            n.delete(arn, "route53:DeleteHealthCheck");
        });
        put("aws:route53/record:Record", (n, r) -> {
            n.global();
            String zone = "arn:aws:route53:::hostedzone/" + n.input("zoneId");
            n.create(zone, "route53:ChangeResourceRecordSets");
            n.create("arn:aws:route53:::change/C" + r.id().toUpperCase(), "route53:GetChange");
            n.read(zone, "route53:ListResourceRecordSets");
            n.update(zone, "route53:ChangeResourceRecordSets");
            n.delete(zone, "route53:ChangeResourceRecordSets");
        });

        // S3 (list_amazons3): bucket ARNs have no region or account; the provider reads every bucket setting back.
        put("aws:s3/bucketV2:BucketV2", (n, r) -> {
            String arn = "arn:aws:s3:::" + n.name("bucket");
            n.create(arn, "s3:CreateBucket", "s3:PutBucketTagging");
            n.read(arn, "s3:ListBucket", "s3:GetBucketAcl", "s3:GetBucketCORS", "s3:GetBucketWebsite",
                    "s3:GetBucketVersioning", "s3:GetAccelerateConfiguration", "s3:GetBucketRequestPayment",
                    "s3:GetBucketLogging", "s3:GetLifecycleConfiguration", "s3:GetReplicationConfiguration",
                    "s3:GetEncryptionConfiguration", "s3:GetBucketObjectLockConfiguration", "s3:GetBucketPolicy",
                    "s3:GetBucketTagging");
            n.tag(arn, "s3:PutBucketTagging");
            n.delete(arn, "s3:DeleteBucket");
            if (Inputs.isTrue(r, "forceDestroy")) {
                n.delete(arn, "s3:ListBucketVersions");
                n.delete(arn + "/*", "s3:DeleteObject", "s3:DeleteObjectVersion");
            }
        });
        put("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", (n, r) ->
                n.bucketSetting("s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration"));
        put("aws:s3/bucketOwnershipControls:BucketOwnershipControls", (n, r) ->
                n.bucketSetting("s3:GetBucketOwnershipControls", "s3:PutBucketOwnershipControls"));
        put("aws:s3/bucketPolicy:BucketPolicy", (n, r) -> {
            n.bucketSetting("s3:GetBucketPolicy", "s3:PutBucketPolicy");
            n.delete("arn:aws:s3:::" + n.input("bucket"), "s3:DeleteBucketPolicy");
        });
        put("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", (n, r) ->
                n.bucketSetting("s3:GetBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock"));
        put("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", (n, r) ->
                n.bucketSetting("s3:GetEncryptionConfiguration", "s3:PutEncryptionConfiguration"));
        put("aws:s3/bucketVersioningV2:BucketVersioningV2", (n, r) ->
                n.bucketSetting("s3:GetBucketVersioning", "s3:PutBucketVersioning"));
        put("aws:s3/bucketObjectv2:BucketObjectv2", (n, r) -> {
            String arn = "arn:aws:s3:::" + n.input("bucket") + "/" + n.input("key");
            n.create(arn, "s3:PutObject", "s3:PutObjectTagging");
            n.read(arn, "s3:GetObject", "s3:GetObjectTagging");
            n.update(arn, "s3:PutObject");
            n.tag(arn, "s3:PutObjectTagging");
            n.delete(arn, "s3:DeleteObject");
        });

        // Secrets Manager (list_awssecretsmanager): its ARN ends in six random characters. A value under a
        // customer-managed key is encrypted with the caller's rights
        // (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html).
        put("aws:secretsmanager/secret:Secret", (n, r) -> {
            String arn = n.arn("secretsmanager", "secret:" + n.name("name") + "-AbCdEf");
            n.create(arn, "secretsmanager:CreateSecret", "secretsmanager:TagResource");
            n.read(arn, "secretsmanager:DescribeSecret", "secretsmanager:GetResourcePolicy");
            n.update(arn, "secretsmanager:UpdateSecret");
            if (Inputs.at(r, "replicas").orElse(null) instanceof List<?> replicas && !replicas.isEmpty()) {
                n.create(arn, "secretsmanager:ReplicateSecretToRegions");
                n.delete(arn, "secretsmanager:RemoveRegionsFromReplication");
            }
            n.tag(arn, "secretsmanager:TagResource", "secretsmanager:UntagResource");
            n.delete(arn, "secretsmanager:DeleteSecret");
        });
        put("aws:secretsmanager/secretVersion:SecretVersion", (n, r) -> {
            Optional<PlannedResource> secret = n.find(n.input("secretId"), "secret");
            String arn = n.arn("secretsmanager", "secret:" + secret.flatMap(s -> Inputs.string(s, "name"))
                    .orElse(n.input("secretId")) + "-AbCdEf");
            String ref = n.input("secretId");
            n.on("create", ref, arn, "secretsmanager:PutSecretValue");
            n.on("read", ref, arn, "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret");
            n.on("delete", ref, arn, "secretsmanager:UpdateSecretVersionStage");
            String via = "secretsmanager." + r.region() + ".amazonaws.com";
            secret.flatMap(s -> Inputs.string(s, "kmsKeyId")).ifPresent(key -> {
                n.on("create", key, key, "kms:GenerateDataKey", "kms:Decrypt").where("kms:ViaService", via);
                n.on("read", key, key, "kms:Decrypt").where("kms:ViaService", via);
            });
        });

        // SNS and SQS (list_amazonsns, list_amazonsqs).
        put("aws:sns/topic:Topic", (n, r) -> {
            String arn = n.arn("sns", n.name("name"));
            n.create(arn, "sns:CreateTopic", "sns:TagResource");
            n.read(arn, "sns:GetTopicAttributes", "sns:ListTagsForResource");
            n.update(arn, "sns:SetTopicAttributes");
            n.tag(arn, "sns:TagResource", "sns:UntagResource");
            n.delete(arn, "sns:DeleteTopic");
        });
        put("aws:sqs/queue:Queue", (n, r) -> {
            String arn = n.arn("sqs", n.name("name"));
            n.create(arn, "sqs:CreateQueue", "sqs:TagQueue");
            n.read(arn, "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ListQueueTags");
            n.update(arn, "sqs:SetQueueAttributes");
            n.tag(arn, "sqs:TagQueue", "sqs:UntagQueue");
            n.delete(arn, "sqs:DeleteQueue");
        });

        // Systems Manager (list_awssystemsmanager): a parameter's ARN drops its leading slash.
        put("aws:ssm/parameter:Parameter", (n, r) -> {
            String arn = n.arn("ssm", "parameter/" + n.name("name").replaceFirst("^/", ""));
            n.create(arn, "ssm:PutParameter", "ssm:AddTagsToResource");
            n.star("read", "ssm:DescribeParameters");
            n.read(arn, "ssm:GetParameter", "ssm:ListTagsForResource");
            n.update(arn, "ssm:PutParameter");
            n.tag(arn, "ssm:AddTagsToResource", "ssm:RemoveTagsFromResource");
            n.delete(arn, "ssm:DeleteParameter");
        });
    }

    /** Builds one resource's needs with the request context IAM would see. */
    private static final class Needs {

        private final PlannedResource r;
        private final Plan plan;
        private final List<Plan> plans;
        private final List<Need> out = new ArrayList<>();
        private String region;
        private int batch;

        Needs(PlannedResource r, Plan plan, List<Plan> plans) {
            this.r = r;
            this.plan = plan;
            this.plans = plans;
            this.region = r.region();
        }

        /** A Cloud Control resource's desired state, parsed. */
        com.google.gson.JsonObject desired() {
            return Inputs.desiredState(r).orElseThrow(() -> new IllegalStateException(r.key() + " has no desiredState"));
        }

        String input(String path) {
            return Inputs.string(r, path).orElseThrow(() ->
                    new IllegalStateException(r.key() + " has no input " + path + ", which its deploy actions name"));
        }

        /** The name AWS will hold: the explicit input, or Pulumi's auto-name (the logical name and a suffix). */
        String name(String input) {
            return Inputs.string(r, input).orElse(r.name() + AUTO_NAME_SUFFIX);
        }

        String arn(String service, String resource) {
            return "arn:aws:" + service + ":" + region + ":" + ACCOUNT + ":" + resource;
        }

        String globalArn(String service, String resource) {
            return "arn:aws:" + service + "::" + ACCOUNT + ":" + resource;
        }

        /**
         * IAM, CloudFront and Route 53 are global services, signed for their one endpoint's region: the request is
         * modelled without {@code aws:RequestedRegion}, so a grant of theirs must not depend on it.
         */
        void global() {
            region = null;
        }

        Needs inRegion(String newRegion) {
            region = newRegion;
            return this;
        }

        Needs create(String resource, String... actions) {
            return add("create", resource, requestTags(), actions);
        }

        Needs read(String resource, String... actions) {
            return add("read", resource, resourceTags(ownTags()), actions);
        }

        Needs update(String resource, String... actions) {
            return add("update", resource, resourceTags(ownTags()), actions);
        }

        /** Changing tags later: the resource has its tags and the request names the new ones. */
        Needs tag(String resource, String... actions) {
            Map<String, List<String>> context = resourceTags(ownTags());
            context.putAll(requestTags());
            return add("tag", resource, context, actions);
        }

        Needs delete(String resource, String... actions) {
            return add("delete", resource, resourceTags(ownTags()), actions);
        }

        /** An action without a resource type: {@code "*"}; a create's request carries the new resource's tags. */
        Needs star(String phase, String... actions) {
            return add(phase, "*", phase.equals("create") ? requestTags() : resourceTags(ownTags()), actions);
        }

        /** A create whose request carries no tags (the new resource is AWS's, as a replication's destination). */
        Needs untagged(String phase, String resource, String... actions) {
            return add(phase, resource, new LinkedHashMap<>(), actions);
        }

        /**
         * An action authorised on another resource ({@code ref}, an id, name or ARN the plans may hold), which
         * carries its own tags (none when no plan creates it).
         */
        Needs on(String phase, String ref, String resource, String... actions) {
            Map<String, List<String>> context = resourceTags(tagsOf(ref, typeOf(resource)));
            if (phase.equals("create")) {
                context.putAll(requestTags());
            }
            return add(phase, resource, context, actions);
        }

        /** An EC2 action on the parent an input names ({@code vpcId}: {@code vpc/<id>}). */
        Needs parent(String phase, String input, String type, String... actions) {
            String id = input(input);
            return on(phase, id, arn("ec2", type + "/" + id), actions);
        }

        /** Adds a condition key to the last call's needs; a null value leaves the key out of the request. */
        Needs where(String key, String value) {
            if (value == null) {
                return this;
            }
            for (int i = batch; i < out.size(); i++) {
                Need need = out.get(i);
                Map<String, List<String>> context = new LinkedHashMap<>(need.context());
                context.put(key, List.of(value));
                out.set(i, new Need(need.phase(), need.action(), need.resource(), context));
            }
            return this;
        }

        /** iam:PassRole of the role an input names, to the service that will assume it. */
        void passRole(String input, String service) {
            Inputs.string(r, input).ifPresent(roleArn -> {
                String saved = region;
                global();
                on("create", roleArn, roleArn, "iam:PassRole").where("iam:PassedToService", service);
                region = saved;
            });
        }

        /** A service (EFS, RDS) encrypting with a customer-managed key through a grant the caller creates. */
        void serviceKeyGrant(String keyArn) {
            if (keyArn != null && keyArn.startsWith("arn:aws:kms:")) {
                String saved = region;
                region = keyArn.split(":")[3];
                on("create", keyArn, keyArn, "kms:DescribeKey", "kms:CreateGrant")
                        .where("kms:GrantIsForAWSResource", "true");
                region = saved;
            }
        }

        void apiGateway(String collection, String id, boolean taggable) {
            String prefix = "arn:aws:apigateway:" + region + "::";
            String item = prefix + collection + "/" + id;
            create(prefix + collection, "apigateway:POST");
            read(item, "apigateway:GET");
            update(item, "apigateway:PATCH");
            if (taggable) {
                String tags = prefix + "/tags/" + URLEncoder.encode(item, StandardCharsets.UTF_8);
                tag(tags, "apigateway:POST", "apigateway:DELETE");
            }
            delete(item, "apigateway:DELETE");
        }

        void securityGroupRule(String direction) {
            String group = input("securityGroupId");
            String rule = arn("ec2", "security-group-rule/sgr-" + r.id());
            on("create", group, arn("ec2", "security-group/" + group), "ec2:Authorize" + "SecurityGroup" + direction);
            create(rule, "ec2:Authorize" + "SecurityGroup" + direction, "ec2:CreateTags");
            star("read", "ec2:DescribeSecurityGroupRules");
            on("update", group, arn("ec2", "security-group/" + group), "ec2:ModifySecurityGroupRules");
            tag(rule, "ec2:CreateTags", "ec2:DeleteTags");
            on("delete", group, arn("ec2", "security-group/" + group), "ec2:Revoke" + "SecurityGroup" + direction);
        }

        void bucketSetting(String get, String put) {
            String bucket = "arn:aws:s3:::" + input("bucket");
            Map<String, String> tags = tagsOf(input("bucket"), "bucketV2");
            add("create", bucket, resourceTags(tags), put);
            add("read", bucket, resourceTags(tags), get);
            // Removing a setting is a Put of the default (S3 API: DeleteBucketLifecycle, DeletePublicAccessBlock ...).
            add("delete", bucket, resourceTags(tags), put);
        }

        /** {@code app/<name>/<id>} of a load balancer ARN. */
        String loadBalancerPath(String loadBalancerArn) {
            return find(loadBalancerArn, "loadBalancer").map(lb -> "app/" + Inputs.string(lb, "name").orElse(lb.name() + AUTO_NAME_SUFFIX)
                    + "/" + lb.id()).orElse(loadBalancerArn.substring(loadBalancerArn.indexOf("loadbalancer/") + 13));
        }

        /** {@code app/<name>/<id>/<listener id>} of a listener ARN. */
        String listenerPath(String listenerArn) {
            return find(listenerArn, "listener").map(l -> loadBalancerPath(Inputs.string(l, "loadBalancerArn").orElse("")) + "/" + l.id())
                    .orElse(listenerArn);
        }

        String roleName(String role) {
            return find(role, "role").map(found -> Inputs.string(found, "name").orElse(found.name() + AUTO_NAME_SUFFIX)).orElse(role);
        }

        String boundaryOf(String role) {
            return find(role, "role").flatMap(found -> Inputs.string(found, "permissionsBoundary")).orElse(null);
        }

        boolean isBoundary(String policyArn) {
            return plans.stream().flatMap(p -> p.ofType(PolicyDocuments.ROLE).stream())
                    .anyMatch(role -> Inputs.string(role, "permissionsBoundary").filter(policyArn::equals).isPresent());
        }

        /**
         * The planned resource a reference names: by id, by a name or ARN its id ends (the mocks derive ids from
         * logical names, so two types can share one), or by the mocks' stand-in ARN that ends in its logical name;
         * a resource of the type {@code hint} names ({@code subnet}, {@code role}) wins.
         */
        Optional<PlannedResource> find(String ref, String hint) {
            if (ref == null) {
                return Optional.empty();
            }
            PlannedResource first = null;
            for (Plan p : plans) {
                for (PlannedResource candidate : p.awsResources()) {
                    String id = candidate.id();
                    boolean named = id != null && !id.isEmpty()
                            && (ref.equals(id) || ref.endsWith("/" + id) || ref.endsWith(":" + id))
                            || ref.equals(candidate.name()) || ref.endsWith(":" + candidate.name());
                    if (!named || candidate == r) {
                        continue;
                    }
                    String type = candidate.type().substring(candidate.type().lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
                    if (hint != null && type.equals(hint.replace("-", "").toLowerCase(Locale.ROOT))) {
                        return Optional.of(candidate);
                    }
                    first = first == null ? candidate : first;
                }
            }
            return Optional.ofNullable(first);
        }

        Optional<PlannedResource> find(String ref) {
            return find(ref, null);
        }

        /** The resource type an ARN names ({@code subnet} of {@code ...:subnet/...}, {@code role} of {@code ...:role/...}). */
        private static String typeOf(String arn) {
            String[] parts = arn.split(":", 6);
            return parts.length == 6 ? parts[5].split("[/:]")[0] : null;
        }

        private Map<String, String> tagsOf(String ref, String hint) {
            for (Plan p : plans) {
                Optional<PlannedResource> found = find(ref, hint).filter(candidate -> p.resources().contains(candidate));
                if (found.isPresent()) {
                    return RequiredTags.tagsIfTaggable(p, found.get());
                }
            }
            return Map.of();
        }

        private Map<String, String> ownTags() {
            return RequiredTags.tagsIfTaggable(plan, r);
        }

        private Map<String, List<String>> requestTags() {
            Map<String, List<String>> context = new LinkedHashMap<>();
            Map<String, String> tags = ownTags();
            tags.forEach((k, v) -> context.put("aws:RequestTag/" + k, List.of(v)));
            if (!tags.isEmpty()) {
                context.put("aws:TagKeys", List.copyOf(tags.keySet()));
            }
            return context;
        }

        private static Map<String, List<String>> resourceTags(Map<String, String> tags) {
            Map<String, List<String>> context = new LinkedHashMap<>();
            tags.forEach((k, v) -> context.put("aws:ResourceTag/" + k, List.of(v)));
            return context;
        }

        private Needs add(String phase, String resource, Map<String, List<String>> context, String... actions) {
            batch = out.size();
            Map<String, List<String>> full = new LinkedHashMap<>(context);
            if (region != null) {
                full.put("aws:RequestedRegion", List.of(region));
            }
            for (String action : actions) {
                out.add(new Need(phase, action, resource, full));
            }
            return this;
        }
    }
}
