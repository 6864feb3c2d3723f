package com.bookstore.infra.network;

import com.bookstore.infra.region.ResourceOwner;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.core.Output;

import java.util.List;

/**
 * The AWS APIs a private workload reaches instead of through a NAT gateway: S3 through the free gateway endpoint
 * on the private route table, each other service through an interface endpoint with private DNS. Interface
 * endpoints are billed per hour and zone, so each workload names only the services it calls.
 */
public final class ServiceEndpoints {

    /** The S3 prefix list, for egress rules to the gateway endpoint. */
    public final Output<String> s3PrefixListId;

    /**
     * @param services        interface endpoint services without the {@code com.amazonaws.<region>.} prefix
     * @param securityGroupId the endpoints' group, which admits HTTPS from the workload
     */
    public ServiceEndpoints(String name, String region, Output<String> vpcId, Output<String> privateRouteTableId,
                            Output<List<String>> subnetIds, Output<String> securityGroupId, List<String> services,
                            ResourceOwner owner) {
        var s3 = new VpcEndpoint(name + "-s3", VpcEndpointArgs.builder()
                .vpcId(vpcId)
                .serviceName("com.amazonaws." + region + ".s3")
                .vpcEndpointType("Gateway")
                .routeTableIds(privateRouteTableId.applyValue(List::of))
                .build(), owner.child());
        for (String service : services) {
            new VpcEndpoint(name + "-" + service.replace('.', '-'), VpcEndpointArgs.builder()
                    .vpcId(vpcId)
                    .serviceName("com.amazonaws." + region + "." + service)
                    .vpcEndpointType("Interface")
                    .privateDnsEnabled(true)
                    .subnetIds(subnetIds)
                    .securityGroupIds(securityGroupId.applyValue(List::of))
                    .build(), owner.child());
        }
        this.s3PrefixListId = s3.prefixListId();
    }
}
