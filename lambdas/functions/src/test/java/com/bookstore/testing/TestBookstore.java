package com.bookstore.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.bookstore.api.ApiHandler;
import com.bookstore.api.BookstoreApi;
import com.bookstore.platform.FunctionSettings;
import com.bookstore.platform.LazyRedisPool;
import com.bookstore.platform.TableNames;
import com.bookstore.platform.telemetry.LineSink;
import com.bookstore.platform.telemetry.Metrics;
import com.bookstore.platform.telemetry.RequestLog;
import com.bookstore.platform.telemetry.Telemetry;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A bookstore on the local engines: fresh tables, the shipped catalogue seeded, its own Redis database,
 * and the real {@link ApiHandler} in front, called with API Gateway events as Lambda would.
 */
public final class TestBookstore {

    private final Engines engines;
    private final TableNames tables;
    private final String redisUrl;
    private final ApiHandler handler;
    private final Path metricsFile;
    private final Path requestLogFile;

    private TestBookstore(Engines engines, TableNames tables, String redisUrl) {
        this.engines = engines;
        this.tables = tables;
        this.redisUrl = redisUrl;
        FunctionSettings settings = engines.settings(tables, redisUrl);
        try {
            this.metricsFile = Files.createTempFile("bookstore-metrics-", ".jsonl");
            this.requestLogFile = Files.createTempFile("bookstore-requests-", ".jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        metricsFile.toFile().deleteOnExit();
        requestLogFile.toFile().deleteOnExit();
        var telemetry = new Telemetry(
                new Metrics(settings.region(), settings.role(), LineSink.appendingTo(metricsFile), Clock.systemUTC()),
                new RequestLog(settings.region(), settings.role(), LineSink.appendingTo(requestLogFile), Clock.systemUTC()));
        this.handler = new ApiHandler(new BookstoreApi(settings, engines.dynamo(), new LazyRedisPool(redisUrl),
                Clock.systemUTC(), telemetry));
    }

    /** The embedded-metric-format lines this bookstore's handler wrote, oldest first. */
    public List<JsonObject> metricLines() {
        return jsonLines(metricsFile);
    }

    /** The request log lines this bookstore's handler wrote, oldest first. */
    public List<JsonObject> requestLogLines() {
        return jsonLines(requestLogFile);
    }

    private static List<JsonObject> jsonLines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestBookstore seeded(Engines engines) {
        return new TestBookstore(engines, engines.freshTablesWithCatalogue(), engines.freshRedisUrl());
    }

    /** The same tables behind a handler whose Redis is at {@code redisUrl} (a dead or private one). */
    public TestBookstore withRedis(String otherRedisUrl) {
        return new TestBookstore(engines, tables, otherRedisUrl);
    }

    public ApiResult call(ApiEvent request) {
        return call(request.build());
    }

    public ApiResult call(APIGatewayV2HTTPEvent event) {
        return ApiResult.of(handler.handleRequest(event, null));
    }

    public String faultParameter() {
        return engines.settings(tables, redisUrl).faultParameter();
    }

    public TableNames tables() {
        return tables;
    }

    public String redisUrl() {
        return redisUrl;
    }

    public Engines engines() {
        return engines;
    }
}
