package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlanMocks;
import com.bookstore.infra.plan.PlannedResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every taggable resource carries {@code project}, {@code stack} and {@code role}. A resource's tags are its
 * provider's default tags (recorded in the plan) overlaid with its own {@code tags} input, as AWS applies them.
 * Whether a type is taggable is read from the provider SDK itself: its arguments class has a {@code tags}
 * property.
 */
public final class RequiredTags implements PolicyRule {

    public static final List<String> REQUIRED = List.of("project", "stack", "role");
    private static final Map<String, Boolean> TAGGABLE = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return "required-tags";
    }

    @Override
    public List<Violation> check(Plan plan) {
        List<Violation> violations = new ArrayList<>();
        for (PlannedResource r : plan.awsResources()) {
            if (!taggable(r.type())) {
                continue;
            }
            Map<String, String> tags = tagsOf(plan, r);
            List<String> missing = REQUIRED.stream().filter(t -> tags.get(t) == null || tags.get(t).isBlank()).toList();
            if (!missing.isEmpty()) {
                violations.add(new Violation(id(), r.key(), "missing tag(s) " + missing
                        + " (neither its provider's default tags nor its own tags set them)"));
            }
        }
        return violations;
    }

    /** The tags AWS ends up with: the provider's default tags overlaid with the resource's own. */
    static Map<String, String> tagsOf(Plan plan, PlannedResource r) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (r.provider() != null) {
            plan.provider(r.provider()).map(PlanMocks.ProviderConfig::defaultTags).ifPresent(tags::putAll);
        }
        if (r.inputs().get("tags") instanceof Map<?, ?> own) {
            own.forEach((k, v) -> tags.put(String.valueOf(k), String.valueOf(v)));
        }
        return tags;
    }

    /** {@code aws:s3/bucketV2:BucketV2} is taggable when {@code com.pulumi.aws.s3.BucketV2Args} has {@code tags}. */
    static boolean taggable(String type) {
        return TAGGABLE.computeIfAbsent(type, t -> {
            String[] parts = t.split(":");
            if (parts.length != 3 || !parts[0].equals("aws")) {
                return false;
            }
            String module = parts[1].substring(0, parts[1].indexOf('/') < 0 ? parts[1].length() : parts[1].indexOf('/'));
            String pkg = module.equals("index") ? "com.pulumi.aws" : "com.pulumi.aws." + module;
            try {
                Class.forName(pkg + "." + parts[2] + "Args", false, RequiredTags.class.getClassLoader())
                        .getMethod("tags");
                return true;
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                return false;
            }
        });
    }
}
