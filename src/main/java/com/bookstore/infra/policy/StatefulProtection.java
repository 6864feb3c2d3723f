package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stateful resources can be recovered and are hard to delete by accident: point-in-time recovery and deletion
 * protection on tables and replicas, deletion protection on the user pool and database clusters, versioning
 * on buckets.
 */
public final class StatefulProtection implements PolicyRule {

    @Override
    public String id() {
        return "stateful-protection";
    }

    @Override
    public List<Violation> check(Plan plan) {
        List<Violation> violations = new ArrayList<>();
        Set<Object> versioned = plan.ofType("aws:s3/bucketVersioningV2:BucketVersioningV2").stream()
                .filter(v -> Inputs.string(v, "versioningConfiguration.status").filter("Enabled"::equals).isPresent())
                .map(v -> Inputs.at(v, "bucket").orElse(""))
                .collect(Collectors.toSet());
        for (PlannedResource r : plan.resources()) {
            switch (r.type()) {
                case "aws:dynamodb/table:Table" -> {
                    require(violations, r, Inputs.isTrue(r, "pointInTimeRecovery.enabled"), "pointInTimeRecovery.enabled must be true");
                    require(violations, r, Inputs.isTrue(r, "deletionProtectionEnabled"), "deletionProtectionEnabled must be true");
                }
                case "aws:dynamodb/tableReplica:TableReplica" -> {
                    require(violations, r, Inputs.isTrue(r, "pointInTimeRecovery"), "pointInTimeRecovery must be true");
                    require(violations, r, Inputs.isTrue(r, "deletionProtectionEnabled"), "deletionProtectionEnabled must be true");
                }
                case "aws:cognito/userPool:UserPool" -> require(violations, r,
                        Inputs.string(r, "deletionProtection").filter("ACTIVE"::equals).isPresent(),
                        "deletionProtection must be ACTIVE");
                case "aws:rds/cluster:Cluster", "aws:rds/globalCluster:GlobalCluster" -> require(violations, r,
                        Inputs.isTrue(r, "deletionProtection"), "deletionProtection must be true");
                case "aws:s3/bucketV2:BucketV2" -> require(violations, r, versioned.contains(r.id()),
                        "needs a BucketVersioningV2 with status Enabled");
                default -> {
                }
            }
        }
        return violations;
    }

    private void require(List<Violation> violations, PlannedResource r, boolean ok, String message) {
        if (!ok) {
            violations.add(new Violation(id(), r.key(), message));
        }
    }
}
