package com.bookstore.infra.api;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionalApiTest {

    @Test
    void everyRouteOfTheDesignIsServedWithItsAuthorisation() {
        Plan plan = Plans.primary();
        String authorizer = Plans.one(plan, "aws:apigatewayv2/authorizer:Authorizer").id();

        Map<String, String> routes = new TreeMap<>();
        for (PlannedResource route : plan.ofType("aws:apigatewayv2/route:Route")) {
            routes.put((String) input(route, "routeKey"), input(route, "authorizationType")
                    + ("JWT".equals(input(route, "authorizationType")) && authorizer.equals(input(route, "authorizerId"))
                    ? "+cognito" : ""));
        }

        assertEquals(new TreeMap<>(Map.ofEntries(
                Map.entry("GET /books", "NONE"), Map.entry("GET /books/{id}", "NONE"),
                Map.entry("GET /bestsellers", "NONE"), Map.entry("GET /health", "NONE"), Map.entry("GET /region", "NONE"),
                Map.entry("GET /cart", "JWT+cognito"), Map.entry("POST /cart", "JWT+cognito"),
                Map.entry("GET /cart/{bookId}", "JWT+cognito"), Map.entry("PUT /cart/{bookId}", "JWT+cognito"),
                Map.entry("DELETE /cart/{bookId}", "JWT+cognito"), Map.entry("GET /orders", "JWT+cognito"),
                Map.entry("GET /orders/{orderId}", "JWT+cognito"), Map.entry("POST /orders", "JWT+cognito"))), routes);
    }

    /**
     * The storefront (CloudFront) calls the API (api.<domain>) cross-origin: without these the browser
     * refuses signed-in calls, checkout, cart edits, or hides the serving region, and only after a deploy.
     */
    @Test
    void corsLetsTheStorefrontSendEveryRouteItsHeadersAndReadTheServingRegion() {
        Plan plan = Plans.primary();
        var api = Plans.one(plan, "aws:apigatewayv2/api:Api");

        @SuppressWarnings("unchecked")
        var methods = (java.util.List<String>) input(api, "corsConfiguration.allowMethods");
        for (PlannedResource route : plan.ofType("aws:apigatewayv2/route:Route")) {
            String method = String.valueOf(input(route, "routeKey")).split(" ")[0];
            assertTrue(methods.contains(method), method + " is routed but not allowed by CORS: " + methods);
        }
        assertEquals(java.util.List.of("authorization", "content-type", "idempotency-key"),
                input(api, "corsConfiguration.allowHeaders"));
        assertEquals(java.util.List.of("x-bookstore-region"), input(api, "corsConfiguration.exposeHeaders"));
    }

    @Test
    void stageThrottlesAndWritesAccessLogs() {
        Plan plan = Plans.run(Plans.primaryConfig(Map.of("bookstore:apiThrottleRateLimit", "50",
                "bookstore:apiThrottleBurstLimit", "80")), Map.of());

        var stage = Plans.one(plan, "aws:apigatewayv2/stage:Stage");
        var accessLogs = Plans.named(plan, "aws:cloudwatch/logGroup:LogGroup", "bookstore-api-access");

        assertEquals("$default", input(stage, "name"));
        assertEquals(50L, input(stage, "defaultRouteSettings.throttlingRateLimit"));
        assertEquals(80L, input(stage, "defaultRouteSettings.throttlingBurstLimit"));
        assertEquals("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/apigateway/bookstore-api",
                input(stage, "accessLogSettings.destinationArn"));
        assertTrue(String.valueOf(input(stage, "accessLogSettings.format")).contains("$context.requestId"));
        assertEquals(30L, input(accessLogs, "retentionInDays"));
    }

    @Test
    void customDomainApiIsServedWithAValidatedRegionalCertificateWhenADomainIsSet() {
        Plan plan = Plans.primary();

        var domain = Plans.one(plan, "aws:apigatewayv2/domainName:DomainName");
        var certificate = Plans.named(plan, "aws:acm/certificate:Certificate", "bookstore-api-certificate");

        assertEquals("api.shop.example.org", input(domain, "domainName"));
        assertEquals("REGIONAL", input(domain, "domainNameConfiguration.endpointType"));
        assertEquals("TLS_1_2", input(domain, "domainNameConfiguration.securityPolicy"));
        assertEquals("eu-west-1", certificate.region());
        assertEquals("DNS", input(certificate, "validationMethod"));
        assertEquals("https://api.shop.example.org", plan.outputs().get("apiBaseUrl"));
    }

    @Test
    void withoutADomainTheApiIsReachedAtItsRegionalEndpoint() {
        Plan plan = Plans.run(Plans.primaryConfig(Map.of("bookstore:domain", "", "bookstore:hostedZoneId", "")), Map.of());

        assertTrue(plan.ofType("aws:apigatewayv2/domainName:DomainName").isEmpty());
        assertTrue(plan.ofType("aws:acm/certificate:Certificate").isEmpty());
        assertEquals(plan.outputs().get("apiEndpoint"), plan.outputs().get("apiBaseUrl"));
        assertTrue(String.valueOf(plan.outputs().get("apiBaseUrl")).contains(".execute-api.eu-west-1.amazonaws.com"));
    }

    @Test
    void theHealthRouteRoute53ProbesHasItsOwnThrottleFromConfig() {
        var stage = Plans.one(Plans.primary(), "aws:apigatewayv2/stage:Stage");
        var configured = Plans.one(Plans.run(Plans.primaryConfig(java.util.Map.of(
                "bookstore:healthThrottleRateLimit", "20", "bookstore:healthThrottleBurstLimit", "40")), java.util.Map.of()),
                "aws:apigatewayv2/stage:Stage");

        assertEquals("GET /health", input(stage, "routeSettings.routeKey"));
        assertEquals(50, ((Number) input(stage, "routeSettings.throttlingRateLimit")).intValue());
        assertEquals(100, ((Number) input(stage, "routeSettings.throttlingBurstLimit")).intValue());
        assertEquals(100, ((Number) input(stage, "defaultRouteSettings.throttlingRateLimit")).intValue(), "the shop's routes");
        assertEquals(20, ((Number) input(configured, "routeSettings.throttlingRateLimit")).intValue());
        assertEquals(40, ((Number) input(configured, "routeSettings.throttlingBurstLimit")).intValue());
        assertTrue(stage.dependsOn().stream().anyMatch(d -> d.contains("bookstore-api-get-health")), stage.dependsOn().toString());
    }
}
