package com.bookstore.local.gateway;

import com.bookstore.local.aws.MotoHost;
import com.bookstore.local.cognito.ConfirmationCodes;
import com.bookstore.local.cognito.PoolReplica;
import com.bookstore.local.cognito.RevokedTokens;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The local Cognito endpoint the storefront talks to: forwards Cognito's JSON API to moto with the
 * regional Cognito Host, and plays the part of the sign-up e-mail moto lacks (issues a code on SignUp and
 * ResendConfirmationCode, prints it, and refuses ConfirmSignUp with a wrong code) and of RevokeToken, which moto
 * lacks too (a revoked refresh token is refused by REFRESH_TOKEN_AUTH afterwards).
 *
 * <p>In the secondary region it plays the pool's replica ({@link PoolReplica}): it signs the primary pool's
 * users in (moto keeps serving while the primary's runtime is frozen) and refuses everything that writes.
 */
final class CognitoProxy implements HttpHandler {
    private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";


    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI moto;
    private final String cognitoHost;
    private final ConfirmationCodes codes;
    private final RevokedTokens revoked = new RevokedTokens();
    private final PrintStream log;
    /** The replica of a pool whose primary is another region's. */
    private final boolean replica;

    CognitoProxy(URI moto, String cognitoHost, ConfirmationCodes codes, PrintStream log, boolean replica) {
        this.moto = moto;
        this.cognitoHost = cognitoHost;
        this.codes = codes;
        this.log = log;
        this.replica = replica;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            Responses.send(exchange, 405, null, new byte[0]);
            return;
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : "";
        byte[] body = exchange.getRequestBody().readAllBytes();
        RequestLog.note(exchange, "cognito " + operation);
        JsonObject request = parse(body);
        String username = request == null ? null : string(request, "Username");

        if (replica && !PoolReplica.serves(operation)) {
            cognitoError(exchange, PoolReplica.REFUSAL, PoolReplica.REFUSAL_MESSAGE);
            return;
        }
        if (operation.equals("ConfirmSignUp") && !codes.matches(username, string(request, "ConfirmationCode"))) {
            cognitoError(exchange, "CodeMismatchException", "Invalid verification code provided, please try again.");
            return;
        }
        if (operation.equals("ResendConfirmationCode")) {
            // moto 5.2.5 answers this operation with a 500; only users who signed up here have a code to resend.
            if (codes.isConfirmed(username)) {
                // What Cognito answers for a confirmed user: no exception of its own, only this message.
                cognitoError(exchange, "InvalidParameterException", "User is already confirmed.");
                return;
            }
            if (codes.pendingFor(username).isEmpty()) {
                cognitoError(exchange, "UserNotFoundException", "Username/client id combination not found.");
                return;
            }
            announce(username, codes.issue(username));
            JsonObject delivery = new JsonObject();
            delivery.addProperty("AttributeName", "email");
            delivery.addProperty("DeliveryMedium", "EMAIL");
            delivery.addProperty("Destination", maskedEmail(username));
            JsonObject answer = new JsonObject();
            answer.add("CodeDeliveryDetails", delivery);
            Responses.json(exchange, 200, answer.toString());
            return;
        }

        if (operation.equals("RevokeToken")) {
            String token = string(request, "Token");
            if (token == null || string(request, "ClientId") == null) {
                cognitoError(exchange, "InvalidParameterException", "Token and ClientId are required.");
                return;
            }
            revoked.revoke(token);
            Responses.json(exchange, 200, "{}");
            return;
        }
        if (operation.equals("InitiateAuth") && revoked.isRevoked(refreshTokenOf(request))) {
            cognitoError(exchange, "NotAuthorizedException", "Refresh Token has been revoked");
            return;
        }

        HttpResponse<byte[]> response = forward(target, body);
        if (response == null) {
            Responses.json(exchange, 503, "{\"__type\":\"ServiceUnavailable\",\"message\":\"local Cognito (moto) unreachable\"}");
            return;
        }
        if (response.statusCode() == 200 && operation.equals("SignUp")) {
            announce(username, codes.issue(username));
        } else if (response.statusCode() == 200 && operation.equals("ConfirmSignUp")) {
            codes.confirmed(username);
        }
        response.headers().firstValue("x-amzn-requestid").ifPresent(id -> exchange.getResponseHeaders().set("x-amzn-RequestId", id));
        Responses.send(exchange, response.statusCode(),
                response.headers().firstValue("content-type").orElse(CONTENT_TYPE), response.body());
    }

    private HttpResponse<byte[]> forward(String target, byte[] body) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(moto.resolve("/"))
                .timeout(Duration.ofSeconds(30));
        if (MotoHost.headerAllowed()) {
            builder.header("Host", cognitoHost);
        }
        HttpRequest request = builder
                .header("Content-Type", CONTENT_TYPE)
                .header("X-Amz-Target", target == null ? "" : target)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.ConnectException unreachable) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling moto", e);
        }
    }

    private void announce(String username, String code) {
        log.printf("[cognito] confirmation code for %s: %s%n", username, code);
    }

    /** The destination as Cognito names it ("r***@e***"): enough to recognise, not the address itself. */
    static String maskedEmail(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        if (at < 1 || at == email.length() - 1) {
            return "(printed in the local bookstore's log)";
        }
        return email.charAt(0) + "***@" + email.charAt(at + 1) + "***";
    }

    private static void cognitoError(HttpExchange exchange, String type, String message) throws IOException {
        JsonObject error = new JsonObject();
        error.addProperty("__type", type);
        error.addProperty("message", message);
        Responses.send(exchange, 400, CONTENT_TYPE, error.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static JsonObject parse(byte[] body) {
        try {
            JsonElement element = JsonParser.parseString(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            return element.isJsonObject() ? element.getAsJsonObject() : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    /** The refresh token of a REFRESH_TOKEN_AUTH (or REFRESH_TOKEN) request, else null. */
    private static String refreshTokenOf(JsonObject request) {
        String flow = string(request, "AuthFlow");
        if (flow == null || !flow.startsWith("REFRESH_TOKEN") || !(request.get("AuthParameters") instanceof JsonObject parameters)) {
            return null;
        }
        return string(parameters, "REFRESH_TOKEN");
    }

    private static String string(JsonObject object, String member) {
        JsonElement value = object == null ? null : object.get(member);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }
}
