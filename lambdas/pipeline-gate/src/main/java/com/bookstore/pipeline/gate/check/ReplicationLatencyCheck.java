package com.bookstore.pipeline.gate.check;

import com.bookstore.pipeline.gate.settings.ReplicationRoute;
import com.bookstore.pipeline.gate.settings.ReplicationSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * DynamoDB global-table replication latency ({@code AWS/DynamoDB ReplicationLatency}, per {@code TableName} and
 * {@code ReceivingRegion}) read with one GetMetricData call per source region. The worst one-minute maximum over
 * the look-back window must stay under the threshold: above it the replica is behind and promoting would widen the
 * RPO, so the gate waits for it to catch up.
 */
public final class ReplicationLatencyCheck implements RegionCheck {
    private static final String NAMESPACE = "AWS/DynamoDB";
    private static final String METRIC = "ReplicationLatency";
    private static final int PERIOD_SECONDS = 60;

    private final ReplicationSettings settings;
    private final Function<String, CloudWatchClient> cloudWatchIn;
    private final Clock clock;

    public ReplicationLatencyCheck(ReplicationSettings settings, Function<String, CloudWatchClient> cloudWatchIn,
                                   Clock clock) {
        this.settings = settings;
        this.cloudWatchIn = cloudWatchIn;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "replication";
    }

    @Override
    public CheckResult run() {
        Map<Series, Double> worst = new LinkedHashMap<>();
        for (Map.Entry<String, List<Series>> source : seriesBySourceRegion().entrySet()) {
            try {
                worst.putAll(worstLatencies(source.getKey(), source.getValue()));
            } catch (AwsServiceException e) {
                String detail = "CloudWatch in " + source.getKey() + " refused GetMetricData: "
                        + e.awsErrorDetails().errorMessage();
                return e.statusCode() == 403 ? CheckResult.failed(name(), detail) : CheckResult.waiting(name(), detail);
            } catch (SdkException e) {
                return CheckResult.waiting(name(), "CloudWatch in " + source.getKey() + " unavailable: " + e.getMessage());
            }
        }
        return judge(worst);
    }

    private CheckResult judge(Map<Series, Double> worst) {
        long limit = settings.maxLatency().toMillis();
        String window = " over the last " + settings.lookback().toMinutes() + " min";
        List<String> lagging = new ArrayList<>();
        List<String> quiet = new ArrayList<>();
        double max = 0;
        for (Map.Entry<Series, Double> entry : worst.entrySet()) {
            if (entry.getValue() == null) {
                quiet.add(entry.getKey().toString());
            } else {
                max = Math.max(max, entry.getValue());
                if (entry.getValue() > limit) {
                    lagging.add(entry.getKey() + " " + Math.round(entry.getValue()) + " ms");
                }
            }
        }
        if (!lagging.isEmpty()) {
            return CheckResult.waiting(name(), "replication latency above " + limit + " ms" + window + ": "
                    + String.join(", ", lagging));
        }
        if (quiet.size() == worst.size()) {
            String detail = "no ReplicationLatency data points" + window + " (no replicated writes)";
            return settings.requireDatapoints() ? CheckResult.waiting(name(), detail) : CheckResult.passed(name(), detail);
        }
        String detail = "max " + Math.round(max) + " ms <= " + limit + " ms" + window + " across "
                + (worst.size() - quiet.size()) + " table route(s)";
        if (!quiet.isEmpty()) {
            detail += "; no data for " + String.join(", ", quiet);
            if (settings.requireDatapoints()) {
                return CheckResult.waiting(name(), detail);
            }
        }
        return CheckResult.passed(name(), detail);
    }

    private Map<String, List<Series>> seriesBySourceRegion() {
        Map<String, List<Series>> bySource = new LinkedHashMap<>();
        for (ReplicationRoute route : settings.routes()) {
            for (String table : settings.tables()) {
                bySource.computeIfAbsent(route.sourceRegion(), r -> new ArrayList<>()).add(new Series(table, route));
            }
        }
        return bySource;
    }

    /** The largest data point of each series, or null for a series without data in the window. */
    private Map<Series, Double> worstLatencies(String sourceRegion, List<Series> series) {
        Map<String, Series> byQueryId = new LinkedHashMap<>();
        List<MetricDataQuery> queries = new ArrayList<>();
        for (Series s : series) {
            String id = "q" + byQueryId.size();
            byQueryId.put(id, s);
            queries.add(MetricDataQuery.builder()
                    .id(id)
                    .returnData(true)
                    .metricStat(MetricStat.builder()
                            .metric(Metric.builder()
                                    .namespace(NAMESPACE)
                                    .metricName(METRIC)
                                    .dimensions(
                                            Dimension.builder().name("TableName").value(s.table()).build(),
                                            Dimension.builder().name("ReceivingRegion")
                                                    .value(s.route().receivingRegion()).build())
                                    .build())
                            .period(PERIOD_SECONDS)
                            .stat("Maximum")
                            .build())
                    .build());
        }
        Instant end = clock.instant();
        Map<Series, Double> worst = new HashMap<>();
        byQueryId.values().forEach(s -> worst.put(s, null));
        CloudWatchClient cloudWatch = cloudWatchIn.apply(sourceRegion);
        String nextToken = null;
        do {
            GetMetricDataResponse response = cloudWatch.getMetricData(GetMetricDataRequest.builder()
                    .metricDataQueries(queries)
                    .startTime(end.minus(settings.lookback()))
                    .endTime(end)
                    .nextToken(nextToken)
                    .build());
            for (MetricDataResult result : response.metricDataResults()) {
                Series s = byQueryId.get(result.id());
                if (s == null) {
                    continue;
                }
                for (Double value : result.values()) {
                    Double current = worst.get(s);
                    worst.put(s, current == null ? value : Math.max(current, value));
                }
            }
            nextToken = response.nextToken();
        } while (nextToken != null);
        Map<Series, Double> ordered = new LinkedHashMap<>();
        byQueryId.values().forEach(s -> ordered.put(s, worst.get(s)));
        return ordered;
    }

    private record Series(String table, ReplicationRoute route) {
        @Override
        public String toString() {
            return table + " " + route;
        }
    }
}
