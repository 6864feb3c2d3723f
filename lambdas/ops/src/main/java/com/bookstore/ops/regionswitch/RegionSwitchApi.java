package com.bookstore.ops.regionswitch;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * The data-plane operations of ARC Region switch that the tools use, in the region given: start an execution, follow
 * it, read its events. The registry this project builds from serves no {@code arcregionswitch} module of the AWS SDK,
 * so this speaks the service's JSON 1.0 protocol itself (target prefix {@code ArcRegionSwitch}, the service model in
 * botocore) and signs with the SDK's own SigV4 signer. Executions go to the region being activated: Region switch
 * runs a data plane in every region, so recovery never depends on the region being left (docs/failover.md).
 */
public final class RegionSwitchApi {

    static final String SIGNING_NAME = "arc-region-switch";
    static final String TARGET_PREFIX = "ArcRegionSwitch.";
    private static final Gson GSON = new Gson();

    private final URI endpoint;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final HttpClient http;

    public RegionSwitchApi(URI endpoint, String region, AwsCredentialsProvider credentials, HttpClient http) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.http = http;
    }

    /**
     * The region's data plane on AWS. The service's endpoint rules send operations without
     * {@code UseControlPlaneEndpoint} (all three used here) to {@code https://arc-region-switch.<region>.api.aws};
     * only plan management goes to the control plane.
     */
    public static RegionSwitchApi aws(String region) {
        return new RegionSwitchApi(dataPlane(region), region,
                DefaultCredentialsProvider.builder().build(),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    static URI dataPlane(String region) {
        return URI.create("https://arc-region-switch." + region + ".api.aws/");
    }

    /** One step of an execution and where it is. */
    public record StepState(String name, String status) {}

    /** An execution as {@code GetPlanExecution} describes it. */
    public record Execution(String executionId, String state, String mode, String action, List<StepState> steps) {}

    /** An execution event ({@code ListPlanExecutionEvents}): what happened to which step, and the error if any. */
    public record Event(String type, String stepName, String description, String error) {}

    /** Starts activating {@code targetRegion}; returns the execution id. */
    public String startActivation(String planArn, String targetRegion, String mode, String comment) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("planArn", planArn);
        request.put("targetRegion", targetRegion);
        request.put("action", "activate");
        request.put("mode", mode);
        request.put("comment", comment);
        return call("StartPlanExecution", request).get("executionId").getAsString();
    }

    public Execution execution(String planArn, String executionId) {
        JsonObject response = call("GetPlanExecution", Map.of("planArn", planArn, "executionId", executionId));
        List<StepState> steps = new ArrayList<>();
        if (response.has("stepStates")) {
            for (JsonElement step : response.getAsJsonArray("stepStates")) {
                JsonObject s = step.getAsJsonObject();
                steps.add(new StepState(text(s, "name"), text(s, "status")));
            }
        }
        return new Execution(executionId, text(response, "executionState"), text(response, "mode"),
                text(response, "executionAction"), List.copyOf(steps));
    }

    /** The events of one step, oldest first. */
    public List<Event> events(String planArn, String executionId, String stepName) {
        JsonObject response = call("ListPlanExecutionEvents",
                Map.of("planArn", planArn, "executionId", executionId, "name", stepName));
        List<Event> events = new ArrayList<>();
        if (response.has("items")) {
            for (JsonElement item : response.getAsJsonArray("items")) {
                JsonObject e = item.getAsJsonObject();
                events.add(new Event(text(e, "type"), text(e, "stepName"), text(e, "description"), text(e, "error")));
            }
        }
        return events;
    }

    private JsonObject call(String operation, Map<String, Object> request) {
        String body = GSON.toJson(request);
        SdkHttpRequest unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", TARGET_PREFIX + operation)
                .build();
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(unsigned)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        signed.request().headers().forEach((name, values) -> {
            // java.net.http sets these itself and refuses them from callers.
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RegionSwitchException(operation + " could not reach Region switch in " + region + " ("
                    + endpoint + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegionSwitchException(operation + " interrupted", e);
        }
        JsonObject json = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String type = Optional.ofNullable(text(json, "__type")).map(t -> t.substring(t.indexOf('#') + 1)).orElse("HTTP "
                    + response.statusCode());
            String message = Optional.ofNullable(text(json, "message")).orElse(text(json, "Message"));
            throw new RegionSwitchException(operation + " in " + region + " failed: " + type
                    + (message == null ? "" : ": " + message));
        }
        return json;
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            return new JsonObject();
        }
        try {
            JsonElement element = JsonParser.parseString(body);
            return element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }

    private static String text(JsonObject object, String member) {
        return object.has(member) && !object.get(member).isJsonNull() ? object.get(member).getAsString() : null;
    }
}
