package com.bookstore.infra.plan;

import com.google.gson.Gson;
import com.pulumi.test.Mocks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project's one Pulumi mock: it stands in for the AWS provider when the program runs without an engine
 * (tests and the offline plan). It records every registration with its provider's region, answers the
 * invokes the program makes, answers the StackReference read with the given outputs, and fills the computed
 * attributes the program consumes (ARNs, stream ARNs, endpoints, ids) with deterministic, realistic values,
 * so two plans of the same program are identical and a diff shows only real changes.
 */
public final class PlanMocks implements Mocks {

    public static final String ACCOUNT_ID = "123456789012";
    private static final String STACK_REFERENCE = "pulumi:pulumi:StackReference";
    private static final String PROVIDER_PREFIX = "pulumi:providers:";
    /** Shown in computed ARNs of a resource without an explicit provider (the explicit-region rule flags it). */
    private static final String NO_REGION = "no-explicit-region";

    /** One resource as the engine received it. */
    public record Registration(String type, String name, String id, String provider, String region,
                               Map<String, Object> inputs) {
    }

    /** An explicit provider and the default tags it adds to every taggable resource. */
    public record ProviderConfig(String name, String region, Map<String, String> defaultTags) {
    }

    private final Map<String, Object> stackReferenceOutputs;
    private final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ProviderConfig> providers = new ConcurrentHashMap<>();

    /** A stack output the referenced stack marked secret (the engine hands it over encrypted in state). */
    public record SecretOutput(Object value) {
    }

    /** @param stackReferenceOutputs what a StackReference read returns (the primary's outputs), if any */
    public PlanMocks(Map<String, Object> stackReferenceOutputs) {
        this.stackReferenceOutputs = Map.copyOf(stackReferenceOutputs);
    }

    public PlanMocks() {
        this(Map.of());
    }

    public List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }

    public Map<String, ProviderConfig> providers() {
        return Map.copyOf(providers);
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> inputs = args.inputs == null ? Map.of() : args.inputs;
        if (STACK_REFERENCE.equals(args.type)) {
            Map<String, Object> state = new HashMap<>();
            state.put("name", args.name);
            Map<String, Object> outputs = new LinkedHashMap<>();
            List<String> secretNames = new ArrayList<>();
            stackReferenceOutputs.forEach((name, value) -> {
                if (value instanceof SecretOutput secret) {
                    outputs.put(name, com.pulumi.core.Output.ofSecret(secret.value()));
                    secretNames.add(name);
                } else {
                    outputs.put(name, value);
                }
            });
            state.put("outputs", outputs);
            state.put("secretOutputNames", secretNames);
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name), state));
        }
        if (args.type.startsWith(PROVIDER_PREFIX)) {
            providers.put(args.name, new ProviderConfig(args.name, (String) inputs.get("region"), defaultTags(inputs)));
        }
        String region = args.type.startsWith(PROVIDER_PREFIX)
                ? (String) inputs.get("region") : regionOf(args.provider);
        Map<String, Object> state = new LinkedHashMap<>(inputs);
        String id = ComputedAttributes.fill(args.type, args.name, region == null ? NO_REGION : region, state);
        registrations.add(new Registration(args.type, args.name, id, providerName(args.provider), region, inputs));
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        String region = Optional.ofNullable(regionOf(args.provider)).orElse(NO_REGION);
        Map<String, Object> result = new HashMap<>();
        switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> {
                result.put("accountId", ACCOUNT_ID);
                result.put("arn", "arn:aws:iam::" + ACCOUNT_ID + ":user/plan");
                result.put("userId", "PLAN");
                result.put("id", ACCOUNT_ID);
            }
            case "aws:index/getAvailabilityZones:getAvailabilityZones" -> {
                result.put("names", List.of(region + "a", region + "b", region + "c"));
                result.put("zoneIds", List.of("z1", "z2", "z3"));
                result.put("id", region);
            }
            case "aws:dynamodb/getTable:getTable" -> {
                String name = String.valueOf(args.args.get("name"));
                String arn = "arn:aws:dynamodb:" + region + ":" + ACCOUNT_ID + ":table/" + name;
                result.put("name", name);
                result.put("arn", arn);
                result.put("id", name);
                result.put("streamArn", arn + "/stream/" + ComputedAttributes.STREAM_LABEL);
                result.put("streamEnabled", true);
            }
            case "aws:secretsmanager/getRandomPassword:getRandomPassword" -> {
                // A fixed stand-in: the plan shows where the password goes, never a real one.
                result.put("randomPassword", "plan-only-password");
                result.put("id", "plan-only-password");
            }
            default -> throw new IllegalArgumentException("PlanMocks does not answer the invoke " + args.token
                    + "; add it here so tests and the plan see the same answer");
        }
        return CompletableFuture.completedFuture(result);
    }

    /** A provider reference is {@code <urn>::<id>}; the URN ends with the provider's name. */
    private static String providerName(String reference) {
        if (reference == null || reference.isEmpty()) {
            return null;
        }
        String[] parts = reference.split("::");
        return parts.length >= 2 ? parts[parts.length - 2] : null;
    }

    private String regionOf(String reference) {
        String name = providerName(reference);
        ProviderConfig provider = name == null ? null : providers.get(name);
        return provider == null ? null : provider.region();
    }

    /** Provider inputs arrive JSON-encoded for object-valued settings such as default tags. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> defaultTags(Map<String, Object> inputs) {
        Object value = inputs.get("defaultTags");
        if (value instanceof String json) {
            value = new Gson().fromJson(json, Map.class);
        }
        if (value instanceof Map<?, ?> map && map.get("tags") instanceof Map<?, ?> tags) {
            Map<String, String> result = new LinkedHashMap<>();
            tags.forEach((k, v) -> result.put(String.valueOf(k), String.valueOf(v)));
            return result;
        }
        return Map.of();
    }

    /** A stable id derived from the resource's name, so plans are reproducible. */
    static String stableId(String prefix, String name) {
        return prefix + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "").substring(0, 12);
    }
}
