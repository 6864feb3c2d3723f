package com.bookstore.infra.cache;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeaderboardCacheTest {

    @Test
    void redisIsEncryptedAtRestAndInTransitInsideTheVpcAcrossZones() {
        Plan plan = Plans.primary();

        var group = Plans.one(plan, "aws:elasticache/replicationGroup:ReplicationGroup");
        var subnets = Plans.one(plan, "aws:elasticache/subnetGroup:SubnetGroup");

        assertEquals(true, input(group, "atRestEncryptionEnabled"));
        assertEquals(true, input(group, "transitEncryptionEnabled"));
        assertEquals(2L, input(group, "numCacheClusters"));
        assertEquals(true, input(group, "automaticFailoverEnabled"));
        assertEquals(true, input(group, "multiAzEnabled"));
        assertEquals(subnets.id(), input(group, "subnetGroupName"));
        assertEquals(plan.ofType("aws:ec2/subnet:Subnet").stream()
                        .filter(s -> s.name().startsWith("bookstore-network-private-")).map(s -> s.id()).sorted().toList(),
                ((List<?>) input(subnets, "subnetIds")).stream().map(String::valueOf).sorted().toList());
        assertEquals(List.of(Plans.named(plan, "aws:ec2/securityGroup:SecurityGroup", "bookstore-network-cache").id()),
                input(group, "securityGroupIds"));
    }

    @Test
    void functionsConnectWithTls() {
        var api = Plans.named(Plans.primary(), "aws:lambda/function:Function", "bookstore-functions-api");

        String url = (String) input(api, "environment.variables.REDIS_URL");

        assertTrue(url.startsWith("rediss://") && url.endsWith(":6379"), url);
    }

    @Test
    void aSingleNodeCacheDoesNotClaimFailover() {
        Plan plan = Plans.run(Plans.primaryConfig(Map.of("bookstore:cacheNodes", "1")), Map.of());

        var group = Plans.one(plan, "aws:elasticache/replicationGroup:ReplicationGroup");

        assertEquals(false, input(group, "automaticFailoverEnabled"));
        assertEquals(false, input(group, "multiAzEnabled"));
    }
}
