package com.bookstore.pipeline.gate.settings;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The verify action's user parameters: which region to verify and how patiently. The pipeline component writes
 * them as JSON into the action's {@code UserParameters}; see pipeline/README.md for the contract.
 */
public record GateSettings(
        String stack,
        URI apiBaseUrl,
        String expectedRegion,
        Duration requestTimeout,
        Duration pollInterval,
        Duration maxWait,
        Optional<ReplicationSettings> replication) {

    /** The API call timeout the gate's CloudWatch clients are built with. */
    public static final Duration CLOUDWATCH_CALL_TIMEOUT = Duration.ofSeconds(5);

    public static GateSettings parse(String userParameters) {
        if (userParameters == null || userParameters.isBlank()) {
            throw new InvalidSettingsException("user parameters are empty: expected a JSON object");
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(userParameters);
        } catch (JsonParseException e) {
            throw new InvalidSettingsException("user parameters are not valid JSON: " + e.getMessage());
        }
        if (!root.isJsonObject()) {
            throw new InvalidSettingsException("user parameters must be a JSON object");
        }
        ParameterReader reader = new ParameterReader(root.getAsJsonObject(), "");
        return new GateSettings(
                reader.requiredString("stack"),
                baseUrl(reader.requiredString("apiBaseUrl")),
                reader.requiredString("expectedRegion"),
                Duration.ofMillis(reader.positiveLong("requestTimeoutMillis", 5_000)),
                Duration.ofMillis(reader.positiveLong("pollIntervalMillis", 15_000)),
                Duration.ofSeconds(reader.positiveLong("maxWaitSeconds", 1_200)),
                reader.optionalObject("replication").map(ReplicationSettings::read));
    }

    /** The longest one round of checks can take: five HTTP calls, plus CloudWatch's call timeout when it is read. */
    public Duration worstCaseRound() {
        Duration http = requestTimeout.multipliedBy(5);
        return replication.isPresent() ? http.plus(CLOUDWATCH_CALL_TIMEOUT) : http;
    }

    /** Resolves a route against the base URL, keeping any stage path the base carries ({@code .../prod}). */
    public URI route(String pathAndQuery) {
        String base = apiBaseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
    }

    private static URI baseUrl(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("apiBaseUrl is not a URL: " + value);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new InvalidSettingsException("apiBaseUrl must be an http(s) URL with a host: " + value);
        }
        return uri;
    }
}
