package com.bookstore.infra.plan;

import java.util.Map;

/**
 * One resource of a plan: its Pulumi type token, logical name, parent ({@code type::name}, null for the stack itself), the region of the
 * provider that owns it, that provider's name, the id the mock gave it and the inputs as the engine received
 * them.
 */
public record PlannedResource(String type, String name, String parent, String region, String provider, String id,
                              Map<String, Object> inputs) {

    /** {@code type::name}, unique within a plan. */
    public String key() {
        return type + "::" + name;
    }

    public boolean isComponent() {
        return !type.startsWith("aws:") && !type.startsWith("pulumi:");
    }
}
