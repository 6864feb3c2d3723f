package com.bookstore.infra.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.bookstore.contract.BookstoreMetric;
import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every metric an alarm or the dashboard names is one something emits: the code's own (the registry, with its
 * dimensions and this region's values) or an AWS metric of a resource that exists in the plan of that region.
 * A renamed function, table or metric breaks the alarm silently on AWS ("insufficient data" forever); here it fails.
 */
class MetricReferencesTest {

    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

    /** A metric as an alarm or widget names it, the region whose data it reads and the plan of that region. */
    record Reference(String where, String region, String namespace, String metricName, Map<String, String> dimensions) {
    }

    private record Located(Reference reference, Plan plan) {
    }

    @Test
    void everyAlarmAndWidgetNamesAMetricThatExists() {
        Plan primary = Plans.primary();
        Plan secondary = Plans.secondary();
        Map<String, Plan> byRegion = Map.of("eu-west-1", primary, "ap-southeast-1", secondary);
        List<Located> references = new ArrayList<>();
        // An alarm reads metrics of its own stack (some in the edge region: Route 53's); a widget names its region.
        alarmReferences(primary).forEach(ref -> references.add(new Located(ref, primary)));
        alarmReferences(secondary).forEach(ref -> references.add(new Located(ref, secondary)));
        dashboardReferences(primary).forEach(ref -> references.add(new Located(ref, byRegion.get(ref.region()))));
        dashboardReferences(secondary).forEach(ref -> references.add(new Located(ref, byRegion.get(ref.region()))));

        assertTrue(references.size() > 30, "alarms and widgets found: " + references.size());
        List<String> problems = new ArrayList<>();
        for (Located located : references) {
            Reference reference = located.reference();
            String problem = located.plan() == null ? "a region neither stack deploys"
                    : check(reference, located.plan(), primary);
            if (problem != null) {
                problems.add(reference.where() + ": " + problem + " (" + reference + ")");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aMetricNobodyEmitsIsCaught() {
        Plan primary = Plans.primary();
        assertFalse(check(new Reference("t", "eu-west-1", "Bookstore", "OrdersPlacd", Map.of("Region", "eu-west-1",
                "Role", "primary")), primary, primary) == null, "misspelled registry metric");
        assertFalse(check(new Reference("t", "eu-west-1", "Bookstore", "OrdersPlaced", Map.of("Region", "ap-southeast-1",
                "Role", "primary")), primary, primary) == null, "another region's value");
        assertFalse(check(new Reference("t", "eu-west-1", "AWS/Lambda", "Errors", Map.of("FunctionName", "bookstore-apii")),
                primary, primary) == null, "a function that does not exist");
        assertFalse(check(new Reference("t", "eu-west-1", "AWS/SQS", "ApproximateNumberOfMessagesVisible",
                Map.of("QueueName", "nope")), primary, primary) == null, "a queue that does not exist");
        assertFalse(check(new Reference("t", "eu-west-1", "CloudWatchSynthetics", "SuccessPercent",
                Map.of("CanaryName", "bookstore-shoper")), primary, primary) == null, "a canary that does not exist");
    }

    private static String check(Reference ref, Plan plan, Plan primary) {
        Map<String, String> dims = ref.dimensions();
        switch (ref.namespace()) {
            case BookstoreMetric.NAMESPACE -> {
                Set<String> names = Arrays.stream(BookstoreMetric.values()).map(BookstoreMetric::metricName)
                        .collect(Collectors.toSet());
                if (!names.contains(ref.metricName())) {
                    return "not in the registry";
                }
                if (!dims.keySet().equals(Set.copyOf(BookstoreMetric.DIMENSIONS))) {
                    return "dimensions are not the registry's " + BookstoreMetric.DIMENSIONS;
                }
                if (!ref.region().equals(dims.get("Region"))) {
                    return "Region dimension is not the region it reads";
                }
                return List.of("primary", "secondary").contains(dims.get("Role")) ? null : "unknown Role";
            }
            case "AWS/Lambda" -> {
                return known(dims, "FunctionName", names(plan, "aws:lambda/function:Function", "name"));
            }
            case "AWS/ApiGateway" -> {
                String problem = known(dims, "ApiId", ids(plan, "aws:apigatewayv2/api:Api"));
                if (problem == null && dims.containsKey("Resource") && com.bookstore.contract.ApiContract.routes().stream()
                        .noneMatch(r -> r.method().equals(dims.get("Method")) && r.path().equals(dims.get("Resource")))) {
                    problem = "no route " + dims.get("Method") + " " + dims.get("Resource") + " in openapi.yaml";
                }
                return problem != null ? problem : "$default".equals(dims.get("Stage")) ? null : "Stage is not $default";
            }
            case "AWS/SQS" -> {
                return known(dims, "QueueName", ids(plan, "aws:sqs/queue:Queue").stream()
                        .map(url -> url.substring(url.lastIndexOf('/') + 1)).collect(Collectors.toSet()));
            }
            case "AWS/DynamoDB" -> {
                // Global tables keep their name in every replica; the primary's plan creates them.
                String problem = known(dims, "TableName", names(primary, "aws:dynamodb/table:Table", "name"));
                String receiving = dims.get("ReceivingRegion");
                if (problem == null && (receiving == null || receiving.equals(ref.region())
                        || !Set.of("eu-west-1", "ap-southeast-1").contains(receiving))) {
                    return "ReceivingRegion must be the other region";
                }
                return problem;
            }
            case "AWS/RDS" -> {
                return known(dims, "DBClusterIdentifier", ids(plan, "aws:rds/cluster:Cluster"));
            }
            case "AWS/ApplicationELB" -> {
                Set<String> balancers = plan.ofType("aws:lb/loadBalancer:LoadBalancer").stream()
                        .map(lb -> "app/" + lb.name() + "/").collect(Collectors.toSet());
                String lb = dims.get("LoadBalancer");
                return lb != null && balancers.stream().anyMatch(lb::startsWith) ? null : "no such load balancer";
            }
            case "AWS/CloudFront" -> {
                Set<String> distributions = ids(plan, "aws:cloudfront/distribution:Distribution");
                String problem = known(dims, "DistributionId", distributions);
                return problem != null ? problem : "Global".equals(dims.get("Region")) ? null : "Region is not Global";
            }
            case "AWS/Route53" -> {
                return known(dims, "HealthCheckId", ids(plan, "aws:route53/healthCheck:HealthCheck"));
            }
            case "CloudWatchSynthetics" -> {
                // Synthetics publishes a canary's SuccessPercent by CanaryName in the canary's region.
                return known(dims, "CanaryName", names(plan, "aws:synthetics/canary:Canary", "name"));
            }
            default -> {
                return "a namespace this test does not know: add its check";
            }
        }
    }

    private static String known(Map<String, String> dims, String dimension, Set<String> existing) {
        String value = dims.get(dimension);
        return value != null && existing.contains(value) ? null : dimension + " '" + value + "' is in no plan";
    }

    private static Set<String> names(Plan plan, String type, String input) {
        return plan.ofType(type).stream().map(r -> String.valueOf(Plans.input(r, input))).collect(Collectors.toSet());
    }

    private static Set<String> ids(Plan plan, String type) {
        return plan.ofType(type).stream().map(PlannedResource::id).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static List<Reference> alarmReferences(Plan plan) {
        List<Reference> references = new ArrayList<>();
        for (PlannedResource alarm : plan.ofType(ALARM)) {
            String where = alarm.name();
            if (alarm.inputs().get("metricName") != null) {
                references.add(new Reference(where, alarm.region(), (String) alarm.inputs().get("namespace"),
                        (String) alarm.inputs().get("metricName"), strings(alarm.inputs().get("dimensions"))));
            }
            Object queries = alarm.inputs().get("metricQueries");
            if (queries instanceof List<?> list) {
                for (Object query : list) {
                    Object metric = ((Map<String, Object>) query).get("metric");
                    if (metric instanceof Map<?, ?> m) {
                        references.add(new Reference(where, alarm.region(), (String) m.get("namespace"),
                                (String) m.get("metricName"), strings(m.get("dimensions"))));
                    }
                }
            }
        }
        return references;
    }

    private static List<Reference> dashboardReferences(Plan plan) {
        List<Reference> references = new ArrayList<>();
        for (PlannedResource dashboard : plan.ofType("aws:cloudwatch/dashboard:Dashboard")) {
            JsonObject body = JsonParser.parseString((String) dashboard.inputs().get("dashboardBody")).getAsJsonObject();
            for (JsonElement widget : body.getAsJsonArray("widgets")) {
                JsonObject properties = widget.getAsJsonObject().getAsJsonObject("properties");
                if (!properties.has("metrics")) {
                    continue;
                }
                for (JsonElement entry : properties.getAsJsonArray("metrics")) {
                    references.add(widgetMetric(dashboard.name() + " / " + properties.get("title").getAsString(),
                            entry.getAsJsonArray()));
                }
            }
        }
        return references;
    }

    /** {@code [namespace, name, dim1, value1, ..., {"region": ...}]}, the dashboard body's metric array. */
    private static Reference widgetMetric(String where, JsonArray entry) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        int last = entry.size() - 1;
        for (int i = 2; i + 1 < last; i += 2) {
            dimensions.put(entry.get(i).getAsString(), entry.get(i + 1).getAsString());
        }
        String region = entry.get(last).getAsJsonObject().get("region").getAsString();
        return new Reference(where, region, entry.get(0).getAsString(), entry.get(1).getAsString(), dimensions);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> strings(Object map) {
        if (map == null) {
            return Map.of();
        }
        if (!(map instanceof Map<?, ?>)) {
            fail("dimensions are not a map: " + map);
        }
        Map<String, String> result = new LinkedHashMap<>();
        ((Map<String, Object>) map).forEach((key, value) -> result.put(key, String.valueOf(value)));
        return result;
    }
}
