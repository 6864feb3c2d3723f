package com.bookstore.infra.security;

import com.google.gson.GsonBuilder;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a policy (IAM, bucket, key) whose values may be {@link Output}s, such as the ARN of a table this
 * stack creates. Policies are written as maps and lists of the resources they grant, never as pasted ARN
 * strings or wildcards.
 */
public final class PolicyJson {

    private PolicyJson() {
    }

    /** A policy document with the given statements. */
    public static Output<String> document(List<Map<String, Object>> statements) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements);
        return resolve(document).applyValue(value -> new GsonBuilder().disableHtmlEscaping().create().toJson(value));
    }

    /** One statement; {@code extra} carries Principal and Condition blocks when needed. */
    public static Map<String, Object> statement(String sid, String effect, List<String> actions, List<?> resources,
                                                Map<String, Object> extra) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", effect);
        statement.putAll(new java.util.TreeMap<>(extra)); // stable order whatever map the caller passed
        statement.put("Action", actions);
        statement.put("Resource", resources);
        return statement;
    }

    /** A role trust policy: the named AWS service may assume the role (trust policies have no Resource). */
    public static Output<String> trustPolicy(String servicePrincipal) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", servicePrincipal));
        statement.put("Action", "sts:AssumeRole");
        return document(List.of(statement));
    }

    public static Map<String, Object> allow(String sid, List<String> actions, List<?> resources) {
        return statement(sid, "Allow", actions, resources, Map.of());
    }

    /** Resolves every Output nested in maps and lists into one Output of plain values. */
    static Output<Object> resolve(Object value) {
        if (value instanceof Output<?> output) {
            return output.applyValue(v -> (Object) v);
        }
        if (value instanceof Map<?, ?> map) {
            // Keep the order of ordered maps; sort the others (Map.of iterates in a per-JVM random order), so the
            // same program always renders the same document and plans diff cleanly.
            Map<?, ?> ordered = map instanceof LinkedHashMap<?, ?> || map instanceof java.util.SortedMap<?, ?>
                    ? map : new java.util.TreeMap<>(map);
            List<String> keys = new ArrayList<>();
            List<Output<Object>> values = new ArrayList<>();
            ordered.forEach((k, v) -> {
                keys.add(String.valueOf(k));
                values.add(resolve(v));
            });
            return all(values).applyValue(resolved -> {
                Map<String, Object> result = new LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    result.put(keys.get(i), resolved.get(i));
                }
                return result;
            });
        }
        if (value instanceof List<?> list) {
            List<Output<Object>> values = new ArrayList<>();
            list.forEach(item -> values.add(resolve(item)));
            return all(values).applyValue(resolved -> (Object) resolved);
        }
        return Output.of(value);
    }

    private static Output<List<Object>> all(List<Output<Object>> values) {
        return values.isEmpty() ? Output.of(List.of()) : Output.all(values);
    }
}
