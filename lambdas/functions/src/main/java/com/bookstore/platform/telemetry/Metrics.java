package com.bookstore.platform.telemetry;

import com.bookstore.contract.BookstoreMetric;
import com.google.gson.Gson;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes {@link BookstoreMetric}s as CloudWatch embedded metric format lines, one line per value, with the
 * region and role of this function as dimensions. The format: docs.aws.amazon.com/AmazonCloudWatch/latest/
 * monitoring/CloudWatch_Embedded_Metric_Format_Specification.html. A metric that cannot be written is
 * logged and dropped: telemetry never fails a shopper's request.
 */
public final class Metrics {

    private static final Logger LOG = Logger.getLogger(Metrics.class.getName());
    private static final Gson GSON = new Gson();

    private final String region;
    private final String role;
    private final LineSink sink;
    private final Clock clock;

    public Metrics(String region, String role, LineSink sink, Clock clock) {
        this.region = region;
        this.role = role;
        this.sink = sink;
        this.clock = clock;
    }

    public void count(BookstoreMetric metric) {
        record(metric, 1);
    }

    public void record(BookstoreMetric metric, double value) {
        try {
            sink.write(line(metric, value));
        } catch (RuntimeException unwritable) {
            LOG.log(Level.WARNING, "metric {0} dropped: {1}", new Object[] {metric.metricName(), unwritable.toString()});
        }
    }

    String line(BookstoreMetric metric, double value) {
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", BookstoreMetric.NAMESPACE);
        directive.put("Dimensions", List.of(BookstoreMetric.DIMENSIONS));
        directive.put("Metrics", List.of(Map.of("Name", metric.metricName(), "Unit", metric.unit().cloudWatchName())));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of("Timestamp", clock.millis(), "CloudWatchMetrics", List.of(directive)));
        line.put("Region", region);
        line.put("Role", role);
        line.put(metric.metricName(), value);
        return GSON.toJson(line);
    }
}
