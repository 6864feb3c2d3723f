package com.bookstore.infra.region;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tags every taggable resource carries, applied as the providers' default tags
 * (docs/architecture.md#tags-and-regions).
 */
public record StackTags(String project, String stack, String role) {

    public Map<String, String> asMap() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("project", project);
        tags.put("stack", stack);
        tags.put("role", role);
        return tags;
    }
}
