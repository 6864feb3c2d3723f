package com.bookstore.infra.policy;

import com.bookstore.infra.plan.PlannedResource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads nested input values of a planned resource ({@code pointInTimeRecovery.enabled}). */
final class Inputs {

    private Inputs() {
    }

    static Optional<Object> at(PlannedResource resource, String path) {
        Object current = resource.inputs();
        for (String part : path.split("\\.")) {
            if (current instanceof List<?> list && list.size() == 1) {
                current = list.get(0); // single nested blocks (rules, configurations) arrive as one-item lists
            }
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return Optional.empty();
            }
            current = map.get(part);
        }
        return Optional.ofNullable(current);
    }

    static boolean isTrue(PlannedResource resource, String path) {
        return at(resource, path).map(Boolean.TRUE::equals).orElse(false);
    }

    static Optional<String> string(PlannedResource resource, String path) {
        return at(resource, path).filter(v -> v instanceof String s && !s.isBlank()).map(String.class::cast);
    }

    static Optional<Long> number(PlannedResource resource, String path) {
        return at(resource, path).filter(Number.class::isInstance).map(v -> ((Number) v).longValue());
    }

    /** A Cloud Control resource's {@code desiredState} (CloudFormation properties), parsed; empty for other types. */
    static Optional<com.google.gson.JsonObject> desiredState(PlannedResource resource) {
        if (!resource.type().equals(CLOUD_CONTROL)) {
            return Optional.empty();
        }
        return string(resource, "desiredState").map(json -> com.google.gson.JsonParser.parseString(json).getAsJsonObject());
    }

    /** A Cloud Control resource of CloudFormation type {@code typeName}. */
    static boolean isCloudControl(PlannedResource resource, String typeName) {
        return resource.type().equals(CLOUD_CONTROL) && string(resource, "typeName").filter(typeName::equals).isPresent();
    }

    static final String CLOUD_CONTROL = "aws:cloudcontrol/resource:Resource";
}
