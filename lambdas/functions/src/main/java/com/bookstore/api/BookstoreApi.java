package com.bookstore.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.bookstore.api.bestsellers.BestSellerBoard;
import com.bookstore.api.bestsellers.BestSellerRoutes;
import com.bookstore.api.cart.CartRoutes;
import com.bookstore.api.cart.CartTable;
import com.bookstore.api.cart.ShoppingCart;
import com.bookstore.api.catalogue.BookTable;
import com.bookstore.api.catalogue.Catalogue;
import com.bookstore.api.catalogue.CatalogueRoutes;
import com.bookstore.api.http.ApiGatewayAdapter;
import com.bookstore.api.http.Route;
import com.bookstore.api.http.Router;
import com.bookstore.api.orders.Checkout;
import com.bookstore.api.orders.CheckoutRateLimit;
import com.bookstore.api.orders.OrderRoutes;
import com.bookstore.api.orders.OrderTable;
import com.bookstore.api.status.FaultSwitchReader;
import com.bookstore.api.status.DeepHealthCheck;
import com.bookstore.api.status.RegionInfo;
import com.bookstore.api.status.StatusRoutes;
import com.bookstore.bestsellers.Leaderboard;
import com.bookstore.platform.AwsClients;
import com.bookstore.platform.FunctionSettings;
import com.bookstore.platform.LazyRedisPool;
import com.bookstore.platform.SsmParameterReader;
import com.bookstore.platform.telemetry.Telemetry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The API wired together once per container: clients, tables, domain services and the route table.
 * Reading the route table here is reading the API.
 */
public final class BookstoreApi {

    private final Router router;
    private final ApiGatewayAdapter adapter;
    private final LazyRedisPool redis;
    private final Telemetry telemetry;
    /** Set by the first request this container (or this SnapStart restore) serves: its log line says coldStart. */
    private final AtomicBoolean served = new AtomicBoolean();

    /** Telemetry to standard output (CloudWatch Logs in Lambda) unless the environment names files. */
    public BookstoreApi(FunctionSettings settings, DynamoDbClient dynamo, LazyRedisPool redis, Clock clock) {
        this(settings, dynamo, redis, clock, Telemetry.of(settings.region(), settings.role(), System.getenv(), clock));
    }

    public BookstoreApi(FunctionSettings settings, DynamoDbClient dynamo, LazyRedisPool redis, Clock clock,
                        Telemetry telemetry) {
        var metrics = telemetry.metrics();
        var region = new RegionInfo(settings.region(), settings.role());
        var bookTable = new BookTable(dynamo, settings.tables().books());
        var cartTable = new CartTable(dynamo, settings.tables().cart());
        var orderTable = new OrderTable(dynamo, settings.tables().orders(), settings.tables().cart());
        var catalogue = new Catalogue(bookTable);
        var leaderboard = new Leaderboard(redis);

        List<Route> routes = new ArrayList<>();
        routes.addAll(CatalogueRoutes.of(catalogue));
        routes.addAll(BestSellerRoutes.of(new BestSellerBoard(leaderboard, catalogue, metrics)));
        var faultSwitch = new FaultSwitchReader(() -> new SsmParameterReader(settings.aws()), settings.faultParameter(), clock,
                metrics);
        routes.addAll(StatusRoutes.of(new DeepHealthCheck(bookTable, leaderboard, region, clock), faultSwitch, region));
        routes.addAll(CartRoutes.of(new ShoppingCart(cartTable, catalogue), metrics));
        routes.addAll(OrderRoutes.of(new Checkout(cartTable, orderTable, catalogue, clock, settings.region(),
                new CheckoutRateLimit(dynamo, settings.tables().cart(), settings.checkoutLimits(), clock)), orderTable,
                metrics));

        this.router = new Router(routes);
        this.adapter = new ApiGatewayAdapter(router, settings.region());
        this.redis = redis;
        this.telemetry = telemetry;
    }

    public static BookstoreApi fromEnvironment() {
        var settings = FunctionSettings.fromEnvironment();
        return new BookstoreApi(settings, AwsClients.dynamoDb(settings.aws()), new LazyRedisPool(settings.redisUrl()),
                Clock.systemUTC());
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        long started = System.nanoTime();
        APIGatewayV2HTTPResponse response = adapter.handle(event);
        var context = event.getRequestContext();
        telemetry.requestLog().apiRequest(context == null ? null : context.getRequestId(), event.getRouteKey(),
                response.getStatusCode(), (System.nanoTime() - started) / 1_000_000, !served.getAndSet(true),
                ApiGatewayAdapter.subject(event).orElse(null));
        return response;
    }

    public Router router() {
        return router;
    }

    /**
     * Runs the read-only hot paths once so that their classes are loaded and initialised (Gson, SDK
     * marshallers, Jedis) before a SnapStart snapshot, then drops pooled Redis sockets, which would not
     * survive a restore anyway.
     */
    public void prime() {
        for (String path : List.of("/books", "/books/prime-0000", "/bestsellers", "/health", "/region")) {
            try {
                adapter.handle(syntheticGet(path)); // not handle(): priming is no request to log
            } catch (RuntimeException ignored) {
                // best effort: the adapter already turns failures into responses
            }
        }
        redis.dropIdleConnections();
    }

    private static APIGatewayV2HTTPEvent syntheticGet(String path) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRawPath(path)
                .withRouteKey("GET " + path)
                .withHeaders(Map.of("accept", "application/json"))
                .withQueryStringParameters(Map.of("limit", "1"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path).build())
                        .build())
                .build();
    }
}
