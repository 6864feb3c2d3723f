package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Anything internet-facing in a VPC is created after the path to the internet exists. AWS refuses an
 * internet-facing load balancer in a subnet whose VPC has no internet gateway ({@code InvalidSubnet: VPC ... has no
 * internet gateway}), and a public subnet is public only once its route table has the {@code 0.0.0.0/0} route to the
 * gateway and is associated with it. None of that shows in the load balancer's inputs (it names subnets only), so
 * Pulumi may create it first; an explicit {@code dependsOn} on the route and the associations (directly, through
 * other dependencies, or through a component holding them) is required. The AWS provider's documentation asks the
 * same of public NAT gateways and VPC Elastic IPs ({@code depends_on} the internet gateway), which the rule checks too.
 */
public final class InternetPathFirst implements PolicyRule {

    private static final String ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";
    private static final String ROUTE = "aws:ec2/route:Route";
    private static final String GATEWAY = "aws:ec2/internetGateway:InternetGateway";

    @Override
    public String id() {
        return "internet-path-first";
    }

    @Override
    public List<Violation> check(Plan plan) {
        List<Violation> violations = new ArrayList<>();
        Set<String> gatewayIds = new HashSet<>();
        plan.ofType(GATEWAY).forEach(g -> gatewayIds.add(g.id()));
        for (PlannedResource balancer : plan.ofType("aws:lb/loadBalancer:LoadBalancer")) {
            if (Inputs.isTrue(balancer, "internal")) {
                continue;
            }
            Set<String> before = dependencies(plan, balancer);
            for (Object subnet : Inputs.at(balancer, "subnets").filter(List.class::isInstance).map(List.class::cast)
                    .orElse(List.of())) {
                Optional<PlannedResource> association = plan.ofType(ASSOCIATION).stream()
                        .filter(a -> Inputs.string(a, "subnetId").filter(String.valueOf(subnet)::equals).isPresent())
                        .findFirst();
                if (association.isEmpty()) {
                    violations.add(new Violation(id(), balancer.key(), "subnet " + subnet
                            + " has no route table association in this plan, so no route to an internet gateway"));
                    continue;
                }
                String table = Inputs.string(association.get(), "routeTableId").orElse("");
                Optional<PlannedResource> route = plan.ofType(ROUTE).stream()
                        .filter(r -> Inputs.string(r, "routeTableId").filter(table::equals).isPresent())
                        .filter(r -> Inputs.string(r, "destinationCidrBlock").filter("0.0.0.0/0"::equals).isPresent())
                        .filter(r -> Inputs.string(r, "gatewayId").filter(gatewayIds::contains).isPresent())
                        .findFirst();
                if (route.isEmpty()) {
                    violations.add(new Violation(id(), balancer.key(), "subnet " + subnet
                            + " is internet-facing but its route table has no 0.0.0.0/0 route to an internet gateway"));
                    continue;
                }
                for (PlannedResource needed : List.of(association.get(), route.get())) {
                    if (!before.contains(needed.key())) {
                        violations.add(new Violation(id(), balancer.key(), "must dependOn " + needed.key()
                                + ": AWS rejects an internet-facing load balancer before its subnet routes to the gateway"));
                    }
                }
            }
        }
        for (PlannedResource resource : plan.awsResources()) {
            boolean publicNat = resource.type().equals("aws:ec2/natGateway:NatGateway")
                    && !Inputs.string(resource, "connectivityType").filter("private"::equals).isPresent();
            boolean vpcAddress = resource.type().equals("aws:ec2/eip:Eip")
                    && Inputs.string(resource, "domain").filter("vpc"::equals).isPresent();
            if ((publicNat || vpcAddress)
                    && dependencies(plan, resource).stream().noneMatch(key -> key.startsWith(GATEWAY + "::"))) {
                violations.add(new Violation(id(), resource.key(), "must dependOn the VPC's internet gateway "
                        + "(the provider documents that it may need the gateway to exist first)"));
            }
        }
        return violations.stream().distinct().toList(); // subnets sharing a route table report its route once
    }

    /** What {@code resource} is created after: explicit dependencies, theirs in turn, and a component's children. */
    static Set<String> dependencies(Plan plan, PlannedResource resource) {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(resource.dependsOn());
        while (!queue.isEmpty()) {
            String key = queue.pop();
            if (!seen.add(key)) {
                continue;
            }
            plan.resource(key).ifPresent(r -> queue.addAll(r.dependsOn()));
            plan.resources().stream().filter(child -> key.equals(child.parent())).forEach(child -> queue.add(child.key()));
        }
        return seen;
    }
}
