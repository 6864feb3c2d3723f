package com.bookstore.ops.regionswitch;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The ordered steps of the plan's two workflows ({@code region-switch-steps.json}): the list the local rehearsal
 * runs, and the one the AWS plan is checked against, so the two cannot drift (docs/failover.md).
 */
public record WorkflowSteps(List<String> toSecondary, List<String> toPrimary) {

    public static final String RESOURCE = "/region-switch-steps.json";

    public static WorkflowSteps shipped() {
        try (InputStream in = WorkflowSteps.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            var json = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
            return new WorkflowSteps(strings(json.getAsJsonArray("toSecondary")), strings(json.getAsJsonArray("toPrimary")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The steps of the workflow that activates {@code target}. */
    public List<String> activating(String target, String secondaryRegion) {
        return target.equals(secondaryRegion) ? toSecondary : toPrimary;
    }

    private static List<String> strings(com.google.gson.JsonArray array) {
        return array.asList().stream().map(e -> e.getAsString()).toList();
    }
}
