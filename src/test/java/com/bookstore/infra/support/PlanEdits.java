package com.bookstore.infra.support;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlanMocks;
import com.bookstore.infra.plan.PlannedResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Builds violating fixtures from a real plan: one property changed, one resource dropped or added. */
public final class PlanEdits {

    private PlanEdits() {
    }

    /** The plan with {@code edit} applied to a deep copy of the inputs of the resources {@code which} selects. */
    public static Plan editInputs(Plan plan, Predicate<PlannedResource> which, Consumer<Map<String, Object>> edit) {
        List<PlannedResource> resources = new ArrayList<>();
        int edited = 0;
        for (PlannedResource r : plan.resources()) {
            if (which.test(r)) {
                Map<String, Object> inputs = deepCopy(r.inputs());
                edit.accept(inputs);
                r = r.withInputs(inputs);
                edited++;
            }
            resources.add(r);
        }
        if (edited == 0) {
            throw new AssertionError("the fixture edit matched no resource");
        }
        return plan.withResources(resources);
    }

    public static Plan editType(Plan plan, String type, Consumer<Map<String, Object>> edit) {
        return editInputs(plan, r -> r.type().equals(type), edit);
    }

    public static Plan without(Plan plan, Predicate<PlannedResource> which) {
        List<PlannedResource> kept = plan.resources().stream().filter(which.negate()).toList();
        if (kept.size() == plan.resources().size()) {
            throw new AssertionError("the fixture removal matched no resource");
        }
        return plan.withResources(kept);
    }

    public static Plan with(Plan plan, PlannedResource extra) {
        List<PlannedResource> resources = new ArrayList<>(plan.resources());
        resources.add(extra);
        return plan.withResources(resources);
    }

    public static Plan withProviders(Plan plan, List<PlanMocks.ProviderConfig> providers) {
        return new Plan(plan.stack(), plan.resources(), plan.outputs(), providers, plan.resilience(), plan.teardown());
    }

    /** The plan with {@code edit} applied to the resources {@code which} selects (options such as dependsOn). */
    public static Plan editResources(Plan plan, Predicate<PlannedResource> which,
                                     java.util.function.UnaryOperator<PlannedResource> edit) {
        List<PlannedResource> resources = new ArrayList<>();
        int edited = 0;
        for (PlannedResource r : plan.resources()) {
            if (which.test(r)) {
                r = edit.apply(r);
                edited++;
            }
            resources.add(r);
        }
        if (edited == 0) {
            throw new AssertionError("the fixture edit matched no resource");
        }
        return plan.withResources(resources);
    }

    /** Sets a dotted path, creating maps on the way and unwrapping single-item lists. */
    @SuppressWarnings("unchecked")
    public static void set(Map<String, Object> inputs, String path, Object value) {
        String[] parts = path.split("\\.");
        Object current = inputs;
        for (int i = 0; i < parts.length - 1; i++) {
            if (current instanceof List<?> list) {
                current = list.get(0);
            }
            current = ((Map<String, Object>) current).computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
        }
        if (current instanceof List<?> list) {
            current = list.get(0);
        }
        Map<String, Object> target = (Map<String, Object>) current;
        if (value == null) {
            target.remove(parts[parts.length - 1]);
        } else {
            target.put(parts[parts.length - 1], value);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }
}
