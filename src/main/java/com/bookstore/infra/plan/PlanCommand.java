package com.bookstore.infra.plan;

import com.bookstore.infra.config.ConfigSource;
import com.bookstore.infra.config.StackConfigFile;
import com.bookstore.infra.config.StackSettings;
import com.bookstore.infra.policy.DeployRoleCoversPlan;
import com.bookstore.infra.policy.OneOwnerAcrossStacks;
import com.bookstore.infra.policy.PolicySet;
import com.bookstore.infra.policy.Violation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code make plan}: plans each named stack from its real {@code Pulumi.<stack>.yaml}, writes
 * {@code <out>/<stack>.json} and {@code <out>/<stack>.md}, runs the policy rules and exits non-zero listing
 * every violation; with several stacks, also checks that no physical name is created by two of them. A secondary's StackReference is answered from the referenced stack's plan in the same
 * directory, so plan the primary first.
 *
 * <p>Usage: {@code PlanCommand <project dir> <out dir> <stack>...}
 */
public final class PlanCommand {

    private PlanCommand() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: PlanCommand <project dir> <out dir> <stack>...");
            System.exit(2);
        }
        Path project = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        List<String> failures = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String stack = args[i];
            try {
                Plan plan = plan(project, out, stack);
                plans.add(plan);
                List<Violation> violations = write(plan, out);
                if (violations.isEmpty()) {
                    System.out.println(stack + ": all policy rules pass");
                } else {
                    failures.add(stack + ": " + violations.size() + " policy violation(s):\n  - "
                            + String.join("\n  - ", violations.stream().map(Violation::toString).toList()));
                }
            } catch (RuntimeException e) {
                failures.add(stack + ": " + e.getMessage());
            }
        }
        if (plans.size() > 1) {
            // The deploy roles live in the plan with the pipeline; each other stack is checked against its own.
            for (Plan roles : plans.stream().filter(DeployRoleCoversPlan::hasDeployRoles).toList()) {
                for (Plan other : plans.stream().filter(p -> p != roles).toList()) {
                    List<Violation> denied = DeployRoleCoversPlan.check(other, roles);
                    if (!denied.isEmpty()) {
                        failures.add(other.stack() + ": " + denied.size() + " resource(s) its deploy role may not manage:\n  - "
                                + String.join("\n  - ", denied.stream().map(Violation::toString).toList()));
                    }
                }
            }
            List<Violation> shared = OneOwnerAcrossStacks.check(plans);
            if (shared.isEmpty()) {
                System.out.println("all stacks: every physical name has one owner");
            } else {
                failures.add("all stacks: " + shared.size() + " physical name(s) with two owners:\n  - "
                        + String.join("\n  - ", shared.stream().map(Violation::toString).toList()));
            }
        }
        if (!failures.isEmpty()) {
            System.err.println(String.join("\n", failures));
            System.exit(1);
        }
    }

    /** Plans one stack, writes both files, and returns the policy violations. */
    public static List<Violation> planStack(Path project, Path out, String stack) throws IOException {
        return write(plan(project, out, stack), out);
    }

    /** Writes a plan's two files and returns its policy violations. */
    static List<Violation> write(Plan plan, Path out) throws IOException {
        String stack = plan.stack();
        List<Violation> violations = PolicySet.standard().check(plan);
        Files.writeString(out.resolve(stack + ".json"), PlanJson.write(plan));
        Files.writeString(out.resolve(stack + ".md"), PlanMarkdown.write(plan, violations));
        System.out.println(stack + ": " + plan.awsResources().size() + " AWS resources -> " + out.resolve(stack + ".json"));
        plan.resilience().lines().forEach(line -> System.out.println("  " + line));
        return violations;
    }

    /** Plans one stack from its config file; the primary's plan in {@code planDir} answers a StackReference. */
    @SuppressWarnings("unchecked")
    public static Plan plan(Path project, Path planDir, String stack) throws IOException {
        StackSettings settings = StackSettings.parse(ConfigSource.of(
                StackConfigFile.read(project.resolve("Pulumi." + stack + ".yaml"))));
        Map<String, Object> referenced = Map.of();
        if (settings.primaryStack().isPresent()) {
            String reference = settings.primaryStack().get();
            String referencedStack = reference.substring(reference.lastIndexOf('/') + 1);
            Path referencedPlan = planDir.resolve(referencedStack + ".json");
            if (!Files.exists(referencedPlan)) {
                throw new IllegalStateException("bookstore:primaryStack is " + reference + " but there is no plan "
                        + referencedPlan + " to read its outputs from: plan " + referencedStack + " first");
            }
            referenced = (Map<String, Object>) PlanJson.read(referencedPlan).get("outputs");
        }
        return PlanRunner.run(settings, StackConfigFile.projectName(project.resolve("Pulumi.yaml")), stack, referenced);
    }
}
