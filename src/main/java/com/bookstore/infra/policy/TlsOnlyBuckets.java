package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Every bucket's policy denies every request that does not arrive over TLS. */
public final class TlsOnlyBuckets implements PolicyRule {

    @Override
    public String id() {
        return "s3-tls-only";
    }

    @Override
    public List<Violation> check(Plan plan) {
        Set<Object> tlsOnly = plan.ofType("aws:s3/bucketPolicy:BucketPolicy").stream()
                .filter(this::deniesInsecureTransport)
                .map(policy -> Inputs.at(policy, "bucket").orElse(""))
                .collect(Collectors.toSet());
        return plan.ofType("aws:s3/bucketV2:BucketV2").stream()
                .filter(bucket -> !tlsOnly.contains(bucket.id()))
                .map(bucket -> new Violation(id(), bucket.key(),
                        "needs a bucket policy that denies all actions when aws:SecureTransport is false"))
                .toList();
    }

    private boolean deniesInsecureTransport(PlannedResource policy) {
        return Inputs.string(policy, "policy").stream()
                .flatMap(json -> PolicyDocuments.parse(policy, json).stream())
                .anyMatch(s -> !s.allows()
                        && (s.actions().contains("s3:*") || s.actions().contains("*"))
                        && s.condition() instanceof Map<?, ?> condition
                        && condition.get("Bool") instanceof Map<?, ?> bool
                        && "false".equals(String.valueOf(bool.get("aws:SecureTransport"))));
    }
}
