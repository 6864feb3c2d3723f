package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every Lambda states its timeout and memory (the defaults, 3 s and 128 MB, are wrong for a Java function) and
 * logs into a log group this stack creates with a retention period, not into one Lambda creates that keeps
 * logs forever.
 */
public final class LambdaLimits implements PolicyRule {

    @Override
    public String id() {
        return "lambda-limits";
    }

    @Override
    public List<Violation> check(Plan plan) {
        List<Violation> violations = new ArrayList<>();
        List<PlannedResource> logGroups = plan.ofType("aws:cloudwatch/logGroup:LogGroup");
        for (PlannedResource function : plan.ofType("aws:lambda/function:Function")) {
            if (Inputs.number(function, "timeout").isEmpty()) {
                violations.add(new Violation(id(), function.key(), "timeout must be set explicitly"));
            }
            if (Inputs.number(function, "memorySize").isEmpty()) {
                violations.add(new Violation(id(), function.key(), "memorySize must be set explicitly"));
            }
            String logGroupName = Inputs.string(function, "loggingConfig.logGroup")
                    .orElse("/aws/lambda/" + Inputs.string(function, "name").orElse(function.name()));
            Optional<PlannedResource> logGroup = logGroups.stream()
                    .filter(g -> Inputs.string(g, "name").filter(logGroupName::equals).isPresent())
                    .findFirst();
            if (logGroup.isEmpty()) {
                violations.add(new Violation(id(), function.key(), "logs to " + logGroupName
                        + ", which this stack does not create (Lambda would create it without retention)"));
            } else if (Inputs.number(logGroup.get(), "retentionInDays").filter(days -> days > 0).isEmpty()) {
                violations.add(new Violation(id(), function.key(), "its log group " + logGroupName
                        + " has no retentionInDays"));
            }
        }
        return violations;
    }
}
