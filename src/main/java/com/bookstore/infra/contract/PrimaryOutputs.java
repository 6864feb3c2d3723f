package com.bookstore.infra.contract;

import com.bookstore.contract.PasswordPolicy;
import com.bookstore.infra.auth.UserPoolRef;
import com.bookstore.infra.data.TableDesign;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The contract between the stacks: everything the secondary needs from the primary. The primary exports each
 * field as a stack output of the same name; the secondary rebuilds the record from its StackReference and
 * stops with one message naming every missing or mistyped output. A new field here is a new output on both
 * sides, with no other place to update.
 */
public record PrimaryOutputs(
        Output<String> primaryRegion,
        Output<String> booksTableArn,
        Output<String> cartTableArn,
        Output<String> ordersTableArn,
        Output<String> userPoolId,
        Output<String> userPoolClientId,
        Output<String> userPoolIssuer,
        Output<String> distributionArn,
        Output<String> distributionDomainName,
        Output<String> storefrontUrl,
        Output<String> blogGlobalClusterId,
        Output<String> blogCredentialsSecretArn,
        Output<String> blogUploadsFileSystemId) {

    /** The blog's part of the contract: absent when the primary runs without the blog ({@code bookstore:blog: off}). */
    static final java.util.Set<String> BLOG_FIELDS = java.util.Set.of("blogGlobalClusterId", "blogCredentialsSecretArn",
            "blogUploadsFileSystemId");

    /** The output names, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(PrimaryOutputs.class.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** The primary's tables, the sources of the secondary's replicas. */
    public Map<TableDesign, Output<String>> tableArns() {
        return Map.of(TableDesign.BOOKS, booksTableArn, TableDesign.CART, cartTableArn,
                TableDesign.ORDERS, ordersTableArn);
    }

    /** The primary's user pool, which lives in {@code primaryRegion} (the secondary's peer region). */
    public UserPoolRef userPool(String primaryRegion) {
        return new UserPoolRef(primaryRegion, userPoolId, userPoolClientId, userPoolIssuer, PasswordPolicy.SHOPPERS);
    }

    /** Exports every field under its own name (primary stack); the blog's are null, and not exported, without it. */
    public void export(Context ctx) {
        for (RecordComponent component : PrimaryOutputs.class.getRecordComponents()) {
            Object value = read(component);
            if (value != null) {
                ctx.export(component.getName(), (Output<?>) value);
            }
        }
    }

    /** Rebuilds the contract from the primary's outputs (secondary stack with the blog). */
    public static PrimaryOutputs from(StackReference primary, String expectedRegion) {
        return from(primary, expectedRegion, true);
    }

    /** @param blog whether this stack runs the blog, and so needs the primary's blog outputs */
    public static PrimaryOutputs from(StackReference primary, String expectedRegion, boolean blog) {
        Output<Map<String, Object>> checked = primary.outputs().applyValue(outputs -> validate(outputs, expectedRegion, blog));
        Object[] fields = names().stream()
                .map(name -> blog || !BLOG_FIELDS.contains(name) ? checked.applyValue(outputs -> (String) outputs.get(name)) : null)
                .toArray();
        try {
            return (PrimaryOutputs) PrimaryOutputs.class.getDeclaredConstructors()[0].newInstance(fields);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks every field at once so a broken primary is diagnosed in one run. */
    static Map<String, Object> validate(Map<String, Object> outputs, String expectedRegion) {
        return validate(outputs, expectedRegion, true);
    }

    static Map<String, Object> validate(Map<String, Object> outputs, String expectedRegion, boolean blog) {
        List<String> problems = new ArrayList<>();
        for (String name : names()) {
            if (!blog && BLOG_FIELDS.contains(name)) {
                continue;
            }
            Object value = outputs.get(name);
            if (value == null) {
                problems.add(name + " is missing" + (BLOG_FIELDS.contains(name)
                        ? " (is bookstore:blog off in the primary? both stacks must agree)" : ""));
            } else if (!(value instanceof String text)) {
                problems.add(name + " should be a string, got " + value.getClass().getSimpleName() + " " + value);
            } else if (text.isBlank()) {
                problems.add(name + " is empty");
            } else if (name.endsWith("Arn") && !text.startsWith("arn:")) {
                problems.add(name + " should be an ARN, got '" + text + "'");
            } else if (name.endsWith("Issuer") && !text.startsWith("https://")) {
                problems.add(name + " should be an https:// issuer URL, got '" + text + "'");
            }
        }
        if (outputs.get("primaryRegion") instanceof String region && !region.equals(expectedRegion)) {
            problems.add("primaryRegion is " + region + " but this stack's bookstore:peerRegion is " + expectedRegion);
        }
        if (!problems.isEmpty()) {
            throw new ContractException("The primary stack's outputs do not satisfy the contract (PrimaryOutputs):\n  - "
                    + String.join("\n  - ", problems));
        }
        return outputs;
    }

    private Object read(RecordComponent component) {
        try {
            return component.getAccessor().invoke(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
