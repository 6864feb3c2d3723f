package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stateful resources can be recovered and are hard to delete by accident: point-in-time recovery and deletion
 * protection on tables and replicas, deletion protection on the user pool, database clusters and load balancers,
 * versioning on buckets.
 *
 * <p>A teardown plan ({@code bookstore:teardown: true}, docs/runbooks/teardown.md) is the one place protections may
 * be off, and there every one of them must be off, so that the destroys that follow cannot stop half-way: no
 * deletion protection, no Pulumi {@code protect}, buckets emptied on destroy, secrets deleted without a recovery
 * window (which would keep their names). Recovery itself (PITR, versioning, final snapshots) stays on.
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
                case "aws:dynamodb/table:Table" -> require(violations, r, Inputs.isTrue(r, "pointInTimeRecovery.enabled"),
                        "pointInTimeRecovery.enabled must be true");
                case "aws:dynamodb/tableReplica:TableReplica" -> require(violations, r,
                        Inputs.isTrue(r, "pointInTimeRecovery"), "pointInTimeRecovery must be true");
                case "aws:s3/bucketV2:BucketV2" -> require(violations, r, versioned.contains(r.id()),
                        "needs a BucketVersioningV2 with status Enabled");
                default -> {
                }
            }
            for (Protection protection : protections(r)) {
                if (plan.teardown() && protection.on()) {
                    violations.add(new Violation(id(), r.key(), "the teardown plan still protects it, "
                            + protection.onMeans() + " (docs/runbooks/teardown.md)"));
                } else if (!plan.teardown() && !protection.on() && protection.requiredOutsideTeardown()) {
                    violations.add(new Violation(id(), r.key(), protection.what()
                            + " (it may be off only in a plan with bookstore:teardown: true)"));
                }
            }
        }
        return violations;
    }

    /**
     * One thing that makes {@code pulumi destroy} stop on (or AWS keep the name of) a resource.
     *
     * @param what    the requirement outside a teardown ({@code deletionProtection must be true})
     * @param onMeans what being on means, for the teardown message
     */
    record Protection(String what, String onMeans, boolean on, boolean requiredOutsideTeardown) {}

    /** Every protection a resource carries, as planned. */
    static List<Protection> protections(PlannedResource r) {
        List<Protection> found = new ArrayList<>();
        if (r.protect()) {
            found.add(new Protection("protect", "Pulumi protect is set", true, false));
        }
        switch (r.type()) {
            case "aws:dynamodb/table:Table", "aws:dynamodb/tableReplica:TableReplica" -> found.add(new Protection(
                    "deletionProtectionEnabled must be true", "deletionProtectionEnabled is true", Inputs.isTrue(r, "deletionProtectionEnabled"), true));
            case "aws:cognito/userPool:UserPool" -> found.add(new Protection("deletionProtection must be ACTIVE", "deletionProtection is ACTIVE",
                    Inputs.string(r, "deletionProtection").filter("ACTIVE"::equals).isPresent(), true));
            // The user pool through Cloud Control (multi-Region replication): CloudFormation's DeletionProtection.
            case Inputs.CLOUD_CONTROL -> {
                if (Inputs.isCloudControl(r, "AWS::Cognito::UserPool")) {
                    found.add(new Protection("DeletionProtection must be ACTIVE", "DeletionProtection is ACTIVE",
                            Inputs.desiredState(r).map(state -> state.get("DeletionProtection"))
                                    .filter(v -> v != null && v.getAsString().equals("ACTIVE")).isPresent(), true));
                }
            }
            case "aws:rds/cluster:Cluster", "aws:rds/globalCluster:GlobalCluster" -> found.add(new Protection(
                    "deletionProtection must be true", "deletionProtection is true", Inputs.isTrue(r, "deletionProtection"), true));
            case "aws:lb/loadBalancer:LoadBalancer" -> found.add(new Protection(
                    "enableDeletionProtection must be true", "enableDeletionProtection is true", Inputs.isTrue(r, "enableDeletionProtection"), true));
            case "aws:s3/bucketV2:BucketV2" -> found.add(new Protection(
                    "forceDestroy", "forceDestroy is off (a bucket with object versions refuses deletion)",
                    !Inputs.isTrue(r, "forceDestroy"), false));
            case "aws:secretsmanager/secret:Secret" -> found.add(new Protection(
                    "recoveryWindowInDays", "recoveryWindowInDays is not 0 (the name stays taken for the window)",
                    Inputs.number(r, "recoveryWindowInDays").orElse(30L) != 0, false));
            default -> {
            }
        }
        return found;
    }

    private void require(List<Violation> violations, PlannedResource r, boolean ok, String message) {
        if (!ok) {
            violations.add(new Violation(id(), r.key(), message));
        }
    }
}
