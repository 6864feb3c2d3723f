package com.bookstore.infra.config;

import com.google.gson.JsonParser;
import com.pulumi.Context;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stack's config as the Pulumi engine hands it to the program: values through {@code ctx.config}, and the list
 * of keys from {@code PULUMI_CONFIG}, the JSON object the language host passes (the SDK reads its config from the
 * same variable), so keys nothing reads can be refused.
 */
public final class EngineConfig implements ConfigSource {

    private final Context ctx;
    private final Set<String> keys;

    public EngineConfig(Context ctx, Optional<String> pulumiConfigJson) {
        this.ctx = ctx;
        this.keys = pulumiConfigJson.filter(json -> !json.isBlank()).map(EngineConfig::keys).orElse(Set.of());
    }

    @Override
    public Optional<String> get(String fullKey) {
        int colon = fullKey.indexOf(':');
        return ctx.config(fullKey.substring(0, colon)).get(fullKey.substring(colon + 1));
    }

    @Override
    public Set<String> keys() {
        return keys;
    }

    /** Keys as {@code namespace:key}; older engines send {@code namespace:config:key}. */
    static Set<String> keys(String json) {
        Set<String> keys = new TreeSet<>();
        for (String key : JsonParser.parseString(json).getAsJsonObject().keySet()) {
            keys.add(key.replaceFirst("^([^:]+):config:", "$1:"));
        }
        return keys;
    }
}
