package com.bookstore.pipeline.gate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Optional;

/**
 * The parts of CodePipeline's invoke event the gate needs: {@code CodePipeline.job.id},
 * {@code data.actionConfiguration.configuration.UserParameters} and {@code data.continuationToken}.
 * Read with Gson from the raw event so the jar does not carry aws-lambda-java-events.
 */
public record PipelineJob(String id, String userParameters, Optional<String> continuationToken) {

    public static PipelineJob fromEvent(String eventJson) {
        JsonObject job = JsonParser.parseString(eventJson).getAsJsonObject()
                .getAsJsonObject("CodePipeline.job");
        if (job == null || !job.has("id")) {
            throw new IllegalArgumentException("not a CodePipeline job event: no CodePipeline.job.id");
        }
        JsonObject data = job.has("data") ? job.getAsJsonObject("data") : new JsonObject();
        String parameters = Optional.ofNullable(data.getAsJsonObject("actionConfiguration"))
                .map(c -> c.getAsJsonObject("configuration"))
                .map(c -> c.get("UserParameters"))
                .filter(JsonElement::isJsonPrimitive)
                .map(JsonElement::getAsString)
                .orElse("");
        Optional<String> token = Optional.ofNullable(data.get("continuationToken"))
                .filter(JsonElement::isJsonPrimitive)
                .map(JsonElement::getAsString);
        return new PipelineJob(job.get("id").getAsString(), parameters, token);
    }
}
