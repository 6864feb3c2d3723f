package com.bookstore.bestsellers;

import com.bookstore.platform.AwsClients;
import com.bookstore.platform.AwsSettings;
import com.bookstore.platform.Environment;
import com.bookstore.platform.RedisClients;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Recomputes the board from the Orders table (after a Redis loss, or to check the stream's work). The
 * new board replaces the old one atomically; records the stream delivers afterwards are applied as
 * differences against what the rebuild counted, so the board keeps converging, except records created
 * before the scan began, which the scan already reflects (see {@link Leaderboard}). The scan's time is
 * taken {@link #CLOCK_MARGIN} early: a record created just before the scan is then applied (and a later
 * record of the same order, delivered after it, corrects the board), while one created after the scan is
 * never taken for old as long as this host's clock is not that far ahead of DynamoDB's.
 *
 * <p>Run: {@code ORDERS_TABLE=... REDIS_URL=... AWS_REGION=... java -cp bookstore-functions.jar
 * com.bookstore.bestsellers.LeaderboardRebuild}
 */
public final class LeaderboardRebuild {

    /** Allowance for this host's clock running ahead of DynamoDB's, plus the stream's rounding to seconds. */
    static final Duration CLOCK_MARGIN = Duration.ofSeconds(5);

    private final DynamoDbClient dynamo;
    private final String ordersTable;
    private final Leaderboard leaderboard;
    private final Clock clock;

    public LeaderboardRebuild(DynamoDbClient dynamo, String ordersTable, Leaderboard leaderboard) {
        this(dynamo, ordersTable, leaderboard, Clock.systemUTC());
    }

    public LeaderboardRebuild(DynamoDbClient dynamo, String ordersTable, Leaderboard leaderboard, Clock clock) {
        this.dynamo = dynamo;
        this.ordersTable = ordersTable;
        this.leaderboard = leaderboard;
        this.clock = clock;
    }

    /** What a rebuild counted. */
    public record Result(int orders, long copies) {
    }

    public Result rebuild() {
        long scanStart = clock.instant().minus(CLOCK_MARGIN).getEpochSecond();
        List<OrderSale> sales = new ArrayList<>();
        dynamo.scanPaginator(r -> r.tableName(ordersTable).consistentRead(true))
                .items().forEach(item -> sales.add(sale(item, scanStart)));
        leaderboard.replaceAll(sales);
        long copies = sales.stream().flatMap(sale -> sale.copies().values().stream()).mapToLong(Integer::longValue).sum();
        return new Result(sales.size(), copies);
    }

    static OrderSale sale(Map<String, AttributeValue> item, long scanStart) {
        String orderId = item.get("orderId").s();
        if (item.containsKey("status") && "CANCELLED".equals(item.get("status").s())) {
            return OrderSale.rebuilt(orderId, scanStart, Map.of());
        }
        Map<String, Integer> copies = new HashMap<>();
        for (AttributeValue line : item.get("lines").l()) {
            copies.merge(line.m().get("bookId").s(), Integer.parseInt(line.m().get("quantity").n()), Integer::sum);
        }
        return OrderSale.rebuilt(orderId, scanStart, copies);
    }

    public static void main(String[] args) {
        var aws = AwsSettings.from(System.getenv());
        try (var dynamo = AwsClients.dynamoDb(aws); var redis = RedisClients.pooled(Environment.required("REDIS_URL"))) {
            Result result = new LeaderboardRebuild(dynamo, Environment.required("ORDERS_TABLE"), new Leaderboard(redis)).rebuild();
            System.out.printf("leaderboard rebuilt: %d orders, %d copies%n", result.orders(), result.copies());
        }
    }
}
