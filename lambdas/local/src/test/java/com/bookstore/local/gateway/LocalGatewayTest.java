package com.bookstore.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.bookstore.local.cognito.ConfirmationCodes;
import com.bookstore.ops.CatalogueFile;
import com.bookstore.local.cognito.LocalUserPool;
import com.bookstore.local.engines.CognitoTokens;
import com.bookstore.engines.MotoServer;
import com.bookstore.local.aws.LocalAws;
import com.bookstore.local.lambda.LocalFunction;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/** The gateway over HTTP: the events it builds, the authorizer in front of protected routes, the site. */
class LocalGatewayTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path uiDist;

    private static MotoServer moto;
    private static CognitoIdentityProviderClient cognito;
    private static LocalUserPool pool;
    private static AuthenticationResultType tokens;
    private static RecordingApiFunction function;
    private static LocalGateway gateway;
    private static final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        cognito = new LocalAws(moto.endpoint(), MotoServer.REGION).cognito();
        pool = LocalUserPool.create(cognito, MotoServer.REGION, "gateway-test");
        tokens = CognitoTokens.userOf(cognito, pool, "buyer@example.com");
        Files.writeString(uiDist.resolve("index.html"), "<!doctype html><title>shell</title>");
        Files.createDirectories(uiDist.resolve("assets"));
        Files.writeString(uiDist.resolve("assets/app-1234.js"), "console.log('app')");
        function = new RecordingApiFunction();
        gateway = LocalGateway.start(
                new LocalGateway.Settings(0, moto.endpoint(), pool, uiDist, MotoServer.REGION, "primary", "http://blog.local",
                        CatalogueFile.books()),
                new LocalFunction<>("bookstore-api", function, 10_000), new ConfirmationCodes(),
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (cognito != null) {
            cognito.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void forgetEvents() {
        function.events.clear();
        function.contexts.clear();
    }

    /** The request's log line is written once the response has gone out, so a test may read before it. */
    private static boolean logEventually(java.util.function.Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (!condition.test(log.toString(StandardCharsets.UTF_8))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder at(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(gateway.baseUri() + pathAndQuery));
    }

    @Test
    void publicRouteReachesTheFunctionAsAPayload2Event() throws Exception {
        HttpResponse<String> response = send(at("/api/books/abc%20def?category=Cookbooks&limit=5&tag=a&tag=b")
                .header("X-Custom", "Value").header("Cookie", "a=1; b=2"));

        assertEquals(201, response.statusCode());
        assertEquals("{\"route\":\"GET /books/{id}\"}", response.body());
        assertEquals("eu-west-1", response.headers().firstValue("x-bookstore-region").orElseThrow());
        assertEquals("seen=1", response.headers().firstValue("set-cookie").orElseThrow());
        APIGatewayV2HTTPEvent event = function.last();
        assertEquals("2.0", event.getVersion());
        assertEquals("GET /books/{id}", event.getRouteKey());
        assertEquals("/books/abc%20def", event.getRawPath());
        assertEquals("category=Cookbooks&limit=5&tag=a&tag=b", event.getRawQueryString());
        assertEquals("Cookbooks", event.getQueryStringParameters().get("category"));
        assertEquals("a,b", event.getQueryStringParameters().get("tag"));
        assertEquals("abc def", event.getPathParameters().get("id"));
        assertEquals("Value", event.getHeaders().get("x-custom"));
        assertEquals(List.of("a=1", "b=2"), event.getCookies());
        assertFalse(event.getHeaders().containsKey("cookie"));
        assertEquals("$default", event.getRequestContext().getStage());
        assertEquals("GET", event.getRequestContext().getHttp().getMethod());
        assertEquals("127.0.0.1", event.getRequestContext().getHttp().getSourceIp());
        assertEquals(response.headers().firstValue("apigw-requestid").orElseThrow(), event.getRequestContext().getRequestId());
        assertEquals(event.getRequestContext().getRequestId(), function.contexts.get(0).getAwsRequestId());
        assertNull(event.getRequestContext().getAuthorizer());
    }

    @Test
    void protectedRouteWithoutTokenIsRefusedBeforeTheFunction() throws Exception {
        HttpResponse<String> response = send(at("/api/cart"));

        assertEquals(401, response.statusCode());
        assertEquals("{\"message\":\"Unauthorized\"}", response.body());
        assertTrue(function.events.isEmpty());
    }

    @Test
    void protectedRouteWithForgedTokenIsRefused() throws Exception {
        String forged = CognitoTokens.resignedWithForeignKey(tokens.idToken());

        HttpResponse<String> response = send(at("/api/orders").header("Authorization", "Bearer " + forged));

        assertEquals(401, response.statusCode());
        assertTrue(function.events.isEmpty());
        assertTrue(logEventually(text -> text.contains("jwt rejected: bad signature")), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void protectedRouteWithValidTokenCarriesTheClaimsAndTheJsonBody() throws Exception {
        HttpResponse<String> response = send(at("/api/orders")
                .header("Authorization", "Bearer " + tokens.idToken())
                .header("Idempotency-Key", "k-1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"gift\"}")));

        assertEquals(201, response.statusCode());
        APIGatewayV2HTTPEvent event = function.last();
        assertEquals("POST /orders", event.getRouteKey());
        assertEquals("k-1", event.getHeaders().get("idempotency-key"));
        assertEquals("{\"note\":\"gift\"}", event.getBody());
        assertFalse(event.getIsBase64Encoded());
        String sub = event.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub");
        assertEquals(JsonParser.parseString(new String(java.util.Base64.getUrlDecoder().decode(tokens.idToken().split("\\.")[1]),
                StandardCharsets.UTF_8)).getAsJsonObject().get("sub").getAsString(), sub);
    }

    @Test
    void binaryBodyIsBase64Encoded() throws Exception {
        send(at("/api/cart").header("Authorization", tokens.accessToken()).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{1, 2, 3})));

        assertTrue(function.last().getIsBase64Encoded());
        assertEquals("AQID", function.last().getBody());
    }

    @Test
    void unknownRouteOrMethodIsApiGatewaysNotFound() throws Exception {
        assertEquals("{\"message\":\"Not Found\"}", send(at("/api/nowhere")).body());
        assertEquals(404, send(at("/api/books").DELETE()).statusCode());
        assertTrue(function.events.isEmpty());
    }

    @Test
    void crashingFunctionBecomesInternalServerError() throws Exception {
        HttpResponse<String> response = send(at("/api/health"));

        assertEquals(500, response.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
    }

    @Test
    void configPointsTheStorefrontAtThisGateway() throws Exception {
        JsonObject config = JsonParser.parseString(send(at("/config.json")).body()).getAsJsonObject();

        assertEquals(gateway.baseUri() + "/api", config.get("apiBaseUrl").getAsString());
        assertEquals(gateway.baseUri() + "/cognito/", config.getAsJsonObject("cognito").get("endpoint").getAsString());
        assertEquals("[\"" + gateway.baseUri() + "/cognito/\"]", config.getAsJsonObject("cognito").get("endpoints").toString(),
                "one region: its own endpoint only");
        assertEquals(pool.userPoolId(), config.getAsJsonObject("cognito").get("userPoolId").getAsString());
        assertEquals(pool.clientId(), config.getAsJsonObject("cognito").get("clientId").getAsString());
        assertEquals("primary", config.get("role").getAsString());
        assertEquals("http://blog.local", config.get("blogUrl").getAsString());
        assertEquals("{\"minimumLength\":12,\"requireUppercase\":true,\"requireLowercase\":true,"
                        + "\"requireNumbers\":true,\"requireSymbols\":false}",
                config.getAsJsonObject("cognito").get("passwordPolicy").toString(), "the local pool's policy, as on AWS");
    }

    @Test
    void inTwoRegionModeThePagesMayReachTheOtherRegionsCognitoTheyFallBackTo() {
        var settings = new LocalGateway.Settings(0, moto.endpoint(), pool, uiDist, MotoServer.REGION, "primary", "",
                CatalogueFile.books(), List.of("http://127.0.0.1:4567/cognito/"));

        var origins = LocalGateway.pageOrigins(settings, 8123);

        assertEquals(List.of("http://127.0.0.1:8123", "http://127.0.0.1:4567"), origins.cognito());
        assertEquals(List.of("http://127.0.0.1:8123"), origins.api());
    }

    @Test
    void withoutABlogTheConfigPointsAtAnEndpointThatSaysSo() throws Exception {
        var settings = new LocalGateway.Settings(0, moto.endpoint(), pool, uiDist, MotoServer.REGION, "primary", "", List.of());
        JsonObject config = LocalGateway.runtimeConfig(settings, 8080);
        assertEquals("http://127.0.0.1:8080/wordpress", config.get("blogUrl").getAsString());

        HttpResponse<String> blog = send(at("/wordpress/wp-json/wp/v2/posts"));
        assertEquals(404, blog.statusCode());
        assertTrue(blog.body().contains("BOOKSTORE_BLOG_URL"));
    }

    @Test
    void siteServesFilesAndFallsBackToTheAppShellForRoutes() throws Exception {
        HttpResponse<String> asset = send(at("/assets/app-1234.js"));
        assertEquals(200, asset.statusCode());
        assertTrue(asset.headers().firstValue("cache-control").orElseThrow().contains("immutable"));

        HttpResponse<String> route = send(at("/books/some-id"));
        assertEquals(200, route.statusCode());
        assertTrue(route.body().contains("<title>shell</title>"));

        assertEquals(404, send(at("/assets/missing.js")).statusCode());
        assertEquals(404, send(at("/..%2F..%2Fetc%2Fpasswd.txt")).statusCode());
    }

    @Test
    void coversOfCatalogueBooksAreServedAsSvg() throws Exception {
        String id = CatalogueFile.books().get(0).id();

        HttpResponse<String> cover = send(at("/covers/" + id + ".svg"));

        assertEquals(200, cover.statusCode());
        assertEquals("image/svg+xml", cover.headers().firstValue("content-type").orElseThrow());
        assertTrue(cover.body().startsWith("<svg") || cover.body().startsWith("<?xml"), cover.body());
        assertEquals(404, send(at("/covers/no-such-book.svg")).statusCode());
    }

    @Test
    void everyRequestIsLoggedOnOneLine() throws Exception {
        send(at("/api/region?probe=log-line"));

        assertTrue(logEventually(text -> text.lines()
                .anyMatch(line -> line.contains("GET /api/region?probe=log-line 201 "))), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void signUpNeedsTheCodeTheGatewayPrinted() throws Exception {
        String email = "new.reader@example.com";
        assertEquals(200, cognitoCall("SignUp", "{\"ClientId\":\"" + pool.clientId() + "\",\"Username\":\"" + email
                + "\",\"Password\":\"" + CognitoTokens.PASSWORD + "\",\"UserAttributes\":[{\"Name\":\"email\",\"Value\":\"" + email + "\"}]}").statusCode());
        String code = JsonParser.parseString(send(at("/_local/sign-up-code?username=" + email)).body())
                .getAsJsonObject().get("code").getAsString();
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("[cognito] confirmation code for " + email + ": " + code));
        String wrong = code.equals("000000") ? "111111" : "000000";

        HttpResponse<String> refused = cognitoCall("ConfirmSignUp", confirm(email, wrong));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("CodeMismatchException"));
        assertEquals(400, signInCall(email).statusCode(), "still unconfirmed");

        assertEquals(200, cognitoCall("ConfirmSignUp", confirm(email, code)).statusCode());
        HttpResponse<String> signedIn = signInCall(email);
        assertEquals(200, signedIn.statusCode());
        assertNotNull(JsonParser.parseString(signedIn.body()).getAsJsonObject().getAsJsonObject("AuthenticationResult").get("IdToken"));
        assertEquals(404, send(at("/_local/sign-up-code?username=" + email)).statusCode(), "a used code is gone");
    }

    @Test
    void resendIssuesANewCodeOnlyForPendingSignUps() throws Exception {
        String email = "resend@example.com";
        cognitoCall("SignUp", "{\"ClientId\":\"" + pool.clientId() + "\",\"Username\":\"" + email
                + "\",\"Password\":\"" + CognitoTokens.PASSWORD + "\"}");

        HttpResponse<String> resent = cognitoCall("ResendConfirmationCode", "{\"ClientId\":\"" + pool.clientId() + "\",\"Username\":\"" + email + "\"}");
        assertEquals(200, resent.statusCode());
        JsonObject delivery = JsonParser.parseString(resent.body()).getAsJsonObject().getAsJsonObject("CodeDeliveryDetails");
        assertEquals("r***@e***", delivery.get("Destination").getAsString(), "masked as Cognito masks it");
        assertEquals("EMAIL", delivery.get("DeliveryMedium").getAsString());
        assertEquals(400, cognitoCall("ResendConfirmationCode", "{\"ClientId\":\"" + pool.clientId() + "\",\"Username\":\"nobody@example.com\"}").statusCode());
    }

    @Test
    void resendForAnAlreadyConfirmedUserSaysSoAsCognitoDoes() throws Exception {
        String email = "confirmed.reader@example.com";
        cognitoCall("SignUp", "{\"ClientId\":\"" + pool.clientId() + "\",\"Username\":\"" + email
                + "\",\"Password\":\"" + CognitoTokens.PASSWORD + "\"}");
        String code = JsonParser.parseString(send(at("/_local/sign-up-code?username=" + email)).body())
                .getAsJsonObject().get("code").getAsString();
        assertEquals(200, cognitoCall("ConfirmSignUp", confirm(email, code)).statusCode());

        HttpResponse<String> resent = cognitoCall("ResendConfirmationCode", "{\"ClientId\":\"" + pool.clientId() + "\",\"Username\":\"" + email + "\"}");

        assertEquals(400, resent.statusCode());
        JsonObject error = JsonParser.parseString(resent.body()).getAsJsonObject();
        assertEquals("InvalidParameterException", error.get("__type").getAsString());
        assertEquals("User is already confirmed.", error.get("message").getAsString());
    }

    @Test
    void aRevokedRefreshTokenNoLongerRefreshesAsAfterCognitosRevokeToken() throws Exception {
        String email = "revoker@example.com";
        pool.createConfirmedUser(cognito, email, CognitoTokens.PASSWORD);
        String refreshToken = JsonParser.parseString(signInCall(email).body()).getAsJsonObject()
                .getAsJsonObject("AuthenticationResult").get("RefreshToken").getAsString();
        assertEquals(200, refreshCall(refreshToken).statusCode(), "valid before the revocation");

        HttpResponse<String> revoke = cognitoCall("RevokeToken",
                "{\"ClientId\":\"" + pool.clientId() + "\",\"Token\":\"" + refreshToken + "\"}");

        assertEquals(200, revoke.statusCode(), revoke.body());
        HttpResponse<String> refused = refreshCall(refreshToken);
        assertEquals(400, refused.statusCode());
        assertEquals("NotAuthorizedException", JsonParser.parseString(refused.body()).getAsJsonObject().get("__type").getAsString());
        String otherSession = JsonParser.parseString(signInCall(email).body()).getAsJsonObject()
                .getAsJsonObject("AuthenticationResult").get("RefreshToken").getAsString();
        assertEquals(200, refreshCall(otherSession).statusCode(), "only the revoked token stops working");
    }

    private static HttpResponse<String> refreshCall(String refreshToken) throws Exception {
        return cognitoCall("InitiateAuth", "{\"ClientId\":\"" + pool.clientId() + "\",\"AuthFlow\":\"REFRESH_TOKEN_AUTH\","
                + "\"AuthParameters\":{\"REFRESH_TOKEN\":\"" + refreshToken + "\"}}");
    }

    private static String confirm(String email, String code) {
        return "{\"ClientId\":\"" + pool.clientId() + "\",\"Username\":\"" + email + "\",\"ConfirmationCode\":\"" + code + "\"}";
    }

    private static HttpResponse<String> signInCall(String email) throws Exception {
        return cognitoCall("InitiateAuth", "{\"ClientId\":\"" + pool.clientId() + "\",\"AuthFlow\":\"USER_PASSWORD_AUTH\","
                + "\"AuthParameters\":{\"USERNAME\":\"" + email + "\",\"PASSWORD\":\"" + CognitoTokens.PASSWORD + "\"}}");
    }

    private static HttpResponse<String> cognitoCall(String operation, String body) throws Exception {
        return send(at("/cognito/")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
