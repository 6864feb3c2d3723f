package com.bookstore.infra.plan;

import com.bookstore.infra.policy.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The plan for people: the resource tree by component, the resilience budget and the policy verdict. */
public final class PlanMarkdown {

    private PlanMarkdown() {
    }

    public static String write(Plan plan, List<Violation> violations) {
        StringBuilder md = new StringBuilder();
        md.append("# Offline plan: ").append(plan.stack()).append("\n\n");
        long aws = plan.awsResources().size();
        long components = plan.resources().stream().filter(PlannedResource::isComponent).count();
        md.append(aws).append(" AWS resources in ").append(components).append(" components");
        Map<String, Long> byRegion = new TreeMap<>();
        plan.awsResources().forEach(r -> byRegion.merge(String.valueOf(r.region()), 1L, Long::sum));
        md.append(" (").append(String.join(", ", byRegion.entrySet().stream()
                .map(e -> e.getValue() + " in " + e.getKey()).toList())).append(").\n\n");
        if (plan.teardown()) {
            md.append("**Teardown configuration** (`bookstore:teardown: true`): every protection is off, for the destroy "
                    + "that follows (docs/runbooks/teardown.md).\n\n");
        }

        md.append("## Resilience budget\n\n");
        plan.resilience().lines().forEach(line -> md.append("- ").append(line).append('\n'));
        md.append('\n');

        md.append("## Policy\n\n");
        if (violations.isEmpty()) {
            md.append("All policy rules pass.\n\n");
        } else {
            violations.forEach(v -> md.append("- **").append(v.rule()).append("** `").append(v.resource())
                    .append("`: ").append(v.message()).append('\n'));
            md.append('\n');
        }

        md.append("## Resources\n\n");
        Map<String, List<PlannedResource>> children = new LinkedHashMap<>();
        plan.resources().forEach(r -> children.computeIfAbsent(String.valueOf(r.parent()), k -> new ArrayList<>()).add(r));
        for (PlannedResource root : children.getOrDefault("null", List.of())) {
            tree(md, root, children, 0);
        }
        md.append("\n## Outputs\n\n| output | value |\n|---|---|\n");
        plan.outputs().forEach((k, v) -> md.append("| `").append(k).append("` | `").append(v).append("` |\n"));
        return md.toString();
    }

    private static void tree(StringBuilder md, PlannedResource resource, Map<String, List<PlannedResource>> children,
                             int depth) {
        md.append("  ".repeat(depth)).append("- `").append(resource.name()).append("` ").append(resource.type());
        if (resource.region() != null && !resource.isComponent()) {
            md.append(" (").append(resource.region()).append(')');
        }
        md.append('\n');
        for (PlannedResource child : children.getOrDefault(resource.key(), List.of())) {
            tree(md, child, children, depth + 1);
        }
    }
}
