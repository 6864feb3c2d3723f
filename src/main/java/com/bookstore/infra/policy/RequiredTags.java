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
            boolean cloudControlTagged = cloudControlTags(r).isPresent();
            if (!taggable(r.type()) && !cloudControlTagged) {
                continue;
            }
            Map<String, String> tags = cloudControlTagged ? cloudControlTags(r).orElseThrow() : tagsOf(plan, r);
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

    /**
     * The tags a resource ends up with, none for a type without tags. A Cloud Control resource gets no provider
     * default tags: it carries its own in the desired state ({@code UserPoolTags}, {@code UserPoolTagsAtCreate}).
     */
    static Map<String, String> tagsIfTaggable(Plan plan, PlannedResource r) {
        if (r.type().equals(Inputs.CLOUD_CONTROL)) {
            return cloudControlTags(r).orElse(Map.of());
        }
        return taggable(r.type()) ? tagsOf(plan, r) : Map.of();
    }

    static java.util.Optional<Map<String, String>> cloudControlTags(PlannedResource r) {
        return Inputs.desiredState(r).flatMap(state -> CLOUD_CONTROL_TAGS.stream().filter(state::has).findFirst()
                .map(key -> {
                    Map<String, String> tags = new LinkedHashMap<>();
                    state.getAsJsonObject(key).entrySet().forEach(e -> tags.put(e.getKey(), e.getValue().getAsString()));
                    return tags;
                }));
    }

    /** The tag maps of the Cloud Control types the program creates, as CloudFormation names them. */
    private static final List<String> CLOUD_CONTROL_TAGS = List.of("UserPoolTags", "UserPoolTagsAtCreate");

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
