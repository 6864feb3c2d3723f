package com.bookstore.infra.recovery;

import com.bookstore.infra.support.Plans;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan against what the operator tools assume of it (lambdas/ops): the local rehearsal follows the same ordered
 * steps as the plan's workflows, and the Region switch answers the tools are tested with are answers the service's
 * model allows.
 */
class RegionSwitchContractTest {

    private static final Path OPS = Path.of("lambdas", "ops", "src");

    @Test
    void theLocalRehearsalRunsThePlansStepsInTheSameOrder() throws IOException {
        JsonObject local = JsonParser.parseString(Files.readString(OPS.resolve("main/resources/region-switch-steps.json")))
                .getAsJsonObject();
        JsonArray workflows = RegionSwitchPlanTest.apiRequest(Plans.primary()).getAsJsonArray("workflows");

        assertEquals(strings(local.getAsJsonArray("toSecondary")), stepNames(workflows, "ap-southeast-1"));
        assertEquals(strings(local.getAsJsonArray("toPrimary")), stepNames(workflows, "eu-west-1"));
    }

    @Test
    void theRecordedRegionSwitchAnswersTheToolsAreTestedWithConformToTheServiceModel() throws IOException {
        ServiceModel model = RegionSwitchPlanTest.MODEL;
        List<Path> recordings;
        try (Stream<Path> files = Files.list(OPS.resolve("test/resources/region-switch"))) {
            recordings = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(recordings.isEmpty());
        List<String> problems = new ArrayList<>();
        int answers = 0;
        for (Path recording : recordings) {
            JsonObject operations = JsonParser.parseString(Files.readString(recording)).getAsJsonObject();
            for (Map.Entry<String, JsonElement> operation : operations.entrySet()) {
                if (operation.getKey().startsWith("_")) {
                    continue;
                }
                for (JsonElement answer : operation.getValue().getAsJsonArray()) {
                    answers++;
                    JsonObject body = answer.getAsJsonObject().deepCopy();
                    String shape = model.outputOf(operation.getKey());
                    if (body.has("_status")) {
                        int status = body.remove("_status").getAsInt();
                        shape = body.remove("__type").getAsString().replaceAll(".*#", "");
                        if (!model.isError(shape) || model.httpStatus(shape) != status) {
                            problems.add(recording.getFileName() + " " + operation.getKey() + ": " + shape + " with HTTP "
                                    + status + " is not an error of the service");
                            continue;
                        }
                    }
                    for (String problem : model.problems(shape, body)) {
                        problems.add(recording.getFileName() + " " + operation.getKey() + ": " + problem);
                    }
                }
            }
        }

        assertEquals(List.of(), problems);
        assertTrue(answers >= 10, "the recordings hold the answers of three executions and a refusal: " + answers);
    }

    private static List<String> stepNames(JsonArray workflows, String region) {
        for (JsonElement workflow : workflows) {
            if (workflow.getAsJsonObject().get("workflowTargetRegion").getAsString().equals(region)) {
                return workflow.getAsJsonObject().getAsJsonArray("steps").asList().stream()
                        .map(s -> s.getAsJsonObject().get("name").getAsString()).toList();
            }
        }
        throw new AssertionError("no workflow activates " + region);
    }

    private static List<String> strings(JsonArray array) {
        return array.asList().stream().map(JsonElement::getAsString).toList();
    }
}
