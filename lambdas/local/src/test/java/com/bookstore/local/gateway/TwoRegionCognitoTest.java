package com.bookstore.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.engines.MotoServer;
import com.bookstore.local.aws.LocalAws;
import com.bookstore.local.cognito.ConfirmationCodes;
import com.bookstore.local.cognito.LocalUserPool;
import com.bookstore.local.cognito.PoolReplica;
import com.bookstore.local.engines.CognitoTokens;
import com.bookstore.local.lambda.LocalFunction;
import com.bookstore.ops.CatalogueFile;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Two-region mode's Cognito over HTTP, as the storefront uses it: the primary's gateway fronts the pool,
 * the secondary's plays the pool's replica (signs the primary's users in, refuses writes with Cognito's
 * replica error), both authorizers accept the pool's tokens, and each config.json lists both endpoints.
 */
class TwoRegionCognitoTest {
    private static final String PRIMARY = "eu-west-1";
    private static final String SECONDARY = "ap-southeast-1";
    private static final String SHOPPER = "two-regions@example.com";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path uiDist;

    private static MotoServer moto;
    private static CognitoIdentityProviderClient cognito;
    private static LocalUserPool pool;
    private static LocalGateway primary;
    private static LocalGateway secondary;
    private static final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        cognito = new LocalAws(moto.endpoint(), PRIMARY).cognito();
        pool = LocalUserPool.create(cognito, PRIMARY, "two-region-test");
        pool.createConfirmedUser(cognito, SHOPPER, CognitoTokens.PASSWORD);
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        // As scripts/drill.sh starts them: the secondary trusts the primary's pool by id.
        LocalUserPool trusted = LocalUserPool.existing(PRIMARY, pool.userPoolId(), pool.clientId());
        secondary = LocalGateway.start(new LocalGateway.Settings(0, moto.endpoint(), trusted, uiDist, SECONDARY, "secondary",
                        "", CatalogueFile.books(), List.of("http://127.0.0.1:1/cognito/")),
                new LocalFunction<>("bookstore-api", new RecordingApiFunction(), 10_000), new ConfirmationCodes(), out);
        primary = LocalGateway.start(new LocalGateway.Settings(0, moto.endpoint(), pool, uiDist, PRIMARY, "primary",
                        "", CatalogueFile.books(), List.of(cognitoEndpoint(secondary))),
                new LocalFunction<>("bookstore-api", new RecordingApiFunction(), 10_000), new ConfirmationCodes(), out);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {primary, secondary, cognito, moto}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    private static String cognitoEndpoint(LocalGateway gateway) {
        return gateway.baseUri() + LocalGateway.COGNITO_PREFIX;
    }

    /** One call of Cognito's JSON API, as the storefront makes it. */
    private static HttpResponse<String> cognitoCall(LocalGateway gateway, String operation, JsonObject body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(cognitoEndpoint(gateway)))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject initiateAuth(String flow, Map<String, String> parameters) {
        JsonObject body = new JsonObject();
        body.addProperty("AuthFlow", flow);
        body.addProperty("ClientId", pool.clientId());
        JsonObject authParameters = new JsonObject();
        parameters.forEach(authParameters::addProperty);
        body.add("AuthParameters", authParameters);
        return body;
    }

    private static JsonObject signIn(LocalGateway gateway) throws Exception {
        HttpResponse<String> answer = cognitoCall(gateway, "InitiateAuth",
                initiateAuth("USER_PASSWORD_AUTH", Map.of("USERNAME", SHOPPER, "PASSWORD", CognitoTokens.PASSWORD)));
        assertEquals(200, answer.statusCode(), answer.body());
        return JsonParser.parseString(answer.body()).getAsJsonObject().getAsJsonObject("AuthenticationResult");
    }

    private static String claim(String token, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonParser.parseString(payload).getAsJsonObject().get(name).getAsString();
    }

    /** A customer route behind the gateway's JWT authorizer. */
    private static HttpResponse<String> orders(LocalGateway gateway, String idToken) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUri() + "/api/orders"))
                .header("Authorization", "Bearer " + idToken).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void secondarySignsInThePrimarysShopperWithTheUpdatedIssuerBothAuthorizersAccept() throws Exception {
        String idToken = signIn(secondary).get("IdToken").getAsString();

        assertEquals("https://issuer-cognito-idp." + PRIMARY + ".amazonaws.com/" + pool.userPoolId(), claim(idToken, "iss"));
        assertEquals(pool.issuer(), claim(idToken, "iss"));
        assertEquals(SHOPPER, claim(idToken, "email"));
        assertEquals(201, orders(secondary, idToken).statusCode(), "the secondary's authorizer accepts the replica's token");
        assertEquals(201, orders(primary, idToken).statusCode(), "and so does the primary's: one issuer, one JWKS");
        String fromPrimary = signIn(primary).get("IdToken").getAsString();
        assertEquals(claim(fromPrimary, "sub"), claim(idToken, "sub"), "the same shopper in both regions");
        assertEquals(201, orders(secondary, fromPrimary).statusCode());
    }

    @Test
    void aSessionStartedInThePrimaryRefreshesThroughTheSecondary() throws Exception {
        String refreshToken = signIn(primary).get("RefreshToken").getAsString();

        HttpResponse<String> refreshed = cognitoCall(secondary, "InitiateAuth",
                initiateAuth("REFRESH_TOKEN_AUTH", Map.of("REFRESH_TOKEN", refreshToken)));

        assertEquals(200, refreshed.statusCode(), refreshed.body());
        String idToken = JsonParser.parseString(refreshed.body()).getAsJsonObject()
                .getAsJsonObject("AuthenticationResult").get("IdToken").getAsString();
        assertEquals(201, orders(secondary, idToken).statusCode());
    }

    @Test
    void aWrongPasswordIsRefusedByTheReplicaAsByThePrimary() throws Exception {
        HttpResponse<String> refused = cognitoCall(secondary, "InitiateAuth",
                initiateAuth("USER_PASSWORD_AUTH", Map.of("USERNAME", SHOPPER, "PASSWORD", "Wrong-passw0rd!")));

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("NotAuthorizedException"), refused.body());
    }

    @Test
    void theReplicaRefusesSignUpItsCodesAndPasswordChangesWithCognitosReplicaError() throws Exception {
        String newcomer = "newcomer@example.com";
        JsonObject signUp = new JsonObject();
        signUp.addProperty("ClientId", pool.clientId());
        signUp.addProperty("Username", newcomer);
        signUp.addProperty("Password", CognitoTokens.PASSWORD);
        JsonObject confirm = new JsonObject();
        confirm.addProperty("ClientId", pool.clientId());
        confirm.addProperty("Username", newcomer);
        confirm.addProperty("ConfirmationCode", "123456");
        JsonObject resend = new JsonObject();
        resend.addProperty("ClientId", pool.clientId());
        resend.addProperty("Username", newcomer);
        JsonObject change = new JsonObject();
        change.addProperty("AccessToken", signIn(secondary).get("AccessToken").getAsString());
        change.addProperty("PreviousPassword", CognitoTokens.PASSWORD);
        change.addProperty("ProposedPassword", "Another-passw0rd!");

        for (Map.Entry<String, JsonObject> call : Map.of("SignUp", signUp, "ConfirmSignUp", confirm,
                "ResendConfirmationCode", resend, "ChangePassword", change, "ForgotPassword", resend).entrySet()) {
            HttpResponse<String> refused = cognitoCall(secondary, call.getKey(), call.getValue());
            assertEquals(400, refused.statusCode(), call.getKey());
            assertEquals(PoolReplica.REFUSAL, JsonParser.parseString(refused.body()).getAsJsonObject().get("__type").getAsString(),
                    call.getKey() + ": " + refused.body());
        }
        assertThrows(UserNotFoundException.class,
                () -> cognito.adminGetUser(r -> r.userPoolId(pool.userPoolId()).username(newcomer)), "no account was created");
        signIn(primary); // the password was not changed
    }

    @Test
    void theSecondaryKeepsSigningInWhenThePrimarysGatewayIsGone() throws Exception {
        // A gateway of its own on the primary's pool, stopped as a frozen region stops answering.
        LocalGateway doomed = LocalGateway.start(new LocalGateway.Settings(0, moto.endpoint(), pool, uiDist, PRIMARY, "primary",
                        "", CatalogueFile.books(), List.of(cognitoEndpoint(secondary))),
                new LocalFunction<>("bookstore-api", new RecordingApiFunction(), 10_000), new ConfirmationCodes(),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        signIn(doomed);
        doomed.close();
        assertThrows(java.io.IOException.class, () -> signIn(doomed));

        assertEquals(201, orders(secondary, signIn(secondary).get("IdToken").getAsString()).statusCode());
    }

    @Test
    void eachRegionsConfigListsItsOwnCognitoEndpointFirstThenTheOther() throws Exception {
        JsonArray fromPrimary = config(primary).getAsJsonArray("endpoints");
        JsonArray fromSecondary = config(secondary).getAsJsonArray("endpoints");

        assertEquals(List.of(cognitoEndpoint(primary), cognitoEndpoint(secondary)), strings(fromPrimary));
        assertEquals(cognitoEndpoint(secondary), fromSecondary.get(0).getAsString());
        assertEquals(config(primary).get("endpoint").getAsString(), fromPrimary.get(0).getAsString());
        assertEquals(PRIMARY, config(secondary).get("region").getAsString(), "the pool's region: its primary");
        assertNotEquals(config(primary).get("endpoint"), config(secondary).get("endpoint"));
    }

    private static JsonObject config(LocalGateway gateway) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUri() + "/config.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(answer.body()).getAsJsonObject().getAsJsonObject("cognito");
    }

    private static List<String> strings(JsonArray array) {
        return array.asList().stream().map(e -> e.getAsString()).toList();
    }
}
