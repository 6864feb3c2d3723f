package com.bookstore.infra.blog;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlogTest {

    private static final String CLUSTER = "aws:rds/cluster:Cluster";
    private static final String TASK = "aws:ecs/taskDefinition:TaskDefinition";
    private static final String RULE = "aws:lb/listenerRule:ListenerRule";

    @Test
    void thePrimaryCreatesTheGlobalDatabaseWithAnEncryptedProtectedWriter() {
        Plan plan = Plans.primary();

        var global = Plans.one(plan, "aws:rds/globalCluster:GlobalCluster");
        var writer = Plans.one(plan, CLUSTER);

        assertEquals("aurora-mysql", input(global, "engine"));
        assertEquals(true, input(global, "storageEncrypted"));
        assertEquals(true, input(global, "deletionProtection"));
        assertEquals(global.id(), input(writer, "globalClusterIdentifier"));
        assertEquals(input(global, "engineVersion"), input(writer, "engineVersion"));
        assertTrue(String.valueOf(input(global, "engineVersion")).startsWith("8.0.mysql_aurora.3"));
        assertEquals(true, input(writer, "storageEncrypted"));
        assertTrue(String.valueOf(input(writer, "kmsKeyId")).startsWith("arn:aws:kms:eu-west-1:"));
        assertEquals(true, input(writer, "deletionProtection"));
        assertEquals(7L, input(writer, "backupRetentionPeriod"));
        assertEquals("wordpress", input(writer, "masterUsername"));
        assertEquals("eu-west-1", writer.region());
        var instance = Plans.one(plan, "aws:rds/clusterInstance:ClusterInstance");
        assertEquals(input(global, "engineVersion"), input(instance, "engineVersion"));
        assertEquals(false, input(instance, "autoMinorVersionUpgrade"), "an LTS version stays on LTS");
    }

    @Test
    void theSecondaryJoinsTheGlobalClusterNamedInTheContract() {
        Plan secondary = Plans.secondary();

        var replica = Plans.one(secondary, CLUSTER);

        assertTrue(secondary.ofType("aws:rds/globalCluster:GlobalCluster").isEmpty());
        assertEquals(Plans.primary().outputs().get("blogGlobalClusterId"), input(replica, "globalClusterIdentifier"));
        assertEquals("ap-southeast-1", replica.region());
        assertNull(input(replica, "masterUsername"), "a secondary cluster has no credentials of its own");
        assertNull(input(replica, "masterPassword"));
        assertTrue(String.valueOf(input(replica, "kmsKeyId")).startsWith("arn:aws:kms:ap-southeast-1:"));
        assertEquals(true, input(replica, "deletionProtection"));
    }

    @Test
    void theCredentialsAreReplicatedAndTheSecondaryReadsItsReplica() {
        var secret = Plans.one(Plans.primary(), "aws:secretsmanager/secret:Secret");
        String primaryArn = String.valueOf(Plans.primary().outputs().get("blogCredentialsSecretArn"));

        var container = container(Plans.named(Plans.secondary(), TASK, "bookstore-blog"));

        assertEquals(List.of(Map.of("region", "ap-southeast-1")), input(secret, "replicas"));
        assertTrue(String.valueOf(input(secret, "kmsKeyId")).startsWith("arn:aws:kms:eu-west-1:"));
        String replicaArn = primaryArn.replace(":eu-west-1:", ":ap-southeast-1:");
        assertEquals(replicaArn + ":password::", secretFrom(container, "WORDPRESS_DB_PASSWORD"));
    }

    @Test
    void theSecondaryServesReadsFromItsOwnCluster() {
        var primaryHost = env(container(Plans.named(Plans.primary(), TASK, "bookstore-blog")), "WORDPRESS_DB_HOST");
        var secondaryHost = env(container(Plans.named(Plans.secondary(), TASK, "bookstore-blog")), "WORDPRESS_DB_HOST");

        assertTrue(primaryHost.contains(".cluster-") && !primaryHost.contains(".cluster-ro-"), primaryHost);
        assertTrue(secondaryHost.contains(".cluster-ro-") && secondaryHost.contains(".ap-southeast-1."), secondaryHost);
    }

    @Test
    void wordpressRunsInThePrivateSubnetsWithoutPublicAddresses() {
        Plan plan = Plans.primary();
        var service = Plans.one(plan, "aws:ecs/service:Service");
        var balancer = Plans.one(plan, "aws:lb/loadBalancer:LoadBalancer");
        List<String> privateSubnets = plan.ofType("aws:ec2/subnet:Subnet").stream()
                .filter(s -> s.name().startsWith("bookstore-network-private-")).map(PlannedResource::id).sorted().toList();

        assertEquals(privateSubnets, sorted(input(service, "networkConfiguration.subnets")));
        assertEquals(false, input(service, "networkConfiguration.assignPublicIp"));
        assertEquals("FARGATE", input(service, "launchType"));
        assertTrue(sorted(input(balancer, "subnets")).stream().noneMatch(privateSubnets::contains),
                "the load balancer sits in the public subnets only");
        assertEquals(false, input(balancer, "internal"));
        assertTrue(plan.ofType("aws:ec2/natGateway:NatGateway").isEmpty(), "no NAT: the tasks use VPC endpoints");
    }

    @Test
    void theAdminNetworksReachEverythingAndOnlyThemAndNothingIsForwardedByDefault() {
        Plan closed = Plans.primary();
        Plan open = Plans.run(Plans.primaryConfig(Map.of("bookstore:blogAdminCidrs", "203.0.113.0/24, 198.51.100.7/32")),
                Map.of());

        assertTrue(closed.ofType(RULE).stream().noneMatch(rule -> rule.name().endsWith("-admin-allowed")));
        var allowed = Plans.named(open, RULE, "bookstore-blog-admin-allowed");
        assertEquals("forward", input(allowed, "actions.type"));
        assertEquals(List.of(Map.of("sourceIp", Map.of("values", List.of("203.0.113.0/24", "198.51.100.7/32")))),
                input(allowed, "conditions"), "the admin networks' rule has no path: admins reach every path");
        assertEquals((long) BlogLoadBalancer.ADMIN_PRIORITY, input(allowed, "priority"));
        for (PlannedResource listener : open.ofType("aws:lb/listener:Listener")) {
            String type = String.valueOf(input(listener, "defaultActions.type"));
            assertTrue(type.equals("redirect") || type.equals("fixed-response"), listener.name() + " forwards by default: " + type);
            if (type.equals("fixed-response")) {
                assertEquals("403", input(listener, "defaultActions.fixedResponse.statusCode"));
            }
        }
    }

    @Test
    void theListenerRulesComeFromTheSharedAllowListWithinTheLoadBalancersQuotas() throws Exception {
        var shared = JsonParser.parseString(java.nio.file.Files.readString(BlogPublicPaths.FILE)).getAsJsonObject();
        List<String> publicPaths = shared.getAsJsonArray("publicPaths").asList().stream().map(e -> e.getAsString()).toList();
        List<String> methods = shared.getAsJsonArray("methods").asList().stream().map(e -> e.getAsString()).toList();
        var refused = shared.getAsJsonObject("refused");
        List<PlannedResource> rules = Plans.primary().ofType(RULE);

        List<String> forwarded = new java.util.ArrayList<>();
        List<String> refusedPaths = new java.util.ArrayList<>();
        List<String> refusedKeys = new java.util.ArrayList<>();
        List<String> refusedHeaders = new java.util.ArrayList<>();
        long lastRefusal = 0;
        long firstPublic = Long.MAX_VALUE;
        for (PlannedResource rule : rules) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> conditions = (List<Map<String, Object>>) input(rule, "conditions");
            long values = 0;
            long wildcards = 0;
            for (Map<String, Object> condition : conditions) {
                for (Object value : conditionValues(condition)) {
                    values++;
                    wildcards += String.valueOf(value).chars().filter(c -> c == '*' || c == '?').count();
                }
            }
            // "Quotas for your Application Load Balancers": 5 condition values and 5 wildcards per rule
            assertTrue(values <= 5 && wildcards <= 5, rule.name() + ": " + values + " values, " + wildcards + " wildcards");
            long priority = (Long) input(rule, "priority");
            if ("forward".equals(input(rule, "actions.type"))) {
                assertEquals(2, conditions.size(), rule.name() + " forwards on a method and a path: " + conditions);
                assertEquals(Map.of("httpRequestMethod", Map.of("values", methods)), conditions.get(0));
                forwarded.addAll(conditionValues(conditions.get(1)).stream().map(String::valueOf).toList());
                firstPublic = Math.min(firstPublic, priority);
            } else {
                assertEquals("403", input(rule, "actions.fixedResponse.statusCode"));
                lastRefusal = Math.max(lastRefusal, priority);
                Map<String, Object> condition = conditions.get(0);
                if (condition.containsKey("pathPattern")) {
                    refusedPaths.addAll(conditionValues(condition).stream().map(String::valueOf).toList());
                } else if (condition.containsKey("queryStrings")) {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> pairs = (List<Map<String, Object>>) condition.get("queryStrings");
                    pairs.forEach(pair -> {
                        assertEquals("*", pair.get("value"));
                        refusedKeys.add(String.valueOf(pair.get("key")));
                    });
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> header = (Map<String, Object>) condition.get("httpHeader");
                    refusedHeaders.add(String.valueOf(header.get("httpHeaderName")));
                }
            }
        }

        assertEquals(publicPaths, forwarded, "every public path, and nothing else, is forwarded");
        assertEquals(refused.getAsJsonArray("pathPatterns").asList().stream().map(e -> e.getAsString()).toList(), refusedPaths);
        assertEquals(refused.getAsJsonArray("queryKeys").asList().stream().map(e -> e.getAsString()).toList(), refusedKeys);
        assertEquals(refused.getAsJsonArray("headers").asList().stream().map(e -> e.getAsString()).toList(), refusedHeaders);
        assertTrue(lastRefusal < firstPublic, "the refusals are evaluated before the public paths");
        assertTrue(rules.size() <= 100, "100 rules per load balancer: " + rules.size());
        // what the storefront reads (ui/src/blog/blogApi.ts) and the health check's path are public; the admin is not
        assertTrue(publicPaths.containsAll(List.of("/wp-json/wp/v2/posts", "/wp-json/wp/v2/posts/*", BlogLoadBalancer.HEALTH_CHECK_PATH)));
        assertTrue(refusedKeys.contains("rest_route") && refusedHeaders.contains("X-HTTP-Method-Override"));
        assertTrue(publicPaths.stream().noneMatch(p -> p.contains("wp-admin") || p.contains("login") || p.contains("xmlrpc")
                || p.contains("users") || p.equals("/*")));
    }

    @Test
    void anAllowListThatDoesNotFitTheLoadBalancersRulesFailsTheProgram() {
        String tooManyMethods = "{\"methods\":[\"GET\",\"HEAD\",\"OPTIONS\",\"POST\",\"PUT\"],\"publicPaths\":[\"/a\"],"
                + "\"refused\":{\"queryKeys\":[],\"headers\":[],\"pathPatterns\":[]}}";
        String longPattern = "{\"methods\":[\"GET\"],\"publicPaths\":[\"/" + "a".repeat(128) + "\"],"
                + "\"refused\":{\"queryKeys\":[],\"headers\":[],\"pathPatterns\":[]}}";

        assertTrue(assertThrowsIllegal(tooManyMethods).contains("methods"));
        assertTrue(assertThrowsIllegal(longPattern).contains("128"));
        assertEquals(List.of(List.of("*/../*", "*/./*"), List.of("*%2e*", "*%2E*")),
                BlogPublicPaths.parse("{\"methods\":[\"GET\"],\"publicPaths\":[],\"refused\":{\"queryKeys\":[],"
                        + "\"headers\":[],\"pathPatterns\":[\"*/../*\",\"*/./*\",\"*%2e*\",\"*%2E*\"]}}").refusedPathRules(),
                "four patterns of two wildcards each take two rules");
    }

    private static String assertThrowsIllegal(String json) {
        return org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> BlogPublicPaths.parse(json))
                .getMessage();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> conditionValues(Map<String, Object> condition) {
        List<Object> values = new java.util.ArrayList<>();
        condition.forEach((type, body) -> {
            if (body instanceof Map<?, ?> map && map.get("values") instanceof List<?> list) {
                values.addAll(list);
            } else if (body instanceof List<?> pairs) {
                pairs.forEach(pair -> values.add(((Map<String, Object>) pair).get("value")));
            }
        });
        return values;
    }

    @Test
    void eachRegionOwnsItsFailoverRecordForTheBlogName() {
        var primary = Plans.named(Plans.primary(), "aws:route53/record:Record", "bookstore-failover-blog");
        var secondary = Plans.named(Plans.secondary(), "aws:route53/record:Record", "bookstore-failover-blog");
        var check = Plans.named(Plans.secondary(), "aws:route53/healthCheck:HealthCheck", "bookstore-failover-blog");

        assertEquals("blog.shop.example.org", input(primary, "name"));
        assertEquals(List.of(Map.of("type", "PRIMARY")), input(primary, "failoverRoutingPolicies"));
        assertEquals(List.of(Map.of("type", "SECONDARY")), input(secondary, "failoverRoutingPolicies"));
        assertEquals("/wp-json/", input(check, "resourcePath"));
        // The record follows a calculated check over this one and the Region switch plan's (RegionSwitchPlanTest).
        var routing = Plans.named(Plans.secondary(), "aws:route53/healthCheck:HealthCheck", "bookstore-failover-blog-routing");
        assertEquals(routing.id(), input(secondary, "healthCheckId"));
        assertEquals(check.id(), ((List<?>) input(routing, "childHealthchecks")).get(0));
        String target = (String) ((List<?>) input(secondary, "records")).get(0);
        assertTrue(target.endsWith(".ap-southeast-1.elb.amazonaws.com"), target);
    }

    @Test
    void theSecondarysUploadsFileSystemIsCreatedByItsReplicationAndMountedByTheIdItReports() {
        Plan secondary = Plans.secondary();
        var replication = Plans.one(secondary, "aws:efs/replicationConfiguration:ReplicationConfiguration");

        assertTrue(Plans.primary().ofType("aws:efs/replicationConfiguration:ReplicationConfiguration").isEmpty());
        assertEquals(Plans.primary().outputs().get("blogUploadsFileSystemId"), input(replication, "sourceFileSystemId"));
        assertEquals("eu-west-1", replication.region(), "EFS takes the replication at its source");
        assertEquals("ap-southeast-1", input(replication, "destination.region"));
        // No file system of ours becomes a destination (it would read back as REPLICATING on every refresh):
        // EFS creates the replica, encrypted with the secondary's blog key.
        assertTrue(secondary.ofType("aws:efs/fileSystem:FileSystem").isEmpty());
        assertNull(input(replication, "destination.fileSystemId"));
        assertTrue(String.valueOf(input(replication, "destination.kmsKeyId")).startsWith("arn:aws:kms:ap-southeast-1:"));
        String replicaId = (String) secondary.outputs().get("blogUploadsFileSystemId");
        assertTrue(replicaId.startsWith("fs-"), replicaId);
        for (var mount : secondary.ofType("aws:efs/mountTarget:MountTarget")) {
            assertEquals(replicaId, input(mount, "fileSystemId"));
        }
        assertEquals(replicaId, input(Plans.one(secondary, "aws:efs/accessPoint:AccessPoint"), "fileSystemId"));
    }

    @Test
    void theInternetFacingLoadBalancerIsCreatedAfterTheGatewayRouteAndThePublicAssociations() {
        for (Plan plan : List.of(Plans.primary(), Plans.secondary())) {
            var balancer = Plans.one(plan, "aws:lb/loadBalancer:LoadBalancer");
            List<String> publicAssociations = plan.ofType("aws:ec2/routeTableAssociation:RouteTableAssociation").stream()
                    .filter(a -> a.name().startsWith("bookstore-blog-public-")).map(PlannedResource::key).toList();

            assertEquals(false, input(balancer, "internal"));
            assertEquals(2, publicAssociations.size());
            assertTrue(balancer.dependsOn().containsAll(publicAssociations), balancer.dependsOn().toString());
            assertTrue(balancer.dependsOn().contains("aws:ec2/route:Route::bookstore-blog-internet"));
            assertTrue(balancer.dependsOn().contains("aws:ec2/internetGateway:InternetGateway::bookstore-blog"));
        }
    }

    @Test
    void theFirstDeployConvergesTheServiceWaitsForTheDatabaseInstanceAndAnUninstalledSiteIsHealthy() {
        for (Plan plan : List.of(Plans.primary(), Plans.secondary())) {
            var service = Plans.one(plan, "aws:ecs/service:Service");
            var targets = Plans.one(plan, "aws:lb/targetGroup:TargetGroup");

            assertTrue(service.dependsOn().contains("aws:rds/clusterInstance:ClusterInstance::bookstore-blog-db-1"),
                    service.dependsOn().toString());
            // WordPress not yet installed redirects every request (302) to its installer; installed it answers 200.
            assertEquals("/wp-json/", input(targets, "healthCheck.path"));
            assertEquals(List.of("200", "302"), List.of(String.valueOf(input(targets, "healthCheck.matcher")).split(",")));
        }
    }

    @Test
    void theDatabaseLogsGoToLogGroupsTheStackOwnsAndTheFinalSnapshotNameIsUniquePerDeployment() {
        Plan primary = Plans.primary();
        var cluster = Plans.one(primary, CLUSTER);
        var key = Plans.named(primary, "aws:kms/key:Key", "bookstore-blog-db-key");
        String keyId = String.valueOf(key.id()).replaceAll("[^A-Za-z0-9]", "").substring(0, 8).toLowerCase();

        assertEquals("bookstore-blog-db-final-" + keyId, input(cluster, "finalSnapshotIdentifier"));
        for (String log : List.of("error", "slowquery")) {
            var group = Plans.named(primary, "aws:cloudwatch/logGroup:LogGroup", "bookstore-blog-db-" + log);
            assertEquals("/aws/rds/cluster/bookstore-blog-db/" + log, input(group, "name"));
            assertTrue(cluster.dependsOn().contains(group.key()));
        }
        var insights = Plans.named(primary, "aws:cloudwatch/logGroup:LogGroup", "bookstore-blog-insights");
        assertEquals("/aws/ecs/containerinsights/bookstore-blog/performance", input(insights, "name"));
        assertEquals("bookstore-blog", input(Plans.one(primary, "aws:ecs/cluster:Cluster"), "name"));
    }

    @Test
    void theSecondaryAlarmsWhenItsDatabaseLagsThePrimary() {
        Plan secondary = Plans.secondary();
        var alarm = Plans.named(secondary, "aws:cloudwatch/metricAlarm:MetricAlarm", "bookstore-blog-replication-lag");
        var topic = Plans.named(secondary, "aws:sns/topic:Topic", "bookstore-blog-alarms");

        assertEquals("AWS/RDS", input(alarm, "namespace"));
        assertEquals("AuroraGlobalDBReplicationLag", input(alarm, "metricName"));
        assertEquals(Map.of("DBClusterIdentifier", input(Plans.one(secondary, CLUSTER), "clusterIdentifier")),
                input(alarm, "dimensions"));
        assertEquals(10_000.0, ((Number) input(alarm, "threshold")).doubleValue());
        assertEquals(List.of(topic.id()), input(alarm, "alarmActions"));
        assertEquals("ap-southeast-1", alarm.region());
        assertTrue(Plans.primary().ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .noneMatch(a -> "AuroraGlobalDBReplicationLag".equals(input(a, "metricName"))),
                "the metric exists in the secondary region only");
    }

    @Test
    void theSecondaryExportsWhatTheUnplannedPromotionNeeds() {
        Plan secondary = Plans.secondary();

        var replication = Plans.one(secondary, "aws:efs/replicationConfiguration:ReplicationConfiguration");
        Object replica = secondary.outputs().get("blogUploadsFileSystemId");
        assertTrue(String.valueOf(replica).startsWith("fs-"), String.valueOf(replica));
        assertTrue(!replica.equals(input(replication, "sourceFileSystemId")), "the replica, not the primary's source");
        assertEquals(Plans.primary().outputs().get("blogGlobalClusterId"), secondary.outputs().get("blogGlobalClusterId"));
    }

    @Test
    void theStorefrontLinksToTheBlogsFailoverName() {
        String config = String.valueOf(Plans.primary().ofType("aws:s3/bucketObjectv2:BucketObjectv2").stream()
                .filter(o -> "config.json".equals(input(o, "key"))).findFirst().map(o -> input(o, "content")).orElseThrow());

        assertEquals("https://blog.shop.example.org", JsonParser.parseString(config).getAsJsonObject().get("blogUrl").getAsString());
        assertFalse(config.contains("elb.amazonaws.com"));
    }

    @Test
    void thePrimaryOffersAOneOffTaskThatSeedsThePostsWithTheLocalSeedScript() throws Exception {
        Plan primary = Plans.primary();
        var seed = container(Plans.named(primary, TASK, "bookstore-blog-seed"));
        @SuppressWarnings("unchecked")
        Map<String, Object> task = new com.google.gson.Gson().fromJson(String.valueOf(primary.outputs().get("blogSeedTask")), Map.class);

        assertEquals(java.nio.file.Files.readString(java.nio.file.Path.of("scripts/blog/posts.json")),
                env(seed, "BOOKSTORE_SEED_POSTS"));
        assertEquals(java.nio.file.Files.readString(java.nio.file.Path.of("scripts/blog/seed.php")),
                env(seed, "BOOKSTORE_SEED_PHP"));
        assertTrue(String.valueOf(seed.get("command")).contains("php /tmp/seed.php /tmp/wordpress /tmp/posts.json"));
        assertEquals("eu-west-1", task.get("region"));
        assertTrue(String.valueOf(task.get("taskDefinition")).contains("bookstore-blog-seed"), String.valueOf(task));
        assertTrue(Plans.secondary().ofType(TASK).stream().noneMatch(t -> t.name().endsWith("-seed")),
                "the secondary's database is read-only: nothing to seed there");
        assertFalse(Plans.secondary().outputs().containsKey("blogSeedTask"));
    }

    @Test
    void theAdministratorsPasswordIsKeptInTheBlogsCredentialsSecretWhereAPersonCanReadIt() {
        var version = Plans.named(Plans.primary(), "aws:secretsmanager/secretVersion:SecretVersion", "bookstore-blog-db-credentials");
        var secret = JsonParser.parseString(String.valueOf(input(version, "secretString"))).getAsJsonObject();

        assertEquals(BlogDatabase.ADMIN_USER, secret.get("adminUsername").getAsString());
        assertFalse(secret.get("adminPassword").getAsString().isBlank());
        // The seeding task installs WordPress with that password (seed.php reads BOOKSTORE_ADMIN_PASSWORD).
        assertTrue(String.valueOf(input(Plans.named(Plans.primary(), TASK, "bookstore-blog-seed"), "containerDefinitions"))
                .contains("\"BOOKSTORE_ADMIN_PASSWORD\",\"valueFrom\":\"" + Plans.primary().outputs().get("blogCredentialsSecretArn")
                        + ":adminPassword::\""));
    }

    /**
     * ECS takes the containers as one JSON string, so its exact text matters: a different key order is a changed
     * input in every plan diff and a new task definition revision. Map.of's order changes with each JVM start,
     * so two runs in this JVM would agree even when the order is not fixed; comparing the exact string is what
     * catches it.
     */
    @Test
    void theBlogContainerDefinitionsAreRenderedInAFixedKeyOrder() throws Exception {
        String wordpress = compact("""
                [{"name": "wordpress",
                  "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/bookstore-blog-ecr-public/docker/library/wordpress:7.1.1-php8.3-apache",
                  "essential": true,
                  "portMappings": [{"containerPort": 80, "protocol": "tcp"}],
                  "environment": [
                    {"name": "WORDPRESS_DB_HOST", "value": "{{dbHost}}"},
                    {"name": "WORDPRESS_DB_NAME", "value": "wordpress"},
                    {"name": "WORDPRESS_CONFIG_EXTRA", "value": "{{extraConfig}}"}],
                  "secrets": [
                    {"name": "WORDPRESS_DB_USER", "valueFrom": "{{secretArn}}:username::"},
                    {"name": "WORDPRESS_DB_PASSWORD", "valueFrom": "{{secretArn}}:password::"}],
                  "mountPoints": [{"sourceVolume": "uploads", "containerPath": "/var/www/html/wp-content/uploads", "readOnly": false}],
                  "logConfiguration": {"logDriver": "awslogs", "options": {
                    "awslogs-group": "/aws/ecs/bookstore-blog", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "wordpress"}}}]
                """);
        String seed = compact("""
                [{"name": "seed",
                  "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/bookstore-blog-ecr-public/docker/library/wordpress:7.1.1-php8.3-apache",
                  "essential": true,
                  "environment": [
                    {"name": "WORDPRESS_DB_HOST", "value": "{{dbHost}}"},
                    {"name": "WORDPRESS_DB_NAME", "value": "wordpress"},
                    {"name": "WORDPRESS_CONFIG_EXTRA", "value": "{{extraConfig}}"},
                    {"name": "BLOG_URL", "value": "https://blog.shop.example.org"},
                    {"name": "BOOKSTORE_SEED_PHP", "value": "{{seedPhp}}"},
                    {"name": "BOOKSTORE_SEED_POSTS", "value": "{{seedPosts}}"}],
                  "secrets": [
                    {"name": "WORDPRESS_DB_USER", "valueFrom": "{{secretArn}}:username::"},
                    {"name": "WORDPRESS_DB_PASSWORD", "valueFrom": "{{secretArn}}:password::"},
                    {"name": "BOOKSTORE_ADMIN_PASSWORD", "valueFrom": "{{secretArn}}:adminPassword::"}],
                  "logConfiguration": {"logDriver": "awslogs", "options": {
                    "awslogs-group": "/aws/ecs/bookstore-blog", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "seed"}},
                  "command": ["bash", "-c", "set -euo pipefail\\ncp -a /usr/src/wordpress/. /tmp/wordpress/\\ncp /tmp/wordpress/wp-config-docker.php /tmp/wordpress/wp-config.php\\nprintf '%s' \\"$BOOKSTORE_SEED_PHP\\" > /tmp/seed.php\\nprintf '%s' \\"$BOOKSTORE_SEED_POSTS\\" > /tmp/posts.json\\nphp /tmp/seed.php /tmp/wordpress /tmp/posts.json 'Bookstore blog'"]}]
                """);
        Map<String, String> values = Map.of(
                "{{dbHost}}", "bookstore-blog-db.cluster-83b37ecbe38b.eu-west-1.rds.amazonaws.com:3306",
                "{{secretArn}}", String.valueOf(Plans.primary().outputs().get("blogCredentialsSecretArn")),
                "{{extraConfig}}", String.join("\\n",
                        "if (($_SERVER['HTTP_X_FORWARDED_PROTO'] ?? '') === 'https') { $_SERVER['HTTPS'] = 'on'; }",
                        "define('WP_HOME', 'https://blog.shop.example.org');",
                        "define('WP_SITEURL', 'https://blog.shop.example.org');",
                        "define('DISABLE_WP_CRON', true);",
                        "define('WP_HTTP_BLOCK_EXTERNAL', true);",
                        "define('AUTOMATIC_UPDATER_DISABLED', true);"),
                "{{seedPhp}}", jsonText(java.nio.file.Files.readString(java.nio.file.Path.of("scripts/blog/seed.php"))),
                "{{seedPosts}}", jsonText(java.nio.file.Files.readString(java.nio.file.Path.of("scripts/blog/posts.json"))));

        assertEquals(fill(wordpress, values),
                input(Plans.named(Plans.primary(), TASK, "bookstore-blog"), "containerDefinitions"));
        assertEquals(fill(seed, values),
                input(Plans.named(Plans.primary(), TASK, "bookstore-blog-seed"), "containerDefinitions"));
    }

    /** The JSON on one line, keys in the order written (Gson's tree keeps it). */
    private static String compact(String json) {
        return JsonParser.parseString(json).toString();
    }

    /** A string as it reads inside a JSON string literal, without the quotes. */
    private static String jsonText(String value) {
        String quoted = new com.google.gson.GsonBuilder().disableHtmlEscaping().create().toJson(value);
        return quoted.substring(1, quoted.length() - 1);
    }

    private static String fill(String json, Map<String, String> values) {
        String filled = json;
        for (var value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        return filled;
    }

    private static Map<String, Object> container(PlannedResource task) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> containers = new com.google.gson.Gson().fromJson(
                String.valueOf(input(task, "containerDefinitions")), List.class);
        return containers.get(0);
    }

    @SuppressWarnings("unchecked")
    private static String env(Map<String, Object> container, String name) {
        return ((List<Map<String, Object>>) container.get("environment")).stream()
                .filter(e -> name.equals(e.get("name"))).map(e -> String.valueOf(e.get("value"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static String secretFrom(Map<String, Object> container, String name) {
        return ((List<Map<String, Object>>) container.get("secrets")).stream()
                .filter(e -> name.equals(e.get("name"))).map(e -> String.valueOf(e.get("valueFrom"))).findFirst().orElseThrow();
    }

    private static List<String> sorted(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).sorted().toList();
    }
}
