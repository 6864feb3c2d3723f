package com.bookstore.platform.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.contract.BookstoreMetric;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each line obeys the embedded metric format specification (CloudWatch_Embedded_Metric_Format_Specification). */
class MetricsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:15:30.123Z");

    @ParameterizedTest
    @EnumSource(BookstoreMetric.class)
    void everyMetricIsAValidEmbeddedMetricFormatDocument(BookstoreMetric metric) {
        List<String> lines = new ArrayList<>();
        new Metrics("eu-west-1", "secondary", lines::add, Clock.fixed(NOW, ZoneOffset.UTC)).record(metric, 7);

        assertEquals(1, lines.size());
        JsonObject root = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        JsonObject aws = root.getAsJsonObject("_aws");
        assertEquals(NOW.toEpochMilli(), aws.get("Timestamp").getAsLong(), "Timestamp: epoch milliseconds");
        JsonArray directives = aws.getAsJsonArray("CloudWatchMetrics");
        assertEquals(1, directives.size());
        JsonObject directive = directives.get(0).getAsJsonObject();
        assertEquals("Bookstore", directive.get("Namespace").getAsString());
        // Every dimension of every dimension set is a string member of the root (the specification's target members).
        for (var set : directive.getAsJsonArray("Dimensions")) {
            for (var dimension : set.getAsJsonArray()) {
                assertTrue(root.get(dimension.getAsString()).getAsJsonPrimitive().isString(), dimension.toString());
            }
        }
        assertEquals("eu-west-1", root.get("Region").getAsString());
        assertEquals("secondary", root.get("Role").getAsString());
        JsonObject definition = directive.getAsJsonArray("Metrics").get(0).getAsJsonObject();
        assertEquals(metric.metricName(), definition.get("Name").getAsString());
        assertEquals(metric.unit().cloudWatchName(), definition.get("Unit").getAsString());
        assertEquals(7.0, root.get(metric.metricName()).getAsDouble(), "the value is the root member named by the metric");
    }

    @Test
    void aSinkThatFailsNeverFailsTheCaller() {
        var metrics = new Metrics("eu-west-1", "primary", line -> {
            throw new IllegalStateException("disk full");
        }, Clock.systemUTC());

        metrics.count(BookstoreMetric.ORDERS_PLACED);
    }

    @Test
    void metricNamesAreUniqueAndWithinCloudWatchLimits() {
        var names = java.util.Arrays.stream(BookstoreMetric.values()).map(BookstoreMetric::metricName).toList();
        assertEquals(names.size(), names.stream().distinct().count());
        // CloudWatch metric names: 1-255 characters (API_MetricDatum); dimension sets: at most 30 dimensions.
        assertTrue(names.stream().allMatch(name -> !name.isEmpty() && name.length() <= 255));
        assertTrue(BookstoreMetric.DIMENSIONS.size() <= 30);
    }
}
