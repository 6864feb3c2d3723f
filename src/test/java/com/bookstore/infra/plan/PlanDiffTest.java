package com.bookstore.infra.plan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanDiffTest {

    private static Map<String, Object> resource(String region, Map<String, Object> inputs) {
        return Map.of("region", region, "parent", "p", "inputs", inputs);
    }

    @Test
    void reportsAddedRemovedAndChangedResourcesWithTheChangedKeys() {
        var before = Map.of(
                "aws:sqs/queue:Queue::kept", resource("eu-west-1", Map.of("delaySeconds", 0L)),
                "aws:sqs/queue:Queue::gone", resource("eu-west-1", Map.of()),
                "aws:lambda/function:Function::api", resource("eu-west-1",
                        Map.of("memorySize", 512L, "environment", Map.of("variables", Map.of("A", "1", "B", "2")))));
        var after = Map.of(
                "aws:sqs/queue:Queue::kept", resource("eu-west-1", Map.of("delaySeconds", 0L)),
                "aws:sqs/queue:Queue::new", resource("ap-southeast-1", Map.of()),
                "aws:lambda/function:Function::api", resource("eu-west-1",
                        Map.of("memorySize", 1024L, "environment", Map.of("variables", Map.of("A", "1", "C", "3")))));

        String md = PlanDiff.diffStack("primary", before, after);

        assertTrue(md.contains("1 to add, 1 to change, 1 to remove."), md);
        assertTrue(md.contains("| `aws:sqs/queue:Queue::new` | ap-southeast-1 |"), md);
        assertTrue(md.contains("| `aws:sqs/queue:Queue::gone` | eu-west-1 |"), md);
        assertTrue(md.contains("| `aws:lambda/function:Function::api` | `environment.variables.B`, "
                + "`environment.variables.C`, `memorySize` |"), md);
        assertTrue(!md.contains("::kept"), md);
    }

    @Test
    void aNewDependencyOrProtectionIsAChangeAndAnOldPlanWithoutThemReadsAsNone() {
        var old = Map.of("aws:lb/loadBalancer:LoadBalancer::blog", resource("eu-west-1", Map.of()));
        Map<String, Object> ordered = new java.util.HashMap<>(resource("eu-west-1", Map.of()));
        ordered.put("dependsOn", List.of("aws:ec2/route:Route::internet"));
        ordered.put("protect", true);
        Map<String, Object> unchanged = new java.util.HashMap<>(resource("eu-west-1", Map.of()));
        unchanged.put("dependsOn", List.of());
        unchanged.put("protect", false);

        String md = PlanDiff.diffStack("primary", old, Map.of("aws:lb/loadBalancer:LoadBalancer::blog", ordered));

        assertTrue(md.contains("| `aws:lb/loadBalancer:LoadBalancer::blog` | `dependsOn`, `protect` |"), md);
        assertEquals("## primary\n\nNo changes.\n\n", PlanDiff.diffStack("primary", old,
                Map.of("aws:lb/loadBalancer:LoadBalancer::blog", unchanged)));
    }

    @Test
    void identicalPlansHaveNoChanges() {
        var plan = Map.of("aws:sqs/queue:Queue::q", resource("eu-west-1", Map.of("a", List.of(1L))));

        assertEquals("## primary\n\nNo changes.\n\n", PlanDiff.diffStack("primary", plan, plan));
    }
}
