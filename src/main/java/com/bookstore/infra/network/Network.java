package com.bookstore.infra.network;

import com.bookstore.infra.region.RegionContext;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The private network of a region: a VPC with one private subnet per availability zone, no internet or NAT
 * gateway, a free DynamoDB gateway endpoint, and one interface endpoint (billed per hour and AZ): SSM, where the
 * API reads the drills' fault switch. The functions need nothing else from the VPC: Redis is inside it, their
 * logs leave through the Lambda service, and tokens are checked by API Gateway. A component that needs another
 * AWS API from inside the VPC adds that endpoint here and says why (the blog brings its own, see BlogSite).
 */
public final class Network extends ComponentResource {

    private static final int REDIS_PORT = 6379;
    private static final int HTTPS_PORT = 443;

    /** Private subnets, one per availability zone. */
    public final Output<List<String>> privateSubnetIds;
    /** Attached to the functions: egress to DynamoDB (through the gateway endpoint), Redis and the SSM endpoint only. */
    public final Output<String> functionSecurityGroupId;
    /** Attached to the cache: ingress on the Redis port from the functions only. */
    public final Output<String> cacheSecurityGroupId;
    public final Output<String> vpcId;
    /** The private subnets' route table, for gateway endpoints (S3 for the blog's image layers). */
    public final Output<String> privateRouteTableId;

    public Network(String name, NetworkArgs args, ComponentResourceOptions options) {
        super("bookstore:network:Network", name, options);
        RegionContext region = args.region();

        var vpc = new Vpc(name + "-vpc", VpcArgs.builder()
                .cidrBlock(args.vpcCidr())
                .enableDnsHostnames(true)
                .enableDnsSupport(true)
                .build(), child());
        var zones = AwsFunctions.getAvailabilityZones(
                GetAvailabilityZonesArgs.builder().state("available").build(),
                InvokeOutputOptions.builder().parent(this).provider(region.providers().home()).build());
        var routes = new RouteTable(name + "-private", RouteTableArgs.builder().vpcId(vpc.id()).build(), child());

        List<Output<String>> subnetIds = new ArrayList<>();
        for (int index = 0; index < args.availabilityZones(); index++) {
            final int zone = index;
            var subnet = new Subnet(name + "-private-" + zone, SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .cidrBlock(subnetCidr(args.vpcCidr(), zone))
                    .availabilityZone(zones.applyValue(result -> result.names().get(zone)))
                    .mapPublicIpOnLaunch(false)
                    .build(), child());
            new RouteTableAssociation(name + "-private-" + zone, RouteTableAssociationArgs.builder()
                    .subnetId(subnet.id())
                    .routeTableId(routes.id())
                    .build(), child());
            subnetIds.add(subnet.id());
        }

        var dynamodb = new VpcEndpoint(name + "-dynamodb", VpcEndpointArgs.builder()
                .vpcId(vpc.id())
                .serviceName("com.amazonaws." + region.region() + ".dynamodb")
                .vpcEndpointType("Gateway")
                .routeTableIds(routes.id().applyValue(List::of))
                .build(), child());

        var functions = new SecurityGroup(name + "-functions", SecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .description("Bookstore functions: egress to DynamoDB and the leaderboard cache only")
                .build(), child());
        var cache = new SecurityGroup(name + "-cache", SecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .description("Bookstore leaderboard cache: Redis from the functions only")
                .build(), child());
        new SecurityGroupEgressRule(name + "-functions-to-dynamodb", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(functions.id())
                .description("HTTPS to DynamoDB through the gateway endpoint")
                .ipProtocol("tcp").fromPort(HTTPS_PORT).toPort(HTTPS_PORT)
                .prefixListId(dynamodb.prefixListId())
                .build(), child());
        new SecurityGroupEgressRule(name + "-functions-to-cache", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(functions.id())
                .description("Redis")
                .ipProtocol("tcp").fromPort(REDIS_PORT).toPort(REDIS_PORT)
                .referencedSecurityGroupId(cache.id())
                .build(), child());
        new SecurityGroupIngressRule(name + "-cache-from-functions", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(cache.id())
                .description("Redis from the functions")
                .ipProtocol("tcp").fromPort(REDIS_PORT).toPort(REDIS_PORT)
                .referencedSecurityGroupId(functions.id())
                .build(), child());

        // The API reads the drills' fault switch from SSM. Without a NAT the only way there is an interface
        // endpoint (billed per hour and AZ); it carries SSM alone and only the functions may use it.
        var endpoints = new SecurityGroup(name + "-endpoints", SecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .description("Bookstore interface endpoints: HTTPS from the functions only")
                .build(), child());
        new VpcEndpoint(name + "-ssm", VpcEndpointArgs.builder()
                .vpcId(vpc.id())
                .serviceName("com.amazonaws." + region.region() + ".ssm")
                .vpcEndpointType("Interface")
                .privateDnsEnabled(true)
                .subnetIds(Output.all(subnetIds))
                .securityGroupIds(endpoints.id().applyValue(List::of))
                .build(), child());
        new SecurityGroupEgressRule(name + "-functions-to-endpoints", SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(functions.id())
                .description("HTTPS to the SSM interface endpoint (fault switch)")
                .ipProtocol("tcp").fromPort(HTTPS_PORT).toPort(HTTPS_PORT)
                .referencedSecurityGroupId(endpoints.id())
                .build(), child());
        new SecurityGroupIngressRule(name + "-endpoints-from-functions", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(endpoints.id())
                .description("HTTPS from the functions")
                .ipProtocol("tcp").fromPort(HTTPS_PORT).toPort(HTTPS_PORT)
                .referencedSecurityGroupId(functions.id())
                .build(), child());

        this.vpcId = vpc.id();
        this.privateRouteTableId = routes.id();
        this.privateSubnetIds = Output.all(subnetIds);
        this.functionSecurityGroupId = functions.id();
        this.cacheSecurityGroupId = cache.id();
        registerOutputs(Map.of(
                "vpcId", vpcId,
                "privateSubnetIds", privateSubnetIds,
                "functionSecurityGroupId", functionSecurityGroupId,
                "cacheSecurityGroupId", cacheSecurityGroupId));
    }

    /** The {@code index}-th /20 of an a.b.0.0/16 block (the settings only accept /16 VPC blocks). */
    static String subnetCidr(String vpcCidr, int index) {
        String[] octets = vpcCidr.substring(0, vpcCidr.indexOf('/')).split("\\.");
        return octets[0] + "." + octets[1] + "." + (index * 16) + ".0/20";
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
