package com.bookstore.infra;

import com.bookstore.infra.config.ConfigSource;
import com.bookstore.infra.config.InvalidConfigException;
import com.bookstore.infra.config.StackSettings;
import com.bookstore.infra.preflight.DeployPreflight;
import com.bookstore.infra.preflight.StateBackend;
import com.bookstore.infra.stack.BookstoreStack;
import com.google.gson.JsonParser;
import com.pulumi.Context;
import com.pulumi.Pulumi;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The Pulumi program: {@code pulumi up -s primary}, then {@code pulumi up -s secondary}. */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    /**
     * Reads the stack's config once, refuses what cannot be deployed (docs/configuration.md, "Before deploying"),
     * then builds the region it describes. Both refusals are {@code RunException}s: the engine shows their list of
     * problems, not a stack trace.
     */
    public static void stack(Context ctx) {
        StackSettings settings = StackSettings.parse(engineConfig(ctx, Optional.ofNullable(System.getenv("PULUMI_CONFIG"))));
        // The engine runs the program in the project directory, which the artifact paths are relative to.
        List<String> problems = DeployPreflight.problems(settings, ctx.projectName(),
                StateBackend.ofOrganization(ctx.organizationName()), Path.of(""));
        if (!problems.isEmpty()) {
            throw new InvalidConfigException("Stack " + ctx.stackName() + " cannot be deployed", problems);
        }
        BookstoreStack.deploy(ctx, settings);
    }

    /**
     * The stack's config as the engine hands it over: values through {@code ctx.config}, and the list of keys from
     * {@code PULUMI_CONFIG}, the JSON object the language host passes (the SDK reads its config from it too), so
     * keys nothing reads can be refused.
     */
    static ConfigSource engineConfig(Context ctx, Optional<String> pulumiConfigJson) {
        Set<String> keys = pulumiConfigJson.filter(json -> !json.isBlank()).map(App::configKeys).orElse(Set.of());
        return new ConfigSource() {
            @Override
            public Optional<String> get(String fullKey) {
                int colon = fullKey.indexOf(':');
                return ctx.config(fullKey.substring(0, colon)).get(fullKey.substring(colon + 1));
            }

            @Override
            public Set<String> keys() {
                return keys;
            }
        };
    }

    /** Keys as {@code namespace:key}; older engines send {@code namespace:config:key}. */
    static Set<String> configKeys(String pulumiConfigJson) {
        Set<String> keys = new TreeSet<>();
        for (String key : JsonParser.parseString(pulumiConfigJson).getAsJsonObject().keySet()) {
            keys.add(key.replaceFirst("^([^:]+):config:", "$1:"));
        }
        return keys;
    }
}
