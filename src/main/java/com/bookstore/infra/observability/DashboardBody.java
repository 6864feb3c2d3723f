package com.bookstore.infra.observability;

import com.bookstore.contract.BookstoreMetric;
import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two-region dashboard's body (CloudWatch dashboard body structure, CloudWatch-Dashboard-Body-Structure.html),
 * generated from the metric registry and the names both stacks share, so no widget names a metric nobody emits.
 * Each graph shows the primary and the secondary side by side, each series with its own {@code region}.
 */
public final class DashboardBody {

    /** One stack: where it runs and its role, the dimensions of the code's own metrics. */
    public record Side(String region, String role) {
    }

    /**
     * @param primary            the primary region
     * @param secondary          the secondary region
     * @param apiFunction        the API function's name (the same in both regions)
     * @param consumerFunction   the stream consumer's name (the same in both regions)
     * @param ordersTable        the orders global table
     * @param compositeAlarmArns the "customers affected" alarm of each region
     */
    public record Inputs(Side primary, Side secondary, String apiFunction, String consumerFunction, String ordersTable,
                         List<String> compositeAlarmArns) {
    }

    /**
     * One region's own view: its API (by its id, which only its own stack knows), functions, stream, replication
     * to the peer, failure queue and the states of all its alarms.
     *
     * @param side         the region and its role
     * @param peerRegion   where its table replication goes
     * @param apiId        its HTTP API
     * @param failureQueue the stream consumer's failure queue
     * @param alarmArns    every alarm of the region
     */
    public record RegionInputs(Side side, String peerRegion, String apiId, String apiFunction, String consumerFunction,
                               String ordersTable, String failureQueue, List<String> alarmArns) {
    }

    private static final int WIDTH = 12;
    private static final int HEIGHT = 6;

    private DashboardBody() {
    }

    public static String json(Inputs in) {
        List<Map<String, Object>> widgets = new ArrayList<>();
        widgets.add(text("# Bookstore, both regions\nPrimary **" + in.primary().region() + "**, secondary **"
                + in.secondary().region() + "**. Alarms and what to do: docs/observability.md."));
        widgets.add(alarms("Customers affected, per region", in.compositeAlarmArns()));
        widgets.add(graph("Orders placed per minute", "Sum", own(in, BookstoreMetric.ORDERS_PLACED)));
        widgets.add(graph("API function errors per minute", "Sum", lambda(in, "Errors", in.apiFunction())));
        widgets.add(graph("API function duration p99 (ms)", "p99", lambda(in, "Duration", in.apiFunction())));
        widgets.add(graph("API function throttles", "Sum", lambda(in, "Throttles", in.apiFunction())));
        widgets.add(graph("Best sellers: consumer lag (IteratorAge, ms)", "Maximum",
                lambda(in, "IteratorAge", in.consumerFunction())));
        widgets.add(graph("Best sellers: newest record's age (ms)", "Maximum", own(in, BookstoreMetric.STREAM_RECORD_AGE)));
        widgets.add(graph("Orders replication latency, both ways (ms)", "Average", List.of(
                metric("AWS/DynamoDB", "ReplicationLatency", Map.of("TableName", in.ordersTable(),
                        "ReceivingRegion", in.secondary().region()), in.primary().region(),
                        in.primary().region() + " to " + in.secondary().region()),
                metric("AWS/DynamoDB", "ReplicationLatency", Map.of("TableName", in.ordersTable(),
                        "ReceivingRegion", in.primary().region()), in.secondary().region(),
                        in.secondary().region() + " to " + in.primary().region()))));
        widgets.add(graph("Checkout conflicts and replays", "Sum", concat(own(in, BookstoreMetric.CHECKOUT_CONFLICTS),
                own(in, BookstoreMetric.IDEMPOTENT_REPLAYS))));
        widgets.add(graph("Redis fallbacks (stale best sellers)", "Sum", own(in, BookstoreMetric.REDIS_FALLBACKS)));
        widgets.add(graph("Drill fault switch (1 = on)", "Maximum", own(in, BookstoreMetric.FAULT_SWITCH_ON)));
        place(widgets);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(Map.of("widgets", widgets));
    }

    public static String regionJson(RegionInputs in) {
        String region = in.side().region();
        String label = in.side().role() + " " + region;
        Map<String, String> api = Map.of("ApiId", in.apiId(), "Stage", "$default");
        List<Map<String, Object>> widgets = new ArrayList<>();
        widgets.add(text("# Bookstore, " + label + "\nThis region only; both regions side by side: the dashboard "
                + "`bookstore-operations` in the primary. Alarms and what to do: docs/observability.md."));
        widgets.add(alarms("Alarms of " + region, in.alarmArns()));
        widgets.add(graph("API requests and 5xx per minute", "Sum", List.of(
                metric("AWS/ApiGateway", "Count", api, region, "requests"),
                metric("AWS/ApiGateway", "5xx", api, region, "5xx"),
                metric("AWS/ApiGateway", "4xx", api, region, "4xx"))));
        widgets.add(graph("API latency p50 / p99 (ms)", "p99", List.of(
                metric("AWS/ApiGateway", "Latency", api, region, "p99"),
                withStat(metric("AWS/ApiGateway", "Latency", api, region, "p50"), "p50"))));
        widgets.add(graph("Orders placed per minute", "Sum", List.of(ownMetric(in.side(), BookstoreMetric.ORDERS_PLACED))));
        widgets.add(graph("Functions: errors and throttles", "Sum", List.of(
                metric("AWS/Lambda", "Errors", Map.of("FunctionName", in.apiFunction()), region, "API errors"),
                metric("AWS/Lambda", "Throttles", Map.of("FunctionName", in.apiFunction()), region, "API throttles"),
                metric("AWS/Lambda", "Errors", Map.of("FunctionName", in.consumerFunction()), region, "consumer errors"))));
        widgets.add(graph("Best sellers: consumer lag (IteratorAge, ms)", "Maximum", List.of(
                metric("AWS/Lambda", "IteratorAge", Map.of("FunctionName", in.consumerFunction()), region, "lag"))));
        widgets.add(graph("Orders replication to " + in.peerRegion() + " (ms)", "Average", List.of(
                metric("AWS/DynamoDB", "ReplicationLatency", Map.of("TableName", in.ordersTable(),
                        "ReceivingRegion", in.peerRegion()), region, region + " to " + in.peerRegion()))));
        widgets.add(graph("Stream batches given up (failure queue)", "Maximum", List.of(
                metric("AWS/SQS", "ApproximateNumberOfMessagesVisible", Map.of("QueueName", in.failureQueue()), region,
                        "in the queue"))));
        widgets.add(graph("Redis fallbacks and checkouts refused", "Sum", List.of(
                ownMetric(in.side(), BookstoreMetric.REDIS_FALLBACKS),
                ownMetric(in.side(), BookstoreMetric.CHECKOUT_CONFLICTS),
                ownMetric(in.side(), BookstoreMetric.CHECKOUTS_RATE_LIMITED))));
        place(widgets);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(Map.of("widgets", widgets));
    }

    private static List<Object> ownMetric(Side side, BookstoreMetric metric) {
        return ownMetric(side, metric, metric.metricName());
    }

    /** A metric the code emits, with the registry's dimensions and this side's values. */
    private static List<Object> ownMetric(Side side, BookstoreMetric metric, String label) {
        return metric(BookstoreMetric.NAMESPACE, metric.metricName(),
                Map.of(BookstoreMetric.DIMENSIONS.get(0), side.region(), BookstoreMetric.DIMENSIONS.get(1), side.role()),
                side.region(), label);
    }

    /** A series with its own statistic instead of the widget's. */
    @SuppressWarnings("unchecked")
    private static List<Object> withStat(List<Object> series, String stat) {
        Map<String, Object> options = new java.util.LinkedHashMap<>((Map<String, Object>) series.get(series.size() - 1));
        options.put("stat", stat);
        series.set(series.size() - 1, options);
        return series;
    }

    /** A metric the code emits, once per side, with the registry's dimensions. */
    private static List<List<Object>> own(Inputs in, BookstoreMetric metric) {
        return List.of(in.primary(), in.secondary()).stream()
                .map(side -> ownMetric(side, metric, side.role() + " " + side.region())).toList();
    }

    private static List<List<Object>> lambda(Inputs in, String metricName, String function) {
        return List.of(
                metric("AWS/Lambda", metricName, Map.of("FunctionName", function), in.primary().region(),
                        "primary " + in.primary().region()),
                metric("AWS/Lambda", metricName, Map.of("FunctionName", function), in.secondary().region(),
                        "secondary " + in.secondary().region()));
    }

    private static List<Object> metric(String namespace, String name, Map<String, String> dimensions, String region,
                                       String label) {
        List<Object> entry = new ArrayList<>(List.of(namespace, name));
        new java.util.TreeMap<>(dimensions).forEach((key, value) -> {
            entry.add(key);
            entry.add(value);
        });
        entry.add(Map.of("region", region, "label", label));
        return entry;
    }

    private static Map<String, Object> graph(String title, String stat, List<List<Object>> metrics) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("title", title);
        properties.put("view", "timeSeries");
        properties.put("stat", stat);
        properties.put("period", 60);
        properties.put("metrics", metrics);
        return widget("metric", properties);
    }

    private static Map<String, Object> alarms(String title, List<String> alarmArns) {
        return widget("alarm", Map.of("title", title, "alarms", alarmArns));
    }

    private static Map<String, Object> text(String markdown) {
        return widget("text", Map.of("markdown", markdown));
    }

    private static Map<String, Object> widget(String type, Map<String, Object> properties) {
        Map<String, Object> widget = new LinkedHashMap<>();
        widget.put("type", type);
        widget.put("properties", properties);
        return widget;
    }

    /** Two widgets a row on the 24-column grid. */
    private static void place(List<Map<String, Object>> widgets) {
        for (int i = 0; i < widgets.size(); i++) {
            Map<String, Object> widget = widgets.get(i);
            widget.put("x", (i % 2) * WIDTH);
            widget.put("y", (i / 2) * HEIGHT);
            widget.put("width", WIDTH);
            widget.put("height", HEIGHT);
        }
    }

    @SafeVarargs
    private static List<List<Object>> concat(List<List<Object>>... parts) {
        List<List<Object>> all = new ArrayList<>();
        for (List<List<Object>> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
