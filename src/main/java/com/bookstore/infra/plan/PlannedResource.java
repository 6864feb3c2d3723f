package com.bookstore.infra.plan;

import java.util.List;
import java.util.Map;

/**
 * One resource of a plan: its Pulumi type token, logical name, parent ({@code type::name}, null for the stack
 * itself), the region of the provider that owns it, that provider's name, the id the mock gave it, the inputs
 * as the engine received them, the resources it explicitly depends on ({@code dependsOn}, as {@code type::name})
 * and whether Pulumi protects it ({@code protect}: a destroy stops on it).
 */
public record PlannedResource(String type, String name, String parent, String region, String provider, String id,
                              Map<String, Object> inputs, List<String> dependsOn, boolean protect) {

    public PlannedResource {
        dependsOn = List.copyOf(dependsOn);
    }

    /** A resource without resource options (fixtures of the policy tests). */
    public PlannedResource(String type, String name, String parent, String region, String provider, String id,
                           Map<String, Object> inputs) {
        this(type, name, parent, region, provider, id, inputs, List.of(), false);
    }

    /** {@code type::name}, unique within a plan. */
    public String key() {
        return type + "::" + name;
    }

    public boolean isComponent() {
        return !type.startsWith("aws:") && !type.startsWith("pulumi:");
    }

    public PlannedResource withInputs(Map<String, Object> newInputs) {
        return new PlannedResource(type, name, parent, region, provider, id, newInputs, dependsOn, protect);
    }

    public PlannedResource withDependsOn(List<String> newDependsOn) {
        return new PlannedResource(type, name, parent, region, provider, id, inputs, newDependsOn, protect);
    }
}
