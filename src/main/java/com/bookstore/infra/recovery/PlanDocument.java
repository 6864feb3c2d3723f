package com.bookstore.infra.recovery;

import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ARC Region switch plan as typed values, rendered two ways: the API's {@code CreatePlan} request (camelCase,
 * what the tests validate against the service model) and the CloudFormation {@code AWS::ARCRegionSwitch::Plan}
 * properties Cloud Control takes (the same shapes with PascalCase member names). One source, so the document the
 * stack deploys is the document the tests check.
 *
 * @param regions the plan's two regions; {@code primaryRegion} is the one an active/passive plan normally runs in
 */
public record PlanDocument(String name, String description, String executionRole, List<String> regions,
                           String primaryRegion, int recoveryTimeObjectiveMinutes, List<Workflow> workflows,
                           Map<String, String> tags) {

    public PlanDocument {
        regions = List.copyOf(regions);
        workflows = List.copyOf(workflows);
        tags = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tags));
    }

    /** What to do to which region, in which steps. */
    public record Workflow(String targetAction, String targetRegion, String description, List<Step> steps) {
        public Workflow {
            steps = List.copyOf(steps);
        }

        Map<String, Object> toApi() {
            Map<String, Object> workflow = new LinkedHashMap<>();
            workflow.put("steps", steps.stream().map(Step::toApi).toList());
            workflow.put("workflowTargetAction", targetAction);
            workflow.put("workflowTargetRegion", targetRegion);
            workflow.put("workflowDescription", description);
            return workflow;
        }
    }

    /** One step: a named execution block. */
    public record Step(String name, String description, ExecutionBlock block) {
        Map<String, Object> toApi() {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("name", name);
            step.put("description", description);
            step.put("executionBlockConfiguration", Map.of(block.configurationMember(), block.configuration()));
            step.put("executionBlockType", block.type());
            return step;
        }
    }

    /** The {@code CreatePlan} request body. */
    public Map<String, Object> toApi() {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("description", description);
        plan.put("workflows", workflows.stream().map(Workflow::toApi).toList());
        plan.put("executionRole", executionRole);
        plan.put("recoveryTimeObjectiveMinutes", recoveryTimeObjectiveMinutes);
        plan.put("name", name);
        plan.put("regions", regions);
        plan.put("recoveryApproach", "activePassive");
        plan.put("primaryRegion", primaryRegion);
        plan.put("tags", tags);
        return plan;
    }

    /**
     * The Cloud Control desired state: the CloudFormation schema spells every structure member in PascalCase and
     * keeps free-form map keys (the tags) as they are.
     */
    public String toCloudFormationJson() {
        return json(pascalCase(toApi()));
    }

    @SuppressWarnings("unchecked")
    private static Object pascalCase(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                result.put(Character.toUpperCase(key.charAt(0)) + key.substring(1),
                        key.equals("tags") ? v : pascalCase(v));
            });
            return result;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PlanDocument::pascalCase).toList();
        }
        return value;
    }

    private static String json(Object value) {
        return new GsonBuilder().disableHtmlEscaping().create().toJson(value);
    }
}
