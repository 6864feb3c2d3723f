package com.bookstore.infra.network;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkTest {

    @Test
    void privateSubnetsSpreadOverTwoZonesOfTheStacksRegion() {
        Plan plan = Plans.primary();

        List<PlannedResource> subnets = plan.ofType("aws:ec2/subnet:Subnet");

        assertEquals(2, subnets.size());
        assertEquals(Set.of("eu-west-1a", "eu-west-1b"),
                subnets.stream().map(s -> input(s, "availabilityZone")).collect(Collectors.toSet()));
        assertEquals(Set.of("10.50.0.0/20", "10.50.16.0/20"),
                subnets.stream().map(s -> input(s, "cidrBlock")).collect(Collectors.toSet()));
        assertTrue(subnets.stream().allMatch(s -> Boolean.FALSE.equals(input(s, "mapPublicIpOnLaunch"))));
    }

    @Test
    void dynamodbIsReachedThroughTheFreeGatewayEndpointAndNothingLeadsToTheInternet() {
        Plan plan = Plans.primary();

        var endpoint = Plans.one(plan, "aws:ec2/vpcEndpoint:VpcEndpoint");

        assertEquals("Gateway", input(endpoint, "vpcEndpointType"));
        assertEquals("com.amazonaws.eu-west-1.dynamodb", input(endpoint, "serviceName"));
        assertEquals(List.of(Plans.one(plan, "aws:ec2/routeTable:RouteTable").id()), input(endpoint, "routeTableIds"));
        assertTrue(plan.ofType("aws:ec2/internetGateway:InternetGateway").isEmpty());
        assertTrue(plan.ofType("aws:ec2/natGateway:NatGateway").isEmpty());
    }

    @Test
    void onlyTheFunctionsReachRedis() {
        Plan plan = Plans.primary();
        String functions = Plans.named(plan, "aws:ec2/securityGroup:SecurityGroup", "bookstore-network-functions").id();
        String cache = Plans.named(plan, "aws:ec2/securityGroup:SecurityGroup", "bookstore-network-cache").id();

        var ingress = Plans.one(plan, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");

        assertEquals(cache, input(ingress, "securityGroupId"));
        assertEquals(functions, input(ingress, "referencedSecurityGroupId"));
        assertEquals(6379L, input(ingress, "fromPort"));
        assertEquals(6379L, input(ingress, "toPort"));
    }

    @Test
    void subnetBlocksAreConsecutiveSlash20sOfTheVpc() {
        assertEquals("10.41.32.0/20", Network.subnetCidr("10.41.0.0/16", 2));
    }
}
