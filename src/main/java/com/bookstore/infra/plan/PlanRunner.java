package com.bookstore.infra.plan;

import com.bookstore.infra.config.StackSettings;
import com.bookstore.infra.resilience.ResilienceBudget;
import com.bookstore.infra.stack.BookstoreStack;
import com.pulumi.Context;
import com.pulumi.asset.AssetOrArchive;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs a stack's program under {@link PlanMocks} (no engine, no credentials, no network) and turns what the
 * engine would have received into a {@link Plan}. Pulumi's test deployment is global state: one run at a time.
 */
public final class PlanRunner {

    private PlanRunner() {
    }

    public static Plan run(StackSettings settings, String project, String stack, Map<String, Object> primaryOutputs) {
        Plan plan = run(project, stack, primaryOutputs, ResilienceBudget.of(settings.resilience(), settings.hasDomain()),
                ctx -> BookstoreStack.deploy(ctx, settings));
        return new Plan(plan.stack(), plan.resources(), plan.outputs(), plan.providers(), plan.resilience(),
                settings.teardown());
    }

    /** Runs any program the same way: a stack, or one component on its own in a test. */
    public static synchronized Plan run(String project, String stack, Map<String, Object> primaryOutputs,
                                        ResilienceBudget resilience, Consumer<Context> program) {
        var mocks = new PlanMocks(primaryOutputs);
        var options = new ResourceOptionsRecorder();
        try {
            TestResult result = PulumiTest.withMocks(mocks)
                    .withOptions(TestOptions.builder().projectName(project).stackName(stack).preview(false)
                            .resourceTransformations(List.of(options)).build())
                    .runTest(program);
            if (!result.exceptions().isEmpty() || result.exitCode() != 0) {
                throw new PlanFailedException(stack, messages(result));
            }
            Map<String, String> parents = parents(result.resources());
            List<PlannedResource> resources = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (PlanMocks.Registration r : mocks.registrations()) {
                String key = r.type() + "::" + r.name();
                if (!seen.add(key)) {
                    throw new PlanFailedException(stack, List.of("two resources are named " + key));
                }
                resources.add(new PlannedResource(r.type(), r.name(), parents.get(key), r.region(), r.provider(),
                        r.id(), normalizeMap(r.inputs()), options.dependsOn(key), options.isProtected(key)));
            }
            resources.sort((a, b) -> a.key().compareTo(b.key()));
            Map<String, Object> outputs = new TreeMap<>();
            result.outputs().forEach((name, output) -> outputs.put(name, normalize(extract(output))));
            return new Plan(stack, List.copyOf(resources), outputs,
                    mocks.providers().values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList(),
                    resilience);
        } finally {
            PulumiTest.cleanup();
        }
    }

    private static Object extract(Output<?> output) {
        return PulumiTest.extractValue(output);
    }

    private static Map<String, String> parents(List<Resource> resources) {
        Map<String, String> parents = new HashMap<>();
        for (Resource parent : resources) {
            String parentKey = parent.pulumiResourceType() + "::" + parent.pulumiResourceName();
            for (Resource child : parent.pulumiChildResources()) {
                parents.put(child.pulumiResourceType() + "::" + child.pulumiResourceName(), parentKey);
            }
        }
        return parents;
    }

    private static List<String> messages(TestResult result) {
        List<String> messages = new ArrayList<>(result.errors());
        for (Exception exception : result.exceptions()) {
            Throwable cause = exception;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            messages.add(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        return messages.stream().distinct().toList();
    }

    /** Inputs as plain JSON values, keys sorted, so plans are stable and diffable. */
    static Map<String, Object> normalizeMap(Map<?, ?> map) {
        Map<String, Object> result = new TreeMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), normalize(v)));
        return result;
    }

    static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            return normalizeMap(map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PlanRunner::normalize).toList();
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return d.longValue();
        }
        if (value instanceof AssetOrArchive asset) {
            var internal = AssetOrArchive.AssetOrArchiveInternal.from(asset);
            return Map.of(internal.getPropName(), String.valueOf(internal.getValue()));
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return String.valueOf(value);
    }
}
