package com.bookstore.infra.plan;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.bookstore.infra.plan.PlanMocks.ACCOUNT_ID;
import static com.bookstore.infra.plan.PlanMocks.stableId;

/**
 * The attributes AWS computes on create that the program reads back (ARNs, endpoints, stream labels). Under
 * the mocks they would be null, and a null inside an apply fails the run; these are shaped like the real
 * values so that derived strings (policies, URLs, config.json) read as they will in AWS.
 */
final class ComputedAttributes {

    static final String STREAM_LABEL = "2026-01-01T00:00:00.000";

    private ComputedAttributes() {
    }

    /** Adds the computed attributes of a {@code type} to {@code state}; returns the resource's id. */
    static String fill(String type, String name, String region, Map<String, Object> state) {
        String physical = state.get("name") instanceof String n ? n : name;
        String prefix = "arn:aws:%s:" + region + ":" + ACCOUNT_ID + ":";
        String id = stableId("", name);
        switch (type) {
            case "aws:dynamodb/table:Table" -> {
                id = physical;
                state.put("arn", prefix.formatted("dynamodb") + "table/" + physical);
                state.put("streamArn", state.get("arn") + "/stream/" + STREAM_LABEL);
                state.put("streamLabel", STREAM_LABEL);
            }
            case "aws:dynamodb/tableReplica:TableReplica" -> {
                String source = String.valueOf(state.get("globalTableArn"));
                String table = source.substring(source.lastIndexOf('/') + 1);
                id = table + ":" + region;
                state.put("arn", prefix.formatted("dynamodb") + "table/" + table);
            }
            case "aws:lambda/function:Function" -> {
                id = physical;
                state.put("name", physical);
                state.put("arn", prefix.formatted("lambda") + "function:" + physical);
                state.put("version", "1");
                state.put("qualifiedArn", state.get("arn") + ":1");
                state.put("invokeArn", invokeArn(region, (String) state.get("arn")));
            }
            case "aws:lambda/alias:Alias" -> {
                String arn = prefix.formatted("lambda") + "function:" + state.get("functionName") + ":" + physical;
                state.put("arn", arn);
                state.put("invokeArn", invokeArn(region, arn));
            }
            case "aws:cloudwatch/logGroup:LogGroup" -> {
                id = physical;
                state.put("arn", prefix.formatted("logs") + "log-group:" + physical);
            }
            case "aws:iam/role:Role" -> {
                id = physical;
                state.put("name", physical);
                state.put("arn", "arn:aws:iam::" + ACCOUNT_ID + ":role/" + physical);
            }
            case "aws:iam/policy:Policy" -> {
                id = "arn:aws:iam::" + ACCOUNT_ID + ":policy/" + physical;
                state.put("arn", id);
            }
            case "aws:apigatewayv2/api:Api" -> {
                id = stableId("", name).substring(0, 10);
                state.put("apiEndpoint", "https://" + id + ".execute-api." + region + ".amazonaws.com");
                state.put("executionArn", prefix.formatted("execute-api") + id);
            }
            case "aws:apigatewayv2/domainName:DomainName" -> {
                id = String.valueOf(state.get("domainName"));
                @SuppressWarnings("unchecked")
                Map<String, Object> configuration = new java.util.LinkedHashMap<>(
                        (Map<String, Object>) state.getOrDefault("domainNameConfiguration", Map.of()));
                configuration.put("targetDomainName", stableId("d-", name) + ".execute-api." + region + ".amazonaws.com");
                configuration.put("hostedZoneId", "ZAPIGATEWAY" + region.replace("-", "").toUpperCase());
                state.put("domainNameConfiguration", configuration);
            }
            case "aws:acm/certificate:Certificate" -> {
                String domain = String.valueOf(state.get("domainName"));
                state.put("arn", prefix.formatted("acm") + "certificate/" + stableId("", name));
                state.put("domainValidationOptions", List.of(Map.of(
                        "domainName", domain,
                        "resourceRecordName", "_" + stableId("", domain) + "." + domain + ".",
                        "resourceRecordType", "CNAME",
                        "resourceRecordValue", "_" + stableId("", name) + ".acm-validations.aws.")));
            }
            case "aws:acm/certificateValidation:CertificateValidation" ->
                    state.put("certificateArn", state.get("certificateArn"));
            case "aws:route53/record:Record" -> state.put("fqdn", state.get("name"));
            case "aws:elasticache/replicationGroup:ReplicationGroup" -> {
                id = String.valueOf(state.get("replicationGroupId"));
                state.put("primaryEndpointAddress", "master." + id + "." + stableId("", name).substring(0, 6)
                        + "." + region + ".cache.amazonaws.com");
                state.put("arn", prefix.formatted("elasticache") + "replicationgroup:" + id);
            }
            case "aws:ec2/vpcEndpoint:VpcEndpoint" -> {
                id = stableId("vpce-", name);
                state.put("prefixListId", stableId("pl-", name));
            }
            case "aws:s3/bucketV2:BucketV2" -> {
                id = physical(state, "bucket", name);
                state.put("bucket", id);
                state.put("arn", "arn:aws:s3:::" + id);
                state.put("bucketRegionalDomainName", id + ".s3." + region + ".amazonaws.com");
            }
            case "aws:cloudfront/distribution:Distribution" -> {
                id = stableId("E", name).toUpperCase();
                state.put("arn", "arn:aws:cloudfront::" + ACCOUNT_ID + ":distribution/" + id);
                state.put("domainName", stableId("d", name) + ".cloudfront.net");
                state.put("hostedZoneId", "Z2FDTNDATAQYW2"); // CloudFront's one hosted zone
            }
            case "aws:cloudfront/function:Function" -> {
                id = physical;
                state.put("arn", "arn:aws:cloudfront::" + ACCOUNT_ID + ":function/" + physical);
            }
            case "aws:efs/replicationConfiguration:ReplicationConfiguration" -> {
                // Without a destination file system id, EFS creates the replica and reports its id.
                @SuppressWarnings("unchecked")
                Map<String, Object> destination = new java.util.LinkedHashMap<>(
                        (Map<String, Object>) state.getOrDefault("destination", Map.of()));
                String replica = String.valueOf(destination.getOrDefault("fileSystemId", stableId("fs-", name + "-replica")));
                String replicaRegion = String.valueOf(destination.getOrDefault("region", region));
                destination.put("fileSystemId", replica);
                destination.put("status", "ENABLED");
                state.put("destination", destination);
                state.put("sourceFileSystemArn", prefix.formatted("elasticfilesystem") + "file-system/"
                        + state.get("sourceFileSystemId"));
                state.put("destinationFileSystemArn", "arn:aws:elasticfilesystem:" + replicaRegion + ":" + ACCOUNT_ID
                        + ":file-system/" + replica);
            }
            case "aws:sqs/queue:Queue" -> {
                state.put("arn", prefix.formatted("sqs") + physical);
                id = "https://sqs." + region + ".amazonaws.com/" + ACCOUNT_ID + "/" + physical;
                state.put("url", id);
            }
            case "aws:sns/topic:Topic" -> {
                id = prefix.formatted("sns") + physical;
                state.put("arn", id);
            }
            case "aws:kms/replicaKey:ReplicaKey" -> {
                // A replica has its primary's key id (mrk-...) in its own region.
                String primary = String.valueOf(state.get("primaryKeyArn"));
                id = primary.substring(primary.lastIndexOf('/') + 1);
                state.put("keyId", id);
                state.put("arn", prefix.formatted("kms") + "key/" + id);
            }
            case "aws:kms/key:Key" -> {
                // Multi-Region keys' ids start with mrk- (KMS developer guide, "Multi-Region key identifiers").
                id = (Boolean.TRUE.equals(state.get("multiRegion")) ? "mrk-" : "") + stableId("", name) + "-plan";
                state.put("keyId", id);
                state.put("arn", prefix.formatted("kms") + "key/" + id);
            }
            case "aws:cognito/userPool:UserPool" -> {
                id = region + "_" + stableId("", name).substring(0, 9);
                state.put("arn", prefix.formatted("cognito-idp") + "userpool/" + id);
                state.put("endpoint", "cognito-idp." + region + ".amazonaws.com/" + id);
            }
            case "aws:elasticache/subnetGroup:SubnetGroup" -> id = physical;
            case "aws:ssm/parameter:Parameter" -> {
                id = physical;
                state.put("arn", prefix.formatted("ssm") + "parameter" + physical);
            }
            case "aws:rds/globalCluster:GlobalCluster" -> {
                id = String.valueOf(state.get("globalClusterIdentifier"));
                state.put("arn", "arn:aws:rds::" + ACCOUNT_ID + ":global-cluster:" + id);
            }
            case "aws:rds/cluster:Cluster" -> {
                id = String.valueOf(state.get("clusterIdentifier"));
                String host = id + ".cluster-" + stableId("", name) + "." + region + ".rds.amazonaws.com";
                state.put("arn", prefix.formatted("rds") + "cluster:" + id);
                state.put("endpoint", host);
                state.put("readerEndpoint", host.replace(".cluster-", ".cluster-ro-"));
            }
            case "aws:rds/subnetGroup:SubnetGroup" -> id = physical;
            case "aws:secretsmanager/secret:Secret" ->
                    state.put("arn", prefix.formatted("secretsmanager") + "secret:" + physical + "-AbCdEf");
            case "aws:efs/fileSystem:FileSystem" -> {
                id = stableId("fs-", name);
                state.put("arn", prefix.formatted("elasticfilesystem") + "file-system/" + id);
            }
            case "aws:efs/accessPoint:AccessPoint" -> {
                id = stableId("fsap-", name);
                state.put("arn", prefix.formatted("elasticfilesystem") + "access-point/" + id);
            }
            case "aws:wafv2/webAcl:WebAcl" -> {
                // CLOUDFRONT-scope ACLs live in us-east-1 under "global" (AWS WAF API, "WebACL": ARN).
                String scope = "CLOUDFRONT".equals(state.get("scope")) ? "global" : "regional";
                state.put("arn", prefix.formatted("wafv2") + scope + "/webacl/" + physical + "/" + id);
            }
            case "aws:lb/loadBalancer:LoadBalancer" -> {
                String suffix = "app/" + name + "/" + stableId("", name);
                state.put("arn", prefix.formatted("elasticloadbalancing") + "loadbalancer/" + suffix);
                state.put("arnSuffix", suffix);
                state.put("dnsName", name + "-" + stableId("", name) + "." + region + ".elb.amazonaws.com");
                state.put("zoneId", "ZELB" + region.replace("-", "").toUpperCase());
            }
            case "aws:lb/targetGroup:TargetGroup" -> {
                String suffix = "targetgroup/" + name + "/" + stableId("", name);
                state.put("arn", prefix.formatted("elasticloadbalancing") + suffix);
                state.put("arnSuffix", suffix);
            }
            case "aws:codestarconnections/connection:Connection" -> {
                id = prefix.formatted("codestar-connections") + "connection/" + UUID.nameUUIDFromBytes(
                        name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                state.put("arn", id);
                state.put("connectionStatus", "PENDING");
            }
            case "aws:ecs/cluster:Cluster" -> {
                id = prefix.formatted("ecs") + "cluster/" + physical;
                state.put("name", physical);
                state.put("arn", id);
            }
            case "aws:ecs/taskDefinition:TaskDefinition" -> {
                String family = physical(state, "family", name);
                state.put("arnWithoutRevision", prefix.formatted("ecs") + "task-definition/" + family);
                state.put("arn", state.get("arnWithoutRevision") + ":1");
                state.put("revision", 1);
                id = family;
            }
            case "aws:codebuild/project:Project" -> {
                id = physical;
                state.put("arn", prefix.formatted("codebuild") + "project/" + physical);
            }
            case "aws:cloudcontrol/resource:Resource" -> {
                String desired = String.valueOf(state.get("desiredState"));
                state.put("properties", CloudControlProperties.read(String.valueOf(state.get("typeName")), desired, id, region));
                id = CloudControlProperties.identifier(String.valueOf(state.get("typeName")), desired, id, region);
            }
            case "aws:cloudwatch/metricAlarm:MetricAlarm", "aws:cloudwatch/compositeAlarm:CompositeAlarm" -> {
                String alarm = state.get("alarmName") instanceof String n ? n : physical;
                state.put("arn", prefix.formatted("cloudwatch") + "alarm:" + alarm);
            }
            default -> {
                String service = type.substring(type.indexOf(':') + 1, type.indexOf('/') < 0 ? type.length() : type.indexOf('/'));
                state.putIfAbsent("arn", prefix.formatted(service) + name);
            }
        }
        state.put("id", id);
        return id;
    }

    private static String physical(Map<String, Object> state, String key, String fallback) {
        return state.get(key) instanceof String value ? value : fallback;
    }

    private static String invokeArn(String region, String functionArn) {
        return "arn:aws:apigateway:" + region + ":lambda:path/2015-03-31/functions/" + functionArn + "/invocations";
    }
}
