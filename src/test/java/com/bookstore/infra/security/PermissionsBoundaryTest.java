package com.bookstore.infra.security;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.bookstore.infra.support.Plans.input;
import static com.bookstore.infra.support.PolicyStatements.bySid;
import static com.bookstore.infra.support.PolicyStatements.statements;
import static com.bookstore.infra.support.PolicyStatements.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The boundary caps, it must not cut: every action any role of either stack is granted lies inside it, or that
 * role would be denied at run time although its own policy allows it. And it stays a cap: no {@code *:*}, IAM only
 * by name, its own writes and role writes without it denied.
 */
class PermissionsBoundaryTest {

    private static final String BOUNDARY = "arn:aws:iam::123456789012:policy/bookstore-permissions-boundary";

    @Test
    void everyActionAnyRoleIsGrantedLiesInsideTheBoundary() {
        Set<String> outside = new TreeSet<>();
        for (Plan plan : List.of(Plans.primaryWithPipeline(), Plans.secondary())) {
            for (PlannedResource policy : Stream.concat(plan.ofType("aws:iam/rolePolicy:RolePolicy").stream(),
                    plan.ofType("aws:iam/policy:Policy").stream().filter(p -> !p.name().endsWith("-permissions-boundary"))).toList()) {
                for (Map<String, Object> statement : statements(policy)) {
                    strings(statement.get("Action")).stream().filter(a -> !insideTheBoundary(a)).forEach(outside::add);
                }
            }
        }

        assertEquals(Set.of(), outside, "granted to a role but denied by its boundary");
    }

    @Test
    void theBoundaryIsACapWithoutAnEscapeHatch() {
        PlannedResource boundary = Plans.named(Plans.primary(), "aws:iam/policy:Policy", "bookstore-permissions-boundary");
        List<Map<String, Object>> statements = statements(boundary);

        assertTrue(statements.stream().noneMatch(s -> strings(s.get("Action")).contains("*")));
        assertTrue(statements.stream().filter(s -> "Allow".equals(s.get("Effect")))
                .flatMap(s -> strings(s.get("Action")).stream()).noneMatch(a -> a.startsWith("iam:*") || a.startsWith("sts:")));
        assertEquals(List.of("arn:aws:iam::123456789012:role/bookstore-*", "arn:aws:iam::123456789012:role/aws-service-role/*",
                "arn:aws:iam::123456789012:policy/bookstore-*"), bySid(statements, "ProjectRolesAndPolicies").get("Resource"));
        assertEquals(List.of(BOUNDARY), bySid(statements, "NoChangeToTheBoundary").get("Resource"));
        assertEquals("Deny", bySid(statements, "NoRoleWithoutTheBoundary").get("Effect"));
        assertEquals(Map.of("StringNotEquals", Map.of("iam:PermissionsBoundary", BOUNDARY)),
                bySid(statements, "RoleWritesKeepTheBoundary").get("Condition"));
        assertEquals(Map.of("StringNotEquals", Map.of("aws:ResourceAccount", "123456789012")),
                bySid(statements, "StayInTheAccount").get("Condition"));
    }

    @Test
    void theSecondarysRolesCarryTheBoundaryThePrimaryCreated() {
        for (PlannedResource role : Plans.secondary().ofType("aws:iam/role:Role")) {
            assertEquals(BOUNDARY, input(role, "permissionsBoundary"), role.name());
        }
        assertTrue(Plans.secondary().ofType("aws:iam/policy:Policy").isEmpty());
        assertEquals(BOUNDARY, Plans.named(Plans.primary(), "aws:iam/policy:Policy", "bookstore-permissions-boundary").id());
    }

    /** The boundary document's own Allow actions, as planned (wildcards and all), read once. */
    private static final List<String> BOUNDARY_ALLOWS = statements(Plans.named(Plans.primary(), "aws:iam/policy:Policy",
            "bookstore-permissions-boundary")).stream().filter(s -> "Allow".equals(s.get("Effect")))
            .flatMap(s -> strings(s.get("Action")).stream()).map(allowed -> allowed.replace("*", "[A-Za-z0-9-]*")).toList();

    private static boolean insideTheBoundary(String action) {
        return BOUNDARY_ALLOWS.stream().anyMatch(action::matches);
    }
}
