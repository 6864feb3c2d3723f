package com.bookstore.pipeline.gate;

import com.google.gson.JsonObject;

/** CodePipeline's Lambda invoke event as the service sends it (job id, action configuration, artifacts, token). */
final class CodePipelineEvents {
    static final String JOB_ID = "11111111-abcd-1111-abcd-111111abcdef";

    private CodePipelineEvents() {
    }

    static String jobEvent(String userParameters, String continuationToken) {
        JsonObject configuration = new JsonObject();
        configuration.addProperty("FunctionName", "bookstore-verify-gate");
        configuration.addProperty("UserParameters", userParameters);
        JsonObject actionConfiguration = new JsonObject();
        actionConfiguration.add("configuration", configuration);
        JsonObject credentials = new JsonObject();
        credentials.addProperty("accessKeyId", "AKIAEXAMPLE");
        credentials.addProperty("secretAccessKey", "secret");
        credentials.addProperty("sessionToken", "token");
        JsonObject data = new JsonObject();
        data.add("actionConfiguration", actionConfiguration);
        data.add("inputArtifacts", new com.google.gson.JsonArray());
        data.add("outputArtifacts", new com.google.gson.JsonArray());
        data.add("artifactCredentials", credentials);
        if (continuationToken != null) {
            data.addProperty("continuationToken", continuationToken);
        }
        JsonObject job = new JsonObject();
        job.addProperty("id", JOB_ID);
        job.addProperty("accountId", "123456789012");
        job.add("data", data);
        JsonObject event = new JsonObject();
        event.add("CodePipeline.job", job);
        return event.toString();
    }
}
