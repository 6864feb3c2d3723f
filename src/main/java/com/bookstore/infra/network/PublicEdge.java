package com.bookstore.infra.network;

import com.bookstore.infra.region.ResourceOwner;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.ProviderResource;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;

/**
 * Public subnets routed to an internet gateway, one per zone, for an internet-facing load balancer only: the
 * private subnets keep no internet route. Created under the component that needs the edge.
 */
public final class PublicEdge {

    public final List<Output<String>> subnetIds;
    /**
     * What an internet-facing load balancer must wait for: the gateway, its route and the subnets' associations
     * (else "InvalidSubnet: VPC ... has no internet gateway"); its inputs show none of them.
     */
    public final List<Resource> internetPath;

    public PublicEdge(String name, Output<String> vpcId, String vpcCidr, int availabilityZones,
                      ProviderResource provider, ResourceOwner owner) {
        var gateway = new InternetGateway(name, InternetGatewayArgs.builder().vpcId(vpcId).build(), owner.child());
        var routes = new RouteTable(name + "-public", RouteTableArgs.builder().vpcId(vpcId).build(), owner.child());
        var internetRoute = new Route(name + "-internet", RouteArgs.builder()
                .routeTableId(routes.id()).destinationCidrBlock("0.0.0.0/0").gatewayId(gateway.id()).build(), owner.child());
        List<Resource> path = new ArrayList<>(List.of(gateway, internetRoute));
        var zones = AwsFunctions.getAvailabilityZones(GetAvailabilityZonesArgs.builder().state("available").build(),
                InvokeOutputOptions.builder().parent(owner.component()).provider(provider).build());
        List<Output<String>> subnets = new ArrayList<>();
        for (int index = 0; index < availabilityZones; index++) {
            final int zone = index;
            var subnet = new Subnet(name + "-public-" + zone, SubnetArgs.builder()
                    .vpcId(vpcId)
                    .cidrBlock(publicSubnetCidr(vpcCidr, zone))
                    .availabilityZone(zones.applyValue(result -> result.names().get(zone)))
                    .mapPublicIpOnLaunch(false)
                    .build(), owner.child());
            path.add(new RouteTableAssociation(name + "-public-" + zone, RouteTableAssociationArgs.builder()
                    .subnetId(subnet.id()).routeTableId(routes.id()).build(), owner.child()));
            subnets.add(subnet.id());
        }
        this.subnetIds = List.copyOf(subnets);
        this.internetPath = List.copyOf(path);
    }

    /** Public subnets take the upper half of the /16, away from the private /20s the Network hands out. */
    static String publicSubnetCidr(String vpcCidr, int index) {
        String[] octets = vpcCidr.substring(0, vpcCidr.indexOf('/')).split("\\.");
        return octets[0] + "." + octets[1] + "." + (128 + index) + ".0/24";
    }
}
