package com.bookstore.infra.blog;

import com.bookstore.infra.region.ResourceOwner;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;

import java.util.List;

/** The blog's chain of security groups: internet -> load balancer -> tasks -> database, uploads, endpoints. */
final class BlogSecurityGroups {

    static final int HTTP = 80;
    static final int HTTPS = 443;
    private static final int NFS = 2049;

    final Output<String> balancer;
    final Output<String> tasks;
    final Output<String> endpoints;
    final Output<String> uploads;
    private final ResourceOwner owner;

    /** {@code https} opens 443 as well as 80 to the load balancer (a custom domain is configured). */
    BlogSecurityGroups(String name, Output<String> vpcId, boolean https, Output<String> databaseGroupId,
                       ResourceOwner owner) {
        this.owner = owner;
        this.balancer = group(name + "-alb", vpcId, "Bookstore blog load balancer: HTTP(S) from anywhere");
        this.tasks = group(name + "-tasks", vpcId, "Bookstore blog tasks: HTTP from the load balancer");
        this.endpoints = group(name + "-endpoints", vpcId, "Bookstore blog VPC endpoints: HTTPS from the tasks");
        this.uploads = group(name + "-uploads", vpcId, "Bookstore blog uploads: NFS from the tasks");
        for (int port : https ? List.of(HTTP, HTTPS) : List.of(HTTP)) {
            ingress(name + "-alb-from-internet-" + port, balancer, port, "Public HTTP(S)", null, "0.0.0.0/0");
        }
        egress(name + "-alb-to-tasks", balancer, HTTP, "WordPress", tasks);
        ingress(name + "-tasks-from-alb", tasks, HTTP, "From the load balancer", balancer, null);
        egress(name + "-tasks-to-db", tasks, BlogDatabase.MYSQL_PORT, "Aurora MySQL", databaseGroupId);
        ingress(name + "-db-from-tasks", databaseGroupId, BlogDatabase.MYSQL_PORT, "From the blog tasks", tasks, null);
        egress(name + "-tasks-to-uploads", tasks, NFS, "EFS uploads", uploads);
        ingress(name + "-uploads-from-tasks", uploads, NFS, "From the blog tasks", tasks, null);
        egress(name + "-tasks-to-endpoints", tasks, HTTPS, "AWS APIs through interface endpoints", endpoints);
        ingress(name + "-endpoints-from-tasks", endpoints, HTTPS, "From the blog tasks", tasks, null);
    }

    /** The tasks' image layers come from S3 through the gateway endpoint, addressed by its prefix list. */
    void allowTasksToS3(String name, Output<String> s3PrefixListId) {
        new SecurityGroupEgressRule(name, SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(tasks).description("Image layers from S3 through the gateway endpoint")
                .ipProtocol("tcp").fromPort(HTTPS).toPort(HTTPS).prefixListId(s3PrefixListId).build(), owner.child());
    }

    private Output<String> group(String name, Output<String> vpcId, String description) {
        return new SecurityGroup(name, SecurityGroupArgs.builder()
                .vpcId(vpcId).description(description).build(), owner.child()).id();
    }

    private void ingress(String name, Output<String> groupId, int port, String description,
                         Output<String> fromGroup, String fromCidr) {
        var args = SecurityGroupIngressRuleArgs.builder().securityGroupId(groupId).description(description)
                .ipProtocol("tcp").fromPort(port).toPort(port);
        new SecurityGroupIngressRule(name, (fromGroup != null ? args.referencedSecurityGroupId(fromGroup)
                : args.cidrIpv4(fromCidr)).build(), owner.child());
    }

    private void egress(String name, Output<String> groupId, int port, String description, Output<String> toGroup) {
        new SecurityGroupEgressRule(name, SecurityGroupEgressRuleArgs.builder().securityGroupId(groupId)
                .description(description).ipProtocol("tcp").fromPort(port).toPort(port)
                .referencedSecurityGroupId(toGroup).build(), owner.child());
    }
}
