package com.bookstore.infra.support;

import com.bookstore.infra.plan.PlannedResource;
import com.google.gson.Gson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.bookstore.infra.support.Plans.input;

/** Reads the IAM policy documents of planned resources, for tests that assert on their statements. */
public final class PolicyStatements {

    private PolicyStatements() {
    }

    /** The statements of a planned policy's {@code policy} input. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> statements(PlannedResource policy) {
        Map<String, Object> document = new Gson().fromJson((String) input(policy, "policy"), Map.class);
        return (List<Map<String, Object>>) document.get("Statement");
    }

    /** The statement with this Sid; fails the test when there is none. */
    public static Map<String, Object> bySid(List<Map<String, Object>> statements, String sid) {
        return statements.stream().filter(s -> sid.equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid));
    }

    /** An Action or Resource element as a list, whether IAM's JSON holds one string or a list. */
    public static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(String::valueOf).toList());
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
