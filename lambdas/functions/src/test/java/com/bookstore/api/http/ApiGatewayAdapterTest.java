package com.bookstore.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.testing.ApiEvent;
import com.bookstore.testing.ApiResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The adapter against real API Gateway payload 2.0 JSON, with a route table of plain lambdas. */
class ApiGatewayAdapterTest {

    private final ApiGatewayAdapter adapter = new ApiGatewayAdapter(new Router(List.of(
            Route.of("GET", "/books", Access.PUBLIC, call -> HttpResponse.ok(call.request().query())),
            Route.of("GET", "/cart", Access.CUSTOMER, call -> HttpResponse.ok(Map.of("customer", call.customerId()))),
            Route.of("POST", "/cart", Access.CUSTOMER, call -> HttpResponse.ok(JsonBodies.object(call.request()))),
            Route.of("GET", "/boom", Access.PUBLIC, call -> {
                throw new IllegalStateException("bug");
            }),
            // What the SDK and Jedis throw (built as they build them): DynamoDB's throttling answer, a dependency down.
            Route.of("GET", "/throttled", Access.PUBLIC, call -> {
                throw DynamoDbException.builder().statusCode(400).message("Rate of requests exceeds the allowed throughput")
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build();
            }),
            Route.of("GET", "/dynamo-down", Access.PUBLIC, call -> {
                throw SdkClientException.create("Unable to execute HTTP request: Connect to 127.0.0.1:1 failed");
            }),
            Route.of("GET", "/redis-down", Access.PUBLIC, call -> {
                throw new JedisConnectionException("Failed to connect to 127.0.0.1:1");
            }))), "ap-southeast-1");

    private ApiResult call(ApiEvent event) {
        return ApiResult.of(adapter.handle(event.build()));
    }

    @Test
    void everyResponseIsJsonAndNamesTheRegion() {
        for (ApiResult result : List.of(call(ApiEvent.anonymous("GET", "/books")), call(ApiEvent.anonymous("GET", "/nope")),
                call(ApiEvent.anonymous("GET", "/boom")))) {
            assertEquals("ap-southeast-1", result.headers().get("X-Bookstore-Region"), result.toString());
            assertEquals("application/json; charset=utf-8", result.headers().get("Content-Type"));
        }
    }

    @Test
    void queryParametersReachTheRoute() {
        ApiResult result = call(ApiEvent.anonymous("GET", "/books").query("category", "Cars").query("limit", "3"));

        assertEquals("Cars", result.body().get("category").getAsString());
        assertEquals("3", result.body().get("limit").getAsString());
    }

    @Test
    void customerIsTheJwtSubClaim() {
        ApiResult result = call(ApiEvent.signedIn("sub-123", "GET", "/cart"));

        assertEquals(200, result.status());
        assertEquals("sub-123", result.body().get("customer").getAsString());
    }

    @Test
    void jwtRouteWithoutClaimsIs401() {
        ApiResult result = call(ApiEvent.withoutClaims("GET", "/cart"));

        assertEquals(401, result.status());
        assertEquals("unauthenticated", result.error());
    }

    @Test
    void base64BodiesAreDecoded() {
        ApiResult result = call(ApiEvent.signedIn("c", "POST", "/cart").base64Body("{\"bookId\":\"b1\",\"quantity\":2}"));

        assertEquals(200, result.status());
        assertEquals("b1", result.body().get("bookId").getAsString());
    }

    @Test
    void oversizedBodyIs413() {
        String big = "{\"bookId\":\"" + "x".repeat(ApiGatewayAdapter.MAX_BODY_BYTES) + "\",\"quantity\":1}";

        assertEquals(413, call(ApiEvent.signedIn("c", "POST", "/cart").body(big)).status());
        assertEquals(413, call(ApiEvent.signedIn("c", "POST", "/cart").base64Body(big)).status());
    }

    @Test
    void oversizedBase64BodyIs413BeforeItIsDecoded() {
        // not base64 at all: decoding it first would answer 400 malformed_body, checking size first answers 413
        String notBase64 = "!".repeat(ApiGatewayAdapter.base64Length(ApiGatewayAdapter.MAX_BODY_BYTES) + 1);
        ApiResult result = call(ApiEvent.signedIn("c", "POST", "/cart").rawBase64Body(notBase64));

        assertEquals(413, result.status(), result.toString());
        assertEquals("body_too_large", result.error());
    }

    @Test
    void theEncodedLimitIsWhatBase64MakesOfTheByteLimit() {
        // The JDK's encoder is the reference: padded base64 of n bytes, for sizes around each padding case.
        for (int bytes : List.of(0, 1, 2, 3, 4, 5, 16_383, ApiGatewayAdapter.MAX_BODY_BYTES, 16_385)) {
            assertEquals(java.util.Base64.getEncoder().encode(new byte[bytes]).length, ApiGatewayAdapter.base64Length(bytes),
                    bytes + " bytes");
        }
    }

    @Test
    void base64BodyOfExactlyTheLimitIsAccepted() {
        String body = "{\"bookId\":\"" + "x".repeat(ApiGatewayAdapter.MAX_BODY_BYTES - 26) + "\",\"quantity\":1}";
        assertEquals(ApiGatewayAdapter.MAX_BODY_BYTES, body.length());

        assertEquals(200, call(ApiEvent.signedIn("c", "POST", "/cart").base64Body(body)).status());
    }

    @Test
    void malformedJsonIs400WithErrorBody() {
        for (String body : List.of("{", "[1,2]", "not json", "{\"a\":1} trailing", "\"text\"", "{'single':1}")) {
            ApiResult result = call(ApiEvent.signedIn("c", "POST", "/cart").body(body));
            assertEquals(400, result.status(), body);
            assertEquals("malformed_json", result.error(), body);
            assertTrue(result.body().get("message").getAsString().length() > 0);
        }
    }

    @Test
    void deeplyNestedJsonIs400NotACrash() {
        String nested = "[".repeat(5000) + "]".repeat(5000);

        assertEquals(400, call(ApiEvent.signedIn("c", "POST", "/cart").body("{\"a\":" + nested + "}")).status());
    }

    @Test
    void unexpectedFailureIs500WithoutDetails() {
        ApiResult result = call(ApiEvent.anonymous("GET", "/boom"));

        assertEquals(500, result.status());
        assertEquals("internal", result.error());
        assertTrue(!result.toString().contains("bug"));
    }

    @Test
    void dynamoDbThrottlingIs429AndADependencyThatIsDownIs503BothWithRetryAfter() {
        ApiResult throttled = call(ApiEvent.anonymous("GET", "/throttled"));
        assertEquals(429, throttled.status(), throttled.toString());
        assertEquals("throttled", throttled.error());
        assertEquals("1", throttled.headers().get("Retry-After"));

        for (String path : List.of("/dynamo-down", "/redis-down")) {
            ApiResult down = call(ApiEvent.anonymous("GET", path));
            assertEquals(503, down.status(), down.toString());
            assertEquals("unavailable", down.error());
            assertEquals("1", down.headers().get("Retry-After"));
            assertTrue(!down.toString().contains("127.0.0.1"), "no internals in the answer: " + down);
        }
    }
}
