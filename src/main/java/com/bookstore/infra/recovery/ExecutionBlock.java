package com.bookstore.infra.recovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The execution blocks this plan uses, as the ARC Region switch API names them (service model
 * {@code arc-region-switch} 2022-07-26: {@code ExecutionBlockType} and the matching member of the
 * {@code ExecutionBlockConfiguration} union). Each renders its configuration in the API's casing; docs/failover.md
 * "The Region switch plan" says what each does.
 */
public sealed interface ExecutionBlock {

    /** The {@code executionBlockType} enum value. */
    String type();

    /** The member of the {@code ExecutionBlockConfiguration} union that carries this block's configuration. */
    String configurationMember();

    /** The configuration, in API casing and in a stable order. */
    Map<String, Object> configuration();

    /**
     * A person approves before the workflow goes on; {@code approvalRole} is the role whose holders may approve
     * ({@code arc-region-switch:ApprovePlanExecutionStep}).
     */
    record ManualApproval(String approvalRole, int timeoutMinutes) implements ExecutionBlock {
        public String type() {
            return "ManualApproval";
        }

        public String configurationMember() {
            return "executionApprovalConfig";
        }

        public Map<String, Object> configuration() {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("timeoutMinutes", timeoutMinutes);
            config.put("approvalRole", approvalRole);
            return config;
        }
    }

    /**
     * One Lambda function per region (the API takes at most two); Region switch runs the one of {@code regionToRun}
     * with {@code payload}, retrying every {@code retryIntervalMinutes} until {@code timeoutMinutes}.
     *
     * @param skipWhenUngraceful an unplanned (ungraceful) execution skips the step
     */
    record CustomActionLambda(List<String> functionArns, String payload, RegionToRun regionToRun,
                              double retryIntervalMinutes, int timeoutMinutes, boolean skipWhenUngraceful)
            implements ExecutionBlock {
        public CustomActionLambda {
            if (functionArns.isEmpty() || functionArns.size() > 2) {
                throw new IllegalArgumentException("a custom action names one or two functions, got " + functionArns);
            }
            functionArns = List.copyOf(functionArns);
        }

        public String type() {
            return "CustomActionLambda";
        }

        public String configurationMember() {
            return "customActionLambdaConfig";
        }

        public Map<String, Object> configuration() {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("timeoutMinutes", timeoutMinutes);
            config.put("lambdas", functionArns.stream().map(arn -> {
                Map<String, Object> lambda = new LinkedHashMap<>();
                lambda.put("arn", arn);
                lambda.put("payload", payload);
                return lambda;
            }).toList());
            config.put("retryIntervalMinutes", retryIntervalMinutes);
            config.put("regionToRun", regionToRun.value);
            if (skipWhenUngraceful) {
                config.put("ungraceful", Map.of("behavior", "skip"));
            }
            return config;
        }
    }

    /** Where a custom action runs, relative to the execution. */
    enum RegionToRun {
        ACTIVATING("activatingRegion"), DEACTIVATING("deactivatingRegion");

        final String value;

        RegionToRun(String value) {
            this.value = value;
        }
    }

    /**
     * Makes the activating region's cluster the writer: a switchover (no data loss) in a graceful execution, a
     * failover (allowing the loss of what had not replicated) in an ungraceful one.
     */
    record AuroraGlobalDatabase(String globalClusterIdentifier, List<String> databaseClusterArns, int timeoutMinutes)
            implements ExecutionBlock {
        public AuroraGlobalDatabase {
            databaseClusterArns = List.copyOf(databaseClusterArns);
        }

        public String type() {
            return "AuroraGlobalDatabase";
        }

        public String configurationMember() {
            return "globalAuroraConfig";
        }

        public Map<String, Object> configuration() {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("timeoutMinutes", timeoutMinutes);
            config.put("behavior", "switchoverOnly");
            config.put("ungraceful", Map.of("ungraceful", "failover"));
            config.put("globalClusterIdentifier", globalClusterIdentifier);
            config.put("databaseClusterArns", databaseClusterArns);
            return config;
        }
    }

    /**
     * Moves a failover name: Region switch vends one health check per region and flips their states (primary's
     * unhealthy, the activated region's healthy); the records carry them (docs/failover.md "Traffic").
     *
     * @param recordSets record set identifier per region, in the plan's region order
     */
    record Route53HealthCheck(String hostedZoneId, String recordName, Map<String, String> recordSets,
                              int timeoutMinutes) implements ExecutionBlock {
        public Route53HealthCheck {
            recordSets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(recordSets));
        }

        public String type() {
            return "Route53HealthCheck";
        }

        public String configurationMember() {
            return "route53HealthCheckConfig";
        }

        public Map<String, Object> configuration() {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("timeoutMinutes", timeoutMinutes);
            config.put("hostedZoneId", hostedZoneId);
            config.put("recordName", recordName);
            config.put("recordSets", recordSets.entrySet().stream().map(e -> {
                Map<String, Object> set = new LinkedHashMap<>();
                set.put("recordSetIdentifier", e.getValue());
                set.put("region", e.getKey());
                return set;
            }).toList());
            return config;
        }
    }

    /** Steps that run at the same time; the block ends when all of them have. */
    record Parallel(List<PlanDocument.Step> steps) implements ExecutionBlock {
        public Parallel {
            steps = List.copyOf(steps);
        }

        public String type() {
            return "Parallel";
        }

        public String configurationMember() {
            return "parallelConfig";
        }

        public Map<String, Object> configuration() {
            return Map.of("steps", steps.stream().map(PlanDocument.Step::toApi).toList());
        }
    }
}
