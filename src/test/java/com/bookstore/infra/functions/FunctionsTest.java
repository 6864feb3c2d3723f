package com.bookstore.infra.functions;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunctionsTest {

    @Test
    void bothFunctionsRunJava21WithSnapStartFromTheLambdaBuildInsideTheVpc() {
        Plan plan = Plans.primary();

        var api = Plans.named(plan, "aws:lambda/function:Function", "bookstore-functions-api");
        var consumer = Plans.named(plan, "aws:lambda/function:Function", "bookstore-functions-bestsellers");

        assertEquals("com.bookstore.api.ApiHandler::handleRequest", input(api, "handler"));
        assertEquals("com.bookstore.bestsellers.BestSellerStreamHandler::handleRequest", input(consumer, "handler"));
        for (PlannedResource function : List.of(api, consumer)) {
            assertEquals("java21", input(function, "runtime"));
            assertEquals("PublishedVersions", input(function, "snapStart.applyOn"));
            assertEquals(true, input(function, "publish"));
            assertEquals(Map.of("path", "lambdas/functions/target/bookstore-functions.jar"), input(function, "code"));
            assertEquals(1024L, input(function, "memorySize"));
            assertEquals(2, ((List<?>) input(function, "vpcConfig.subnetIds")).size());
        }
        assertEquals(10L, input(api, "timeout"));
        assertEquals(30L, input(consumer, "timeout"));
    }

    @Test
    void environmentFollowsTheInterfacesDocument() {
        var api = Plans.named(Plans.secondary(), "aws:lambda/function:Function", "bookstore-functions-api");

        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) input(api, "environment.variables");

        assertEquals("bookstore-books", env.get("BOOKS_TABLE"));
        assertEquals("bookstore-cart", env.get("CART_TABLE"));
        assertEquals("bookstore-orders", env.get("ORDERS_TABLE"));
        assertEquals("secondary", env.get("BOOKSTORE_ROLE"));
        assertTrue(String.valueOf(env.get("REDIS_URL")).startsWith("rediss://"));
        assertEquals("5", env.get("CHECKOUT_LIMIT"), "the shipped default of bookstore:checkoutLimit");
        assertEquals("600", env.get("CHECKOUT_WINDOW_SECONDS"));
    }

    @Test
    void checkoutLimitsComeFromTheStackConfig() {
        Plan plan = Plans.run(Plans.primaryConfig(Map.of("bookstore:checkoutLimit", "50",
                "bookstore:checkoutWindowSeconds", "60")), Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) input(
                Plans.named(plan, "aws:lambda/function:Function", "bookstore-functions-api"), "environment.variables");

        assertEquals("50", env.get("CHECKOUT_LIMIT"));
        assertEquals("60", env.get("CHECKOUT_WINDOW_SECONDS"));
    }

    @Test
    void theApiReadsItsRegionsFaultSwitchThroughAnSsmEndpoint() {
        Plan plan = Plans.secondary();
        var api = Plans.named(plan, "aws:lambda/function:Function", "bookstore-functions-api");
        var parameter = Plans.one(plan, "aws:ssm/parameter:Parameter");
        var endpoint = Plans.named(plan, "aws:ec2/vpcEndpoint:VpcEndpoint", "bookstore-network-ssm");
        var grants = Plans.named(plan, "aws:iam/rolePolicy:RolePolicy", "bookstore-functions-api");

        assertEquals("/bookstore/fault-injection", input(parameter, "name"));
        assertEquals("off", input(parameter, "value"));
        assertEquals("/bookstore/fault-injection", input(api, "environment.variables.FAULT_PARAMETER"));
        assertEquals("com.amazonaws.ap-southeast-1.ssm", input(endpoint, "serviceName"));
        assertEquals(true, input(endpoint, "privateDnsEnabled"));
        String policy = String.valueOf(input(grants, "policy"));
        assertTrue(policy.contains("\"ssm:GetParameter\"") && policy.contains(":parameter/bookstore/fault-injection"), policy);
    }

    @Test
    void callersInvokeThePublishedVersionThroughTheLiveAlias() {
        Plan plan = Plans.primary();

        var alias = Plans.named(plan, "aws:lambda/alias:Alias", "bookstore-functions-api");
        var permission = Plans.one(plan, "aws:lambda/permission:Permission");
        var integration = Plans.one(plan, "aws:apigatewayv2/integration:Integration");

        assertEquals("live", input(alias, "name"));
        assertEquals("1", input(alias, "functionVersion"));
        assertEquals("live", input(permission, "qualifier"));
        assertTrue(String.valueOf(input(integration, "integrationUri")).endsWith(":function:bookstore-api:live"));
    }

    @Test
    void ordersStreamMappingBisectsRetriesBoundedlyAndParksFailuresInAQueue() {
        Plan plan = Plans.primary();

        var mapping = Plans.one(plan, "aws:lambda/eventSourceMapping:EventSourceMapping");
        var queue = Plans.one(plan, "aws:sqs/queue:Queue");

        assertEquals(true, input(mapping, "bisectBatchOnFunctionError"));
        assertEquals(3L, input(mapping, "maximumRetryAttempts"));
        assertEquals(3600L, input(mapping, "maximumRecordAgeInSeconds"));
        assertEquals(List.of("ReportBatchItemFailures"), input(mapping, "functionResponseTypes"));
        assertEquals(plan.outputs().get("ordersTableArn") + "/stream/2026-01-01T00:00:00.000", input(mapping, "eventSourceArn"));
        assertTrue(String.valueOf(input(mapping, "functionName")).endsWith(":function:bookstore-bestsellers:live"));
        assertEquals("arn:aws:sqs:eu-west-1:123456789012:" + queue.name(), input(mapping, "destinationConfig.onFailure.destinationArn"));
    }

    @Test
    void eachRoleGrantsOnlyTheResourcesItsFunctionUses() {
        Plan plan = Plans.primary();

        Set<String> apiResources = grantedResources(Plans.named(plan, "aws:iam/rolePolicy:RolePolicy", "bookstore-functions-api"));
        Set<String> consumerResources = grantedResources(Plans.named(plan, "aws:iam/rolePolicy:RolePolicy", "bookstore-functions-bestsellers"));

        String books = (String) plan.outputs().get("booksTableArn");
        String cart = (String) plan.outputs().get("cartTableArn");
        String orders = (String) plan.outputs().get("ordersTableArn");
        assertEquals(Set.of(books, books + "/index/*", cart, orders,
                "arn:aws:ssm:eu-west-1:123456789012:parameter/bookstore/fault-injection",
                "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/bookstore-api:*", "*"), apiResources);
        assertEquals(Set.of(orders + "/stream/2026-01-01T00:00:00.000",
                "arn:aws:sqs:eu-west-1:123456789012:bookstore-functions-stream-failures",
                "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/bookstore-bestsellers:*", "*"), consumerResources);
    }

    @Test
    @SuppressWarnings("unchecked")
    void bothFunctionsAreTracedAndMayWriteOnlyTheirTraces() {
        for (Plan plan : List.of(Plans.primary(), Plans.secondary())) {
            for (String name : List.of("bookstore-functions-api", "bookstore-functions-bestsellers")) {
                var function = Plans.named(plan, "aws:lambda/function:Function", name);
                assertEquals("Active", input(function, "tracingConfig.mode"), name);
                var policy = new Gson().fromJson((String) input(Plans.named(plan, "aws:iam/rolePolicy:RolePolicy", name),
                        "policy"), Map.class);
                var traces = ((List<Map<String, Object>>) policy.get("Statement")).stream()
                        .filter(statement -> "WriteTraces".equals(statement.get("Sid"))).toList();
                assertEquals(1, traces.size(), name);
                assertEquals(List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"), traces.get(0).get("Action"));
            }
        }
    }

    @Test
    void logGroupsKeepLogsForTheConfiguredDaysEncryptedWithTheRegionsKey() {
        Plan plan = Plans.run(Plans.primaryConfig(Map.of("bookstore:logRetentionDays", "14")), Map.of());

        var logs = Plans.named(plan, "aws:cloudwatch/logGroup:LogGroup", "bookstore-functions-api");

        assertEquals("/aws/lambda/bookstore-api", input(logs, "name"));
        assertEquals(14L, input(logs, "retentionInDays"));
        assertTrue(String.valueOf(input(logs, "kmsKeyId")).startsWith("arn:aws:kms:eu-west-1:"));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> grantedResources(PlannedResource policy) {
        Map<String, Object> document = new Gson().fromJson((String) input(policy, "policy"), Map.class);
        Set<String> resources = new HashSet<>();
        for (Object statement : (List<Object>) document.get("Statement")) {
            resources.addAll((List<String>) ((Map<String, Object>) statement).get("Resource"));
        }
        return resources;
    }
}
