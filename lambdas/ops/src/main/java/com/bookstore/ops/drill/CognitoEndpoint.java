package com.bookstore.ops.drill;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One region's Cognito endpoint, called as the storefront calls it: Cognito's JSON API over HTTP, unsigned
 * (sign-in and sign-up are public operations), at {@code https://cognito-idp.<region>.amazonaws.com/} on AWS or a
 * local gateway's {@code /cognito/}. Never throws for a failed call: no answer is status 0.
 */
public final class CognitoEndpoint {
    private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

    /** Status (0: no answer), Cognito's exception name for an error, and the body. */
    public record Answer(int status, String errorType, String body) {
        public boolean succeeded() {
            return status == 200;
        }

        /** {@code AuthenticationResult.<name>} of an InitiateAuth answer. */
        public Optional<String> token(String name) {
            try {
                JsonObject result = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("AuthenticationResult");
                JsonElement token = result == null ? null : result.get(name);
                return token == null ? Optional.empty() : Optional.of(token.getAsString());
            } catch (RuntimeException notJson) {
                return Optional.empty();
            }
        }
    }

    private final URI endpoint;
    private final String clientId;
    private final HttpClient http;
    private final Duration timeout;

    public CognitoEndpoint(URI endpoint, String clientId, HttpClient http, Duration timeout) {
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.http = http;
        this.timeout = timeout;
    }

    public URI uri() {
        return endpoint;
    }

    public Answer signIn(String username, String password) {
        return initiateAuth("USER_PASSWORD_AUTH", Map.of("USERNAME", username, "PASSWORD", password));
    }

    public Answer refresh(String refreshToken) {
        return initiateAuth("REFRESH_TOKEN_AUTH", Map.of("REFRESH_TOKEN", refreshToken));
    }

    public Answer signUp(String email, String password) {
        JsonObject body = new JsonObject();
        body.addProperty("ClientId", clientId);
        body.addProperty("Username", email);
        body.addProperty("Password", password);
        JsonObject attribute = new JsonObject();
        attribute.addProperty("Name", "email");
        attribute.addProperty("Value", email);
        com.google.gson.JsonArray attributes = new com.google.gson.JsonArray();
        attributes.add(attribute);
        body.add("UserAttributes", attributes);
        return call("SignUp", body);
    }

    private Answer initiateAuth(String flow, Map<String, String> parameters) {
        JsonObject body = new JsonObject();
        body.addProperty("AuthFlow", flow);
        body.addProperty("ClientId", clientId);
        JsonObject authParameters = new JsonObject();
        parameters.forEach(authParameters::addProperty);
        body.add("AuthParameters", authParameters);
        return call("InitiateAuth", body);
    }

    private Answer call(String operation, JsonObject body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", TARGET_PREFIX + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.statusCode() == 200 ? null : errorType(answer.body()), answer.body());
        } catch (IOException e) {
            return new Answer(0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        }
    }

    /** {@code __type} is "NotAuthorizedException" or "prefix#NotAuthorizedException". */
    static String errorType(String body) {
        try {
            JsonElement type = JsonParser.parseString(body).getAsJsonObject().get("__type");
            if (type == null) {
                return null;
            }
            String name = type.getAsString();
            return name.substring(name.lastIndexOf('#') + 1);
        } catch (JsonSyntaxException | IllegalStateException | UnsupportedOperationException notJson) {
            return null;
        }
    }
}
