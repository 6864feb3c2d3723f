package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every bucket has a public access block with all four switches on. */
public final class PublicAccessBlocked implements PolicyRule {

    private static final List<String> SWITCHES =
            List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets");

    @Override
    public String id() {
        return "s3-public-access-blocked";
    }

    @Override
    public List<Violation> check(Plan plan) {
        Set<Object> blocked = plan.ofType("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").stream()
                .filter(block -> SWITCHES.stream().allMatch(s -> Inputs.isTrue(block, s)))
                .map(block -> Inputs.at(block, "bucket").orElse(""))
                .collect(Collectors.toSet());
        return plan.ofType("aws:s3/bucketV2:BucketV2").stream()
                .filter(bucket -> !blocked.contains(bucket.id()))
                .map(bucket -> new Violation(id(), bucket.key(),
                        "needs a BucketPublicAccessBlock with " + String.join(", ", SWITCHES) + " all true"))
                .toList();
    }

}
