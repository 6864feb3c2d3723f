package com.bookstore.infra.preflight;

import com.bookstore.infra.config.ConfigSource;
import com.bookstore.infra.config.InvalidConfigException;
import com.bookstore.infra.config.StackConfigFile;
import com.bookstore.infra.config.StackSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code make preflight BACKEND=<url> [ORG=<organization>]}: the deploy checks of both stacks before anything is
 * created (the same {@link DeployPreflight} that {@code pulumi up} runs, plus what the two stacks must agree on),
 * every problem listed at once. {@code make deploy} runs it after the offline plan.
 *
 * <p>Usage: {@code PreflightCommand <project dir> <backend url> [organization]}
 */
public final class PreflightCommand {

    static final List<String> STACKS = List.of("primary", "secondary");

    private PreflightCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || args.length > 3) {
            err.println("usage: PreflightCommand <project dir> <backend url> [organization]");
            return 2;
        }
        StateBackend backend;
        try {
            backend = StateBackend.of(args[1], args.length == 3 && !args[2].isBlank() ? Optional.of(args[2]) : Optional.empty());
        } catch (IllegalArgumentException e) {
            err.println("preflight: " + e.getMessage());
            return 2;
        }
        List<String> problems = check(Path.of(args[0]), backend);
        if (!problems.isEmpty()) {
            err.println("preflight: these must be fixed before deploying:\n  - " + String.join("\n  - ", problems));
            return 1;
        }
        out.println("preflight: both stacks can be deployed to " + args[1]
                + (backend.isSelfManaged() ? "" : " (organization " + backend.organization() + ")"));
        return 0;
    }

    /** Every problem of both stacks and of the pair, each prefixed with its stack. */
    public static List<String> check(Path project, StateBackend backend) {
        List<String> problems = new ArrayList<>();
        String projectName;
        try {
            projectName = StackConfigFile.projectName(project.resolve("Pulumi.yaml"));
        } catch (IOException | IllegalArgumentException e) {
            return List.of("Pulumi.yaml: " + e.getMessage());
        }
        List<StackSettings> parsed = new ArrayList<>();
        for (String stack : STACKS) {
            Path file = project.resolve("Pulumi." + stack + ".yaml");
            try {
                StackSettings settings = StackSettings.parse(ConfigSource.of(StackConfigFile.read(file)));
                parsed.add(settings);
                settings.primaryStack().filter(reference -> reference.split("/").length == 3
                        && !reference.endsWith("/" + STACKS.get(0))).ifPresent(reference -> problems.add(stack
                        + ": bookstore:primaryStack " + reference + " does not name the stack '" + STACKS.get(0)
                        + "' that is deployed as the primary"));
                DeployPreflight.problems(settings, projectName, backend, project).forEach(p -> problems.add(stack + ": " + p));
            } catch (InvalidConfigException e) {
                e.problems().forEach(p -> problems.add(stack + ": " + p));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(stack + ": " + e.getMessage());
            }
        }
        if (parsed.size() == STACKS.size()) {
            DeployPreflight.pairProblems(parsed.get(0), parsed.get(1)).forEach(p -> problems.add("both stacks: " + p));
        }
        return problems;
    }
}
