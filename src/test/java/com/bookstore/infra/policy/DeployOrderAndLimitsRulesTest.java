package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.bookstore.infra.support.PlanEdits.editInputs;
import static com.bookstore.infra.support.PlanEdits.editResources;
import static com.bookstore.infra.support.PlanEdits.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules that know AWS's ordering and limits: each passes the real plans and catches a broken fixture. */
class DeployOrderAndLimitsRulesTest {

    private static final String BALANCER = "aws:lb/loadBalancer:LoadBalancer::bookstore-blog";

    @Test
    void theRealPlansPassTheNewRules() {
        for (Plan plan : List.of(Plans.primary(), Plans.secondary())) {
            assertEquals(List.of(), new InternetPathFirst().check(plan));
            assertEquals(List.of(), new NameAndSizeLimits().check(plan));
        }
        assertEquals(List.of(), OneOwnerAcrossStacks.check(List.of(Plans.primary(), Plans.secondary())));
    }

    @Test
    void aLoadBalancerThatOnlyNamesItsSubnetsIsCaughtBeforeTheRouteExists() {
        // As the blog's load balancer was planned before: subnets and security group, no dependsOn.
        Plan plan = editResources(Plans.primary(), r -> r.key().equals(BALANCER), r -> r.withDependsOn(List.of()));

        List<Violation> violations = new InternetPathFirst().check(plan);

        assertTrue(violations.stream().anyMatch(v -> v.resource().equals(BALANCER)
                && v.message().contains("must dependOn aws:ec2/route:Route::bookstore-blog-internet")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.message().contains(
                "must dependOn aws:ec2/routeTableAssociation:RouteTableAssociation::bookstore-blog-public-1")));
    }

    @Test
    void aDependencyOnTheComponentHoldingTheRouteCountsAndASubnetWithoutGatewayRouteIsCaught() {
        Plan throughComponent = editResources(Plans.primary(), r -> r.key().equals(BALANCER),
                r -> r.withDependsOn(List.of("bookstore:blog:BlogSite::bookstore-blog")));
        Plan privateSubnet = editInputs(Plans.primary(), r -> r.key().equals(BALANCER), inputs -> {
            List<Object> subnets = new ArrayList<>((List<?>) inputs.get("subnets"));
            subnets.set(0, Plans.named(Plans.primary(), "aws:ec2/subnet:Subnet", "bookstore-network-private-0").id());
            inputs.put("subnets", subnets);
        });

        assertEquals(List.of(), new InternetPathFirst().check(throughComponent));
        assertTrue(new InternetPathFirst().check(privateSubnet).stream().anyMatch(v ->
                v.message().contains("has no 0.0.0.0/0 route to an internet gateway")));
    }

    @Test
    void aPublicNatGatewayOrVpcAddressWithoutTheGatewayFirstIsCaught() {
        String gateway = "aws:ec2/internetGateway:InternetGateway::bookstore-blog";
        Plan nat = with(Plans.primary(), new PlannedResource("aws:ec2/natGateway:NatGateway", "nat", null,
                "eu-west-1", null, "nat-1", Map.of("subnetId", "subnet-1")));
        Plan ordered = with(Plans.primary(), new PlannedResource("aws:ec2/eip:Eip", "address", null, "eu-west-1", null,
                "eipalloc-1", Map.of("domain", "vpc"), List.of(gateway), false));
        Plan privateNat = with(Plans.primary(), new PlannedResource("aws:ec2/natGateway:NatGateway", "nat", null,
                "eu-west-1", null, "nat-1", Map.of("subnetId", "subnet-1", "connectivityType", "private")));

        assertTrue(new InternetPathFirst().check(nat).stream().anyMatch(v ->
                v.resource().equals("aws:ec2/natGateway:NatGateway::nat") && v.message().contains("internet gateway")));
        assertEquals(List.of(), new InternetPathFirst().check(ordered));
        assertEquals(List.of(), new InternetPathFirst().check(privateNat));
    }

    @Test
    void namesOverAwsLimitsAndBadCharactersAreCaughtWithTheirSource() {
        Plan longName = editInputs(Plans.primary(), r -> r.key().equals("aws:lb/targetGroup:TargetGroup::bookstore-blog"),
                inputs -> inputs.put("name", "bookstore-blog-wordpress-targets-eu"));
        Plan doubleHyphen = editInputs(Plans.primary(), r -> r.type().equals("aws:rds/cluster:Cluster"),
                inputs -> inputs.put("finalSnapshotIdentifier", "bookstore--final"));
        Plan longCache = editInputs(Plans.primary(), r -> r.type().equals("aws:elasticache/replicationGroup:ReplicationGroup"),
                inputs -> inputs.put("replicationGroupId", "bookstore-leaderboard-cache-of-the-primary-region"));

        assertTrue(new NameAndSizeLimits().check(longName).stream().anyMatch(v -> v.message().contains(
                "has 35 characters, AWS allows 32 (Elastic Load Balancing API reference, CreateTargetGroup: Name)")));
        assertTrue(new NameAndSizeLimits().check(doubleHyphen).stream().anyMatch(v -> v.message().contains(
                "finalSnapshotIdentifier 'bookstore--final' has characters AWS does not allow")));
        assertTrue(new NameAndSizeLimits().check(longCache).stream().anyMatch(v -> v.message().contains("AWS allows 40")));
    }

    @Test
    void anIamRoleWhoseAutoNameOutgrowsSixtyFourCharactersAndAnOverlongPolicyNameAreCaught() {
        String role = "aws:iam/role:Role";
        String fits = "bookstore-" + "r".repeat(46);   // 56 + "-" + 7 random = 64
        String over = "bookstore-" + "s".repeat(47);   // 57 + 8 = 65
        Plan plan = Plans.primaryWithPipeline();
        for (String name : List.of(fits, over)) {
            plan = with(plan, new PlannedResource(role, name, null, "eu-west-1", "aws-eu-west-1", name,
                    Map.of("permissionsBoundary", "arn:aws:iam::123456789012:policy/bookstore-permissions-boundary")));
        }
        plan = editInputs(plan, r -> r.type().equals("aws:iam/policy:Policy") && r.name().equals("bookstore-deploy-blog"),
                inputs -> inputs.put("name", "bookstore-deploy-" + "p".repeat(112)));

        List<Violation> violations = new NameAndSizeLimits().check(plan);

        assertEquals(List.of(
                new Violation("name-and-size-limits", role + "::" + over, "auto-name of '" + over + "' (with Pulumi's "
                        + "7-character suffix) has 65 characters, AWS allows 64 (IAM user guide, IAM and AWS STS quotas, "
                        + "\"IAM and AWS STS character limits\": role name)"),
                new Violation("name-and-size-limits", "aws:iam/policy:Policy::bookstore-deploy-blog", "name 'bookstore-deploy-"
                        + "p".repeat(112) + "' has 129 characters, AWS allows 128 (IAM user guide, IAM and AWS STS quotas, "
                        + "\"IAM and AWS STS character limits\": policy name)")), violations);
    }

    @Test
    void tooManyRulesInOneSecurityGroupAndTooManyTagsAreCaught() {
        Plan plan = Plans.primary();
        String group = Plans.named(plan, "aws:ec2/securityGroup:SecurityGroup", "bookstore-blog-alb").id();
        for (int i = 0; i < NameAndSizeLimits.RULES_PER_GROUP_AND_DIRECTION; i++) {
            plan = with(plan, new PlannedResource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                    "extra-" + i, null, "eu-west-1", null, "sgr-" + i, Map.of("securityGroupId", group)));
        }
        Map<String, Object> tags = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            tags.put("extra" + i, "x");
        }
        Plan tagged = editInputs(Plans.primary(), r -> r.type().equals("aws:s3/bucketObjectv2:BucketObjectv2")
                && r.name().equals("bookstore-storefront-config"), inputs -> inputs.put("tags", tags));

        assertTrue(new NameAndSizeLimits().check(plan).stream().anyMatch(v ->
                v.resource().equals("security group " + group)
                        && v.message().startsWith("62 inbound rules, the default quota is 60")));
        assertTrue(new NameAndSizeLimits().check(tagged).stream().anyMatch(v ->
                v.resource().endsWith("bookstore-storefront-config") && v.message().startsWith("11 tags, AWS allows 10")));
    }

    @Test
    void aValidationRecordOrBucketCreatedByBothStacksIsCaught() {
        // As before: the secondary wrote the same ACM validation CNAME for api.<domain> as the primary.
        PlannedResource primaryRecord = Plans.named(Plans.primary(), "aws:route53/record:Record",
                "bookstore-api-certificate-validation");
        Plan secondary = with(Plans.secondary(), new PlannedResource(primaryRecord.type(), primaryRecord.name(), null,
                "ap-southeast-1", null, "Z_rec", primaryRecord.inputs()));
        PlannedResource bucket = Plans.named(Plans.primary(), "aws:s3/bucketV2:BucketV2", "bookstore-storefront");
        Plan secondaryBucket = with(Plans.secondary(), new PlannedResource(bucket.type(), "stray", null,
                "ap-southeast-1", null, "stray", bucket.inputs()));

        List<Violation> records = OneOwnerAcrossStacks.check(List.of(Plans.primary(), secondary));
        List<Violation> buckets = OneOwnerAcrossStacks.check(List.of(Plans.primary(), secondaryBucket));

        assertEquals(1, records.size(), records.toString());
        assertTrue(records.get(0).resource().contains(String.valueOf(primaryRecord.inputs().get("name")).replaceAll("\\.$", "")));
        assertTrue(records.get(0).message().contains("primary:aws:route53/record:Record::bookstore-api-certificate-validation"));
        assertEquals(1, buckets.size(), buckets.toString());
    }
}
