package com.bookstore.infra.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan's JSON form: {@code {"stack", "teardown", "resources": [{"type", "name", "parent", "region", "provider",
 * "id", "inputs", "dependsOn", "protect"}], "outputs", "providers", "resilience"}}. It is read back generically (the diff and the
 * secondary's StackReference need maps, not the program's records).
 */
public final class PlanJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private PlanJson() {
    }

    public static String write(Plan plan) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("stack", plan.stack());
        document.put("teardown", plan.teardown());
        document.put("resources", plan.resources());
        document.put("outputs", plan.outputs());
        document.put("providers", plan.providers());
        Map<String, Object> resilience = new LinkedHashMap<>();
        resilience.put("rtoSeconds", plan.resilience().rtoSeconds());
        resilience.put("rtoTargetSeconds", plan.resilience().rtoTargetSeconds());
        resilience.put("rtoTerms", plan.resilience().rtoTerms());
        resilience.put("rpoSeconds", plan.resilience().rpoSeconds());
        resilience.put("rpoTargetSeconds", plan.resilience().rpoTargetSeconds());
        resilience.put("rpoTerms", plan.resilience().rpoTerms());
        document.put("resilience", resilience);
        return GSON.toJson(document) + "\n";
    }

    public static Map<String, Object> read(Path file) throws IOException {
        return GSON.fromJson(Files.readString(file), new TypeToken<Map<String, Object>>() { }.getType());
    }

    /** The resources of a plan read back, keyed by {@code type::name}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, Object>> resources(Map<String, Object> plan) {
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        for (Object item : (List<Object>) plan.getOrDefault("resources", List.of())) {
            Map<String, Object> resource = (Map<String, Object>) item;
            byKey.put(resource.get("type") + "::" + resource.get("name"), resource);
        }
        return byKey;
    }
}
