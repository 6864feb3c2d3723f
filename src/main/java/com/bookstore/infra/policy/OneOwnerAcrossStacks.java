package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * No physical thing is created by two stacks. Two stacks writing one DNS record, bucket, role, parameter or secret
 * name either collide on the first deploy, or (with an overwrite allowed) silently share it, and destroying either
 * stack deletes what the other still needs (as ACM's one validation CNAME per name did). Each resource is identified
 * as AWS identifies it: by name within its scope, which is the account for global services (S3, IAM, Route 53,
 * CloudFront, Aurora global databases) and the account and region for the others; a replicated secret also takes
 * its name in each replica region.
 */
public final class OneOwnerAcrossStacks {

    /** Where a name is unique: {@code null} region means account-wide. */
    private record Identity(String type, String region, String name) {
        @Override
        public String toString() {
            return type + " '" + name + "'" + (region == null ? "" : " in " + region);
        }
    }

    private static final Set<String> GLOBAL = Set.of("aws:s3/bucketV2:BucketV2", "aws:iam/role:Role",
            "aws:iam/policy:Policy", "aws:route53/record:Record", "aws:route53/healthCheck:HealthCheck",
            "aws:cloudfront/function:Function", "aws:cloudfront/originAccessControl:OriginAccessControl",
            "aws:rds/globalCluster:GlobalCluster");

    /** The name input of each type whose name we choose; types named by Pulumi are unique already. */
    private static final Map<String, String> NAME_INPUT = names();

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        NameAndSizeLimits.NAMES.forEach(limit -> names.putIfAbsent(limit.type(), limit.input()));
        names.put("aws:iam/role:Role", "name");
        names.put("aws:iam/policy:Policy", "name");
        names.put("aws:kms/alias:Alias", "name");
        names.put("aws:ecr/pullThroughCacheRule:PullThroughCacheRule", "ecrRepositoryPrefix");
        return Map.copyOf(names);
    }

    private OneOwnerAcrossStacks() {
    }

    public static String id() {
        return "one-owner-across-stacks";
    }

    /** Every identity planned by more than one of {@code plans}, naming each owner. */
    public static List<Violation> check(List<Plan> plans) {
        Map<Identity, List<String>> owners = new LinkedHashMap<>();
        for (Plan plan : plans) {
            for (PlannedResource r : plan.awsResources()) {
                for (Identity identity : identities(r)) {
                    owners.computeIfAbsent(identity, k -> new ArrayList<>()).add(plan.stack() + ":" + r.key());
                }
            }
        }
        List<Violation> violations = new ArrayList<>();
        owners.forEach((identity, by) -> {
            if (by.stream().map(owner -> owner.substring(0, owner.indexOf(':'))).distinct().count() > 1) {
                violations.add(new Violation(id(), identity.toString(), "created by " + String.join(" and ", by)
                        + ": exactly one stack may own it"));
            }
        });
        return violations;
    }

    private static List<Identity> identities(PlannedResource r) {
        if (r.type().equals("aws:route53/record:Record")) {
            String name = Inputs.string(r, "name").orElse(r.name()).toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
            String key = Inputs.string(r, "zoneId").orElse("") + " " + name + " " + Inputs.string(r, "type").orElse("")
                    + Inputs.string(r, "setIdentifier").map(set -> " set " + set).orElse("");
            return List.of(new Identity(r.type(), null, key));
        }
        String input = NAME_INPUT.get(r.type());
        Optional<String> name = input == null ? Optional.empty() : Inputs.string(r, input);
        if (name.isEmpty()) {
            return List.of();
        }
        List<Identity> identities = new ArrayList<>();
        identities.add(new Identity(r.type(), GLOBAL.contains(r.type()) ? null : r.region(), name.get()));
        if (r.type().equals("aws:secretsmanager/secret:Secret") && r.inputs().get("replicas") instanceof List<?> replicas) {
            for (Object replica : replicas) {
                if (replica instanceof Map<?, ?> map && map.get("region") instanceof String region) {
                    identities.add(new Identity(r.type(), region, name.get()));
                }
            }
        }
        return identities;
    }
}
