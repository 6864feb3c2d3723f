package com.bookstore.pipeline.gate;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * CloudWatch per region as the replication check sees it. A Mockito stand-in because moto 5.2.5 cannot answer the
 * CBOR protocol of this SDK's CloudWatch client; it answers only queries for metrics a test published in that
 * region, matched on namespace, metric name, stat and both dimensions, so a query built wrong finds nothing.
 */
final class RegionalCloudWatch {
    private record SeriesKey(String region, String table, String receivingRegion) {
    }

    private record Point(Instant at, double millis) {
    }

    private final Map<SeriesKey, List<Point>> published = new HashMap<>();
    private final Map<String, CloudWatchClient> clients = new HashMap<>();
    private final List<String> queriedRegions = new CopyOnWriteArrayList<>();

    CloudWatchClient in(String region) {
        return clients.computeIfAbsent(region, this::clientFor);
    }

    /** What DynamoDB publishes in the region a write came from, for one table and destination. */
    void publishReplicationLatency(String region, String table, String receivingRegion, Instant at, double millis) {
        published.computeIfAbsent(new SeriesKey(region, table, receivingRegion), k -> new ArrayList<>())
                .add(new Point(at, millis));
    }

    List<String> queriedRegions() {
        return List.copyOf(queriedRegions);
    }

    private CloudWatchClient clientFor(String region) {
        CloudWatchClient client = mock(CloudWatchClient.class);
        when(client.getMetricData(any(GetMetricDataRequest.class)))
                .thenAnswer(invocation -> answer(region, invocation.getArgument(0)));
        return client;
    }

    private GetMetricDataResponse answer(String region, GetMetricDataRequest request) {
        queriedRegions.add(region);
        List<MetricDataResult> results = new ArrayList<>();
        for (MetricDataQuery query : request.metricDataQueries()) {
            var stat = query.metricStat();
            List<Double> values = new ArrayList<>();
            List<Instant> timestamps = new ArrayList<>();
            if ("AWS/DynamoDB".equals(stat.metric().namespace()) && "ReplicationLatency".equals(stat.metric().metricName())
                    && "Maximum".equals(stat.stat()) && stat.metric().dimensions().size() == 2) {
                SeriesKey key = new SeriesKey(region, dimension(stat.metric().dimensions(), "TableName"),
                        dimension(stat.metric().dimensions(), "ReceivingRegion"));
                for (Point point : published.getOrDefault(key, List.of())) {
                    if (!point.at().isBefore(request.startTime()) && point.at().isBefore(request.endTime())) {
                        values.add(point.millis());
                        timestamps.add(point.at());
                    }
                }
            }
            results.add(MetricDataResult.builder().id(query.id()).label(stat.metric().metricName())
                    .values(values).timestamps(timestamps).statusCode(StatusCode.COMPLETE).build());
        }
        return GetMetricDataResponse.builder().metricDataResults(results).build();
    }

    private static String dimension(List<Dimension> dimensions, String name) {
        return dimensions.stream().filter(d -> name.equals(d.name())).map(Dimension::value).findFirst().orElse(null);
    }
}
