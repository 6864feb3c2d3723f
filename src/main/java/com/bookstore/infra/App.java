package com.bookstore.infra;

import com.bookstore.infra.config.EngineConfig;
import com.bookstore.infra.config.InvalidConfigException;
import com.bookstore.infra.config.StackSettings;
import com.bookstore.infra.preflight.DeployPreflight;
import com.bookstore.infra.preflight.StateBackend;
import com.bookstore.infra.stack.BookstoreStack;
import com.pulumi.Context;
import com.pulumi.Pulumi;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
        StackSettings settings = StackSettings.parse(new EngineConfig(ctx, Optional.ofNullable(System.getenv("PULUMI_CONFIG"))));
        // The engine runs the program in the project directory, which the artifact paths are relative to.
        List<String> problems = DeployPreflight.problems(settings, ctx.projectName(),
                StateBackend.ofOrganization(ctx.organizationName()), Path.of(""));
        if (!problems.isEmpty()) {
            throw new InvalidConfigException("Stack " + ctx.stackName() + " cannot be deployed", problems);
        }
        BookstoreStack.deploy(ctx, settings);
    }
}
