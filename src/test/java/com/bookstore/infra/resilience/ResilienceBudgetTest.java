package com.bookstore.infra.resilience;

import com.bookstore.infra.config.StackSettings;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResilienceBudgetTest {

    private static ResilienceBudget budget(Map<String, String> overrides) {
        return ResilienceBudget.of(Plans.settings(Plans.primaryConfig(overrides)).resilience());
    }

    @Test
    void rtoIsDetectionPlusTtlPlusPromotion() {
        ResilienceBudget budget = budget(Map.of("bookstore:healthCheckIntervalSeconds", "30",
                "bookstore:healthCheckFailureThreshold", "4", "bookstore:dnsTtlSeconds", "45",
                "bookstore:promotionSeconds", "20"));

        assertEquals(30 * 4 + 45 + 20, budget.rtoSeconds());
        assertEquals(List.of(120, 45, 20), budget.rtoTerms().stream().map(ResilienceBudget.Term::seconds).toList());
    }

    @Test
    void withoutADomainThePlanSaysThereIsNoApiFailoverAndPromisesNoRto() {
        var settings = Plans.settings(Plans.primaryConfig(Map.of("bookstore:domain", "", "bookstore:hostedZoneId", "")));
        var plan = com.bookstore.infra.plan.PlanRunner.run(settings, "bookstore", "primary", Map.of());

        assertTrue(plan.resilience().lines().stream().anyMatch(line -> line.startsWith(
                "Warning: no API failover without a domain")), plan.resilience().lines().toString());
        assertEquals(List.of(), budget(Map.of()).warnings());
        // A warning, not a violation: deploying without a domain is a documented trial set-up.
        assertEquals(List.of(), plan.resilience().problems());
    }

    @Test
    void rpoIsTheLargestReplicationLag() {
        assertEquals(12, budget(Map.of("bookstore:tableReplicationLagSeconds", "12")).rpoSeconds());
    }

    @Test
    void defaultsTargetFifteenMinutes() {
        StackSettings settings = Plans.settings(Plans.primaryConfig(Map.of()));

        assertEquals(900, settings.resilience().rtoTargetSeconds());
        assertEquals(900, settings.resilience().rpoTargetSeconds());
    }

    @Test
    void aBudgetExactlyOnTargetFitsAndOneSecondOverDoesNot() {
        Map<String, String> onTarget = Map.of("bookstore:dnsTtlSeconds", "60", "bookstore:promotionSeconds", "0",
                "bookstore:rtoTargetSeconds", "90");

        assertEquals(List.of(), budget(onTarget).problems());
        List<String> over = budget(Map.of("bookstore:dnsTtlSeconds", "61", "bookstore:rtoTargetSeconds", "90")).problems();
        assertEquals(1, over.size());
        assertTrue(over.get(0).startsWith("RTO budget 91 s exceeds bookstore:rtoTargetSeconds 90 s"), over.get(0));
    }

    @Test
    void printedBudgetNamesEveryTerm() {
        List<String> lines = budget(Map.of()).lines();

        assertEquals("RTO 90 s of target 900 s = detection = health-check interval 10 s x failure threshold 3 (30 s)"
                + " + DNS TTL of the failover record (60 s) + promotion of the secondary (0 s)", lines.get(0));
        assertEquals("RPO 5 s of target 900 s = max(DynamoDB global-table replication lag (5 s))", lines.get(1));
    }
}
