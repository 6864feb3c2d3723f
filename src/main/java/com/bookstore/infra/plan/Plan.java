package com.bookstore.infra.plan;

import com.bookstore.infra.resilience.ResilienceBudget;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a stack's program would deploy, as computed offline under {@link PlanMocks}. {@code teardown} is the
 * stack's {@code bookstore:teardown} setting: the policy rules then expect every protection off instead of on.
 */
public record Plan(String stack, List<PlannedResource> resources, Map<String, Object> outputs,
                   List<PlanMocks.ProviderConfig> providers, ResilienceBudget resilience, boolean teardown) {

    public Plan(String stack, List<PlannedResource> resources, Map<String, Object> outputs,
                List<PlanMocks.ProviderConfig> providers, ResilienceBudget resilience) {
        this(stack, resources, outputs, providers, resilience, false);
    }

    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    public Optional<PlannedResource> resource(String key) {
        return resources.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    public Optional<PlanMocks.ProviderConfig> provider(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Custom (AWS) resources, without components and providers. */
    public List<PlannedResource> awsResources() {
        return resources.stream().filter(r -> r.type().startsWith("aws:")).toList();
    }

    public Plan withResources(List<PlannedResource> newResources) {
        return new Plan(stack, newResources, outputs, providers, resilience, teardown);
    }
}
