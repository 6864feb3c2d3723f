package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline's deploy role of a stack can do what the stack's plan asks: for every resource, each action of
 * {@link DeployActions} (create, read back, update, tag, delete) on the ARN the resource will have, with the request's
 * condition keys, is allowed by the role's inline and attached managed policies as planned and by its permissions
 * boundary, and denied by neither (IAM's evaluation, {@link IamEvaluation}). A deploy the role cannot finish stops
 * half-way through {@code pulumi up} with {@code AccessDenied}; the mocks accept anything.
 *
 * <p>The deploy roles live in the primary's plan (with the pipeline): the primary is checked against its own plan's
 * {@code <project>-deploy-primary}, the secondary against the same plan's {@code <project>-deploy-secondary}
 * ({@link #check(Plan, Plan)}). A plan without a deploy role for its stack has nothing to check.
 */
public final class DeployRoleCoversPlan implements PolicyRule {

    @Override
    public String id() {
        return "deploy-role-covers-plan";
    }

    @Override
    public List<Violation> check(Plan plan) {
        return deployRole(plan, plan).isPresent() ? check(plan, plan) : List.of();
    }

    /** {@code stack} against its deploy role in {@code rolesPlan} (the primary's plan with the pipeline). */
    public static List<Violation> check(Plan stack, Plan rolesPlan) {
        String id = new DeployRoleCoversPlan().id();
        Optional<PlannedResource> found = deployRole(stack, rolesPlan);
        if (found.isEmpty()) {
            return List.of(new Violation(id, "stack " + stack.stack(), "no deploy role " + roleName(stack, rolesPlan)
                    + " in the plan of " + rolesPlan.stack()));
        }
        PlannedResource role = found.get();
        List<Violation> violations = new ArrayList<>();
        List<PolicyDocuments.Statement> identity = identityStatements(rolesPlan, role, violations, id);
        List<PolicyDocuments.Statement> boundary = Inputs.string(role, "permissionsBoundary")
                .map(arn -> managed(rolesPlan, arn).orElseGet(() -> {
                    violations.add(new Violation(id, role.key(), "its permissions boundary " + arn
                            + " is not in the plan: its statements cannot be checked"));
                    return List.of();
                })).orElse(null);
        List<Plan> plans = stack == rolesPlan ? List.of(stack) : List.of(stack, rolesPlan);
        for (PlannedResource r : stack.awsResources()) {
            if (!DeployActions.knows(r.type())) {
                violations.add(new Violation(id, r.key(), "no deploy actions are declared for " + r.type()
                        + ": add what creating, reading, updating, tagging and deleting it takes to DeployActions"));
                continue;
            }
            Map<String, List<String>> missing = new LinkedHashMap<>();
            for (DeployActions.Need need : DeployActions.of(r, stack, plans)) {
                var request = new IamEvaluation.Request(need.action(), need.resource(), need.context());
                if (!IamEvaluation.allowed(identity, boundary, request)) {
                    missing.computeIfAbsent(need.phase() + " " + need.resource(), k -> new ArrayList<>()).add(need.action());
                }
            }
            if (!missing.isEmpty()) {
                List<String> lines = missing.entrySet().stream().map(e -> e.getKey().replaceFirst(" ", ": ")
                        + " " + e.getValue().stream().distinct().toList()).toList();
                violations.add(new Violation(id, r.key(), role.name() + " may not " + String.join("; ", lines)));
            }
        }
        return violations;
    }

    /** The plan holds the pipeline's deploy roles ({@code <project>-deploy-*}). */
    public static boolean hasDeployRoles(Plan plan) {
        String prefix = LeastPrivilegeIam.project(plan) + "-deploy-";
        return plan.ofType(PolicyDocuments.ROLE).stream()
                .anyMatch(role -> Inputs.string(role, "name").orElse(role.name()).startsWith(prefix));
    }

    private static String roleName(Plan stack, Plan rolesPlan) {
        return LeastPrivilegeIam.project(rolesPlan) + "-deploy-" + stack.stack();
    }

    private static Optional<PlannedResource> deployRole(Plan stack, Plan rolesPlan) {
        String name = roleName(stack, rolesPlan);
        return rolesPlan.ofType(PolicyDocuments.ROLE).stream()
                .filter(role -> Inputs.string(role, "name").orElse(role.name()).equals(name)).findFirst();
    }

    /** The role's inline policies and the managed policies attached to it, as the plan creates them. */
    private static List<PolicyDocuments.Statement> identityStatements(Plan plan, PlannedResource role,
                                                                     List<Violation> violations, String id) {
        String roleId = role.id();
        List<PolicyDocuments.Statement> statements = new ArrayList<>();
        for (PolicyDocuments.Statement s : PolicyDocuments.statements(plan)) {
            boolean inline = s.owner() == role || s.owner().type().equals("aws:iam/rolePolicy:RolePolicy")
                    && Inputs.string(s.owner(), "role").filter(roleId::equals).isPresent();
            if (inline) {
                statements.add(s);
            }
        }
        for (PolicyDocuments.Attachment a : PolicyDocuments.attachments(plan)) {
            boolean ours = a.owner() == role || Inputs.string(a.owner(), "role").filter(roleId::equals).isPresent();
            if (ours) {
                managed(plan, a.policyArn()).ifPresentOrElse(statements::addAll, () -> violations.add(new Violation(id,
                        a.owner().key(), "attaches " + a.policyArn() + ", which the plan does not define: its statements "
                        + "cannot be checked")));
            }
        }
        return statements;
    }

    private static Optional<List<PolicyDocuments.Statement>> managed(Plan plan, String arn) {
        return plan.ofType("aws:iam/policy:Policy").stream().filter(p -> arn.equals(p.id()))
                .findFirst().flatMap(p -> Inputs.string(p, "policy").map(json -> PolicyDocuments.parse(p, json)));
    }
}
