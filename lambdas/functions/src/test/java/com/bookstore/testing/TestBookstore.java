package com.bookstore.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.bookstore.api.ApiHandler;
import com.bookstore.api.BookstoreApi;
import com.bookstore.ops.CatalogueFile;
import com.bookstore.ops.CatalogueSeeder;
import com.bookstore.platform.FunctionSettings;
import com.bookstore.platform.LazyRedisPool;
import com.bookstore.platform.TableNames;
import java.time.Clock;

/**
 * A bookstore on the local engines: fresh tables, the shipped catalogue seeded, its own Redis database,
 * and the real {@link ApiHandler} in front, called with API Gateway events as Lambda would.
 */
public final class TestBookstore {

    private final Engines engines;
    private final TableNames tables;
    private final String redisUrl;
    private final ApiHandler handler;

    private TestBookstore(Engines engines, TableNames tables, String redisUrl) {
        this.engines = engines;
        this.tables = tables;
        this.redisUrl = redisUrl;
        FunctionSettings settings = engines.settings(tables, redisUrl);
        this.handler = new ApiHandler(new BookstoreApi(settings, engines.dynamo(), new LazyRedisPool(redisUrl),
                Clock.systemUTC()));
    }

    public static TestBookstore seeded(Engines engines) {
        TableNames tables = engines.freshTables();
        new CatalogueSeeder(engines.dynamo(), tables.books()).seed(CatalogueFile.books());
        return new TestBookstore(engines, tables, engines.freshRedisUrl());
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
