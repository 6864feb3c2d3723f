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

        List<PlannedResource> subnets = plan.ofType("aws:ec2/subnet:Subnet").stream()
                .filter(s -> s.name().startsWith("bookstore-network-private-")).toList();

        assertEquals(2, subnets.size());
        assertEquals(Set.of("eu-west-1a", "eu-west-1b"),
                subnets.stream().map(s -> input(s, "availabilityZone")).collect(Collectors.toSet()));
        assertEquals(Set.of("10.50.0.0/20", "10.50.16.0/20"),
                subnets.stream().map(s -> input(s, "cidrBlock")).collect(Collectors.toSet()));
        assertTrue(subnets.stream().allMatch(s -> Boolean.FALSE.equals(input(s, "mapPublicIpOnLaunch"))));
    }

    @Test
    void dynamodbIsReachedThroughTheFreeGatewayEndpointAndNothingPrivateLeadsToTheInternet() {
        Plan plan = Plans.primary();
        String privateRoutes = Plans.named(plan, "aws:ec2/routeTable:RouteTable", "bookstore-network-private").id();

        var endpoint = Plans.named(plan, "aws:ec2/vpcEndpoint:VpcEndpoint", "bookstore-network-dynamodb");

        assertEquals("Gateway", input(endpoint, "vpcEndpointType"));
        assertEquals("com.amazonaws.eu-west-1.dynamodb", input(endpoint, "serviceName"));
        assertEquals(List.of(privateRoutes), input(endpoint, "routeTableIds"));
        // The only internet route is the blog load balancer's public table; the private subnets have none.
        assertTrue(plan.ofType("aws:ec2/route:Route").stream().noneMatch(r -> privateRoutes.equals(input(r, "routeTableId"))));
        assertTrue(plan.ofType("aws:ec2/natGateway:NatGateway").isEmpty());
    }

    @Test
    void onlyTheFunctionsReachRedis() {
        Plan plan = Plans.primary();
        String functions = Plans.named(plan, "aws:ec2/securityGroup:SecurityGroup", "bookstore-network-functions").id();
        String cache = Plans.named(plan, "aws:ec2/securityGroup:SecurityGroup", "bookstore-network-cache").id();

        var ingresses = plan.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").stream()
                .filter(r -> cache.equals(input(r, "securityGroupId"))).toList();
        assertEquals(1, ingresses.size());
        var ingress = ingresses.get(0);

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
