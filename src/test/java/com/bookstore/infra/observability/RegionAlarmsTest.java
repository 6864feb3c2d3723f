package com.bookstore.infra.observability;

import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The service-level alarms of each region and the dashboard of both, under Pulumi's mocks. */
class RegionAlarmsTest {

    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private static final String COMPOSITE = "aws:cloudwatch/compositeAlarm:CompositeAlarm";
    private static final List<String> SLO_ALARMS = List.of("api-errors", "api-latency", "api-latency-cart",
            "api-latency-catalogue", "api-latency-orders", "api-throttles",
            "api-function-errors", "stream-age", "consumer-errors", "replication-latency", "stream-failures",
            "redis-fallbacks");

    private static Map<String, PlannedResource> sloAlarms(Plan plan) {
        return plan.ofType(ALARM).stream().filter(a -> a.name().startsWith("bookstore-slo-"))
                .collect(Collectors.toMap(a -> a.name().substring("bookstore-slo-".length()), a -> a));
    }

    private static double threshold(PlannedResource alarm) {
        return ((Number) input(alarm, "threshold")).doubleValue();
    }

    @Test
    void eachRegionHasTheServiceAlarmsWithTheDefaultThresholds() {
        for (Plan plan : List.of(Plans.primary(), Plans.secondary())) {
            Map<String, PlannedResource> alarms = sloAlarms(plan);
            assertEquals(SLO_ALARMS.stream().sorted().toList(), alarms.keySet().stream().sorted().toList());
            assertEquals(1.0, threshold(alarms.get("api-errors")));
            assertEquals(1500.0, threshold(alarms.get("api-latency")));
            assertEquals("p99", input(alarms.get("api-latency"), "extendedStatistic"));
            assertEquals(60_000.0, threshold(alarms.get("stream-age")));
            assertEquals(60_000.0, threshold(alarms.get("replication-latency")));
            assertEquals(5.0, threshold(alarms.get("api-function-errors")));
            var topic = Plans.named(plan, "aws:sns/topic:Topic", "bookstore-slo");
            assertNotNull(input(topic, "kmsMasterKeyId"), "CloudWatch publishes only to a topic whose key lets it");
            for (PlannedResource alarm : alarms.values()) {
                assertEquals(List.of(topic.id()), input(alarm, "alarmActions"), alarm.name());
                assertEquals("notBreaching", input(alarm, "treatMissingData"), "no traffic is no outage: " + alarm.name());
            }
        }
    }

    @Test
    void theReplicationAlarmWatchesTheOtherRegionAndTheErrorRateIsAShareOfRequests() {
        var primary = sloAlarms(Plans.primary()).get("replication-latency");
        var secondary = sloAlarms(Plans.secondary()).get("replication-latency");
        assertEquals("ap-southeast-1", ((Map<?, ?>) input(primary, "dimensions")).get("ReceivingRegion"));
        assertEquals("eu-west-1", ((Map<?, ?>) input(secondary, "dimensions")).get("ReceivingRegion"));

        var errors = sloAlarms(Plans.primary()).get("api-errors");
        List<?> queries = (List<?>) input(errors, "metricQueries");
        assertEquals(3, queries.size());
        assertTrue(queries.stream().anyMatch(q -> String.valueOf(((Map<?, ?>) q).get("expression"))
                .equals("IF(requests > 0, 100 * errors / requests, 0)")));
    }

    @Test
    void eachRouteGroupAlarmsOnItsSlowestRoutesP99() {
        var checkout = sloAlarms(Plans.primary()).get("api-latency-orders");
        List<?> queries = (List<?>) input(checkout, "metricQueries");
        List<String> routes = queries.stream().map(q -> (Map<?, ?>) ((Map<?, ?>) q).get("metric")).filter(m -> m != null)
                .map(m -> ((Map<?, ?>) m.get("dimensions")).get("Method") + " " + ((Map<?, ?>) m.get("dimensions")).get("Resource"))
                .sorted().toList();
        assertEquals(List.of("GET /orders", "GET /orders/{orderId}", "POST /orders"), routes);
        assertTrue(queries.stream().anyMatch(q -> String.valueOf(((Map<?, ?>) q).get("expression"))
                .equals("MAX([route0, route1, route2])")));
        assertEquals(1500.0, threshold(checkout));
    }

    @Test
    void thresholdsComeFromTheStackConfig() {
        Plan plan = Plans.run(Plans.primaryConfig(Map.of("bookstore:sloApiErrorPercent", "5",
                "bookstore:sloApiLatencyMs", "800", "bookstore:sloStreamAgeSeconds", "300",
                "bookstore:sloReplicationLatencySeconds", "20", "bookstore:sloFunctionErrorsPerMinute", "0",
                "bookstore:alertEmail", "ops@shop.example.org")), Map.of());
        Map<String, PlannedResource> alarms = sloAlarms(plan);

        assertEquals(5.0, threshold(alarms.get("api-errors")));
        assertEquals(800.0, threshold(alarms.get("api-latency")));
        assertEquals(300_000.0, threshold(alarms.get("stream-age")));
        assertEquals(20_000.0, threshold(alarms.get("replication-latency")));
        assertEquals(0.0, threshold(alarms.get("consumer-errors")));
        var subscription = Plans.named(plan, "aws:sns/topicSubscription:TopicSubscription", "bookstore-slo-email");
        assertEquals("ops@shop.example.org", input(subscription, "endpoint"));
    }

    @Test
    void customersAffectedIsTheCompositeOfWhatShoppersNotice() {
        for (Plan plan : List.of(Plans.primary(), Plans.secondary())) {
            PlannedResource composite = Plans.one(plan, COMPOSITE);
            String region = composite.region();
            assertEquals("bookstore-slo-customers-affected-" + region, input(composite, "alarmName"));
            String rule = (String) input(composite, "alarmRule");
            for (String part : List.of("api-errors", "api-latency", "api-latency-cart", "api-latency-catalogue",
                    "api-latency-orders", "api-throttles", "api-function-errors")) {
                String alarmName = String.valueOf(input(sloAlarms(plan).get(part), "name"));
                assertTrue(rule.contains("ALARM(\"" + alarmName + "\")"), part + " in " + rule);
            }
            assertTrue(!rule.contains("replication"), "a replication delay does not affect shoppers at once");
        }
    }

    @Test
    void thePrimaryAlarmsOnCloudFrontsShareOf5xxInTheEdgeRegionWhereItsMetricsAre() {
        Plan primary = Plans.primary();
        var alarm = Plans.named(primary, ALARM, "bookstore-edge-alarms-5xx");
        var topic = Plans.named(primary, "aws:sns/topic:Topic", "bookstore-edge-alarms");
        var distribution = Plans.one(primary, "aws:cloudfront/distribution:Distribution");

        assertEquals("us-east-1", alarm.region());
        assertEquals("us-east-1", topic.region(), "an alarm notifies a topic of its own region");
        assertEquals(Map.of("DistributionId", distribution.id(), "Region", "Global"), input(alarm, "dimensions"));
        assertEquals("5xxErrorRate", input(alarm, "metricName"));
        assertEquals(1.0, threshold(alarm));
        assertEquals(List.of(topic.id()), input(alarm, "alarmActions"));
        assertNotNull(input(topic, "kmsMasterKeyId"));
        assertTrue(Plans.secondary().ofType(ALARM).stream().noneMatch(a -> a.name().startsWith("bookstore-edge-alarms")),
                "the secondary has no distribution");
    }

    @Test
    void eachRegionHasADashboardOfItsOwnWithItsApiAndEveryAlarm() {
        for (Plan plan : List.of(Plans.primary(), Plans.secondary())) {
            String region = plan.ofType("aws:apigatewayv2/api:Api").get(0).region();
            PlannedResource dashboard = Plans.named(plan, "aws:cloudwatch/dashboard:Dashboard", "bookstore-" + region);
            String body = (String) input(dashboard, "dashboardBody");
            String apiId = Plans.one(plan, "aws:apigatewayv2/api:Api").id();
            assertTrue(body.contains("\"ApiId\",\"" + apiId + "\""), "its own API: " + body);
            long alarms = plan.ofType(ALARM).stream().filter(a -> a.name().startsWith("bookstore-slo-")).count();
            JsonObject json = JsonParser.parseString(body).getAsJsonObject();
            var alarmWidget = json.getAsJsonArray("widgets").asList().stream().map(w -> w.getAsJsonObject())
                    .filter(w -> "alarm".equals(w.get("type").getAsString())).findFirst().orElseThrow();
            assertEquals(alarms + 1, alarmWidget.getAsJsonObject("properties").getAsJsonArray("alarms").size(),
                    "every metric alarm of the region and its composite");
            assertTrue(!body.contains(region.equals("eu-west-1") ? "\"region\":\"ap-southeast-1\"" : "\"region\":\"eu-west-1\""),
                    "this region only");
        }
    }

    @Test
    void theDashboardInThePrimaryShowsBothRegions() {
        assertEquals(List.of("bookstore-ap-southeast-1"), Plans.secondary().ofType("aws:cloudwatch/dashboard:Dashboard")
                .stream().map(PlannedResource::name).toList());
        PlannedResource dashboard = Plans.named(Plans.primary(), "aws:cloudwatch/dashboard:Dashboard", "bookstore-operations");
        assertEquals("bookstore-operations", input(dashboard, "dashboardName"));
        JsonObject body = JsonParser.parseString((String) input(dashboard, "dashboardBody")).getAsJsonObject();
        String text = body.toString();
        assertTrue(text.contains("\"region\":\"eu-west-1\"") && text.contains("\"region\":\"ap-southeast-1\""));
        assertTrue(text.contains(":alarm:bookstore-slo-customers-affected-ap-southeast-1"),
                "the secondary's composite alarm, named before the secondary exists");
        body.getAsJsonArray("widgets").forEach(widget -> {
            JsonObject w = widget.getAsJsonObject();
            assertTrue(w.get("x").getAsInt() + w.get("width").getAsInt() <= 24, "inside the 24-column grid");
        });
    }
}
