package com.bookstore.infra.support;

import com.bookstore.infra.config.ConfigSource;
import com.bookstore.infra.config.StackSettings;
import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlanRunner;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.resilience.ResilienceBudget;
import com.pulumi.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Test entry to the program: settings built in code (the tests never read the repository's Pulumi.*.yaml, except
 * RepositoryConfigTest, which asserts nothing a fork would change), a run under the project's one mock
 * ({@code PlanMocks}, through {@link PlanRunner}) and look-ups on the resulting plan. Plans of the standard settings are computed once per JVM.
 */
public final class Plans {

    public static final String PRIMARY_STACK = "organization/bookstore/primary";
    private static Plan primary;
    private static Plan secondary;
    private static Plan withPipeline;

    private Plans() {
    }

    /** Config of a primary in eu-west-1 with a domain, plus {@code overrides}. */
    public static Map<String, String> primaryConfig(Map<String, String> overrides) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("aws:region", "eu-west-1");
        config.put("bookstore:role", "primary");
        config.put("bookstore:peerRegion", "ap-southeast-1");
        config.put("bookstore:edgeRegion", "us-east-1");
        config.put("bookstore:domain", "shop.example.org");
        config.put("bookstore:hostedZoneId", "ZTESTZONE");
        config.put("bookstore:healthCheckIntervalSeconds", "10");
        config.put("bookstore:vpcCidr", "10.50.0.0/16");
        config.putAll(overrides);
        config.values().removeIf(v -> v == null || v.isEmpty());
        return config;
    }

    /** Config of the matching secondary in ap-southeast-1, plus {@code overrides}. */
    public static Map<String, String> secondaryConfig(Map<String, String> overrides) {
        Map<String, String> config = new LinkedHashMap<>(primaryConfig(Map.of()));
        config.put("aws:region", "ap-southeast-1");
        config.put("bookstore:role", "secondary");
        config.put("bookstore:peerRegion", "eu-west-1");
        config.put("bookstore:primaryStack", PRIMARY_STACK);
        config.put("bookstore:vpcCidr", "10.51.0.0/16");
        config.putAll(overrides);
        config.values().removeIf(v -> v == null || v.isEmpty());
        return config;
    }

    public static StackSettings settings(Map<String, String> config) {
        return StackSettings.parse(ConfigSource.of(config));
    }

    public static Plan run(Map<String, String> config, Map<String, Object> primaryOutputs) {
        StackSettings settings = settings(config);
        return PlanRunner.run(settings, "bookstore", settings.role().value(), primaryOutputs);
    }

    /** The plan of {@code program} alone (one component, say), under the same mock and the standard primary's budget. */
    public static Plan of(Consumer<Context> program) {
        return PlanRunner.run("bookstore", "component", Map.of(),
                ResilienceBudget.of(settings(primaryConfig(Map.of())).resilience()), program);
    }

    public static synchronized Plan primary() {
        if (primary == null) {
            primary = run(primaryConfig(Map.of()), Map.of());
        }
        return primary;
    }

    /** The primary with the delivery pipeline on (self-managed state backend), as the shipped config has it. */
    public static synchronized Plan primaryWithPipeline() {
        if (withPipeline == null) {
            withPipeline = run(primaryConfig(Map.of(
                    "bookstore:pipelineRepository", "acme/bookstore",
                    "bookstore:pipelineBackendUrl", "s3://acme-pulumi-state?region=eu-west-1",
                    "bookstore:pipelineSecretsProvider", "awskms://alias/bookstore-pulumi?region=eu-west-1",
                    "bookstore:pipelineManualApproval", "true")), Map.of());
        }
        return withPipeline;
    }

    /** The secondary, reading the primary's plan outputs as its StackReference. */
    public static synchronized Plan secondary() {
        if (secondary == null) {
            secondary = run(secondaryConfig(Map.of()), primary().outputs());
        }
        return secondary;
    }

    public static PlannedResource one(Plan plan, String type) {
        List<PlannedResource> found = plan.ofType(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + found.size());
        }
        return found.get(0);
    }

    public static PlannedResource named(Plan plan, String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    /** A nested input value ({@code "pointInTimeRecovery.enabled"}), unwrapping one-item lists. */
    public static Object input(PlannedResource resource, String path) {
        Object current = resource.inputs();
        for (String part : path.split("\\.")) {
            if (current instanceof List<?> list && list.size() == 1) {
                current = list.get(0);
            }
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    public static Optional<PlannedResource> find(Plan plan, String type) {
        return plan.ofType(type).stream().findFirst();
    }

    /** The one Cloud Control resource of CloudFormation type {@code typeName} ({@code AWS::Cognito::UserPool}). */
    public static PlannedResource cloudControl(Plan plan, String typeName) {
        List<PlannedResource> found = plan.ofType("aws:cloudcontrol/resource:Resource").stream()
                .filter(r -> typeName.equals(r.inputs().get("typeName"))).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + typeName + ", found " + found.size());
        }
        return found.get(0);
    }

    /** A nested value ({@code "Policies.PasswordPolicy.MinimumLength"}) of a Cloud Control resource's desired state. */
    public static Object desired(PlannedResource resource, String path) {
        Object current = new com.google.gson.Gson().fromJson((String) resource.inputs().get("desiredState"), Map.class);
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
