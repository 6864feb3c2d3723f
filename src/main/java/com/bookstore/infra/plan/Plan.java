package com.bookstore.infra.plan;

import com.bookstore.infra.resilience.ResilienceBudget;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a stack's program would deploy, as computed offline under {@link PlanMocks}. */
public record Plan(String stack, List<PlannedResource> resources, Map<String, Object> outputs,
                   List<PlanMocks.ProviderConfig> providers, ResilienceBudget resilience) {

    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    public Optional<PlanMocks.ProviderConfig> provider(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Custom (AWS) resources, without components and providers. */
    public List<PlannedResource> awsResources() {
        return resources.stream().filter(r -> r.type().startsWith("aws:")).toList();
    }
}
