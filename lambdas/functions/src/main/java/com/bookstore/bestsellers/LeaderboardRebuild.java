package com.bookstore.bestsellers;

import com.bookstore.platform.AwsClients;
import com.bookstore.platform.AwsSettings;
import com.bookstore.platform.Environment;
import com.bookstore.platform.RedisClients;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Recomputes the board from the Orders table (after a Redis loss, or to check the stream's work). The
 * new board replaces the old one atomically; records the stream delivers afterwards are applied as
 * differences against what the rebuild counted, so the board keeps converging.
 *
 * <p>Run: {@code ORDERS_TABLE=... REDIS_URL=... AWS_REGION=... java -cp bookstore-functions.jar
 * com.bookstore.bestsellers.LeaderboardRebuild}
 */
public final class LeaderboardRebuild {

    private final DynamoDbClient dynamo;
    private final String ordersTable;
    private final Leaderboard leaderboard;

    public LeaderboardRebuild(DynamoDbClient dynamo, String ordersTable, Leaderboard leaderboard) {
        this.dynamo = dynamo;
        this.ordersTable = ordersTable;
        this.leaderboard = leaderboard;
    }

    /** What a rebuild counted. */
    public record Result(int orders, long copies) {
    }

    public Result rebuild() {
        List<OrderSale> sales = new ArrayList<>();
        dynamo.scanPaginator(r -> r.tableName(ordersTable).consistentRead(true))
                .items().forEach(item -> sales.add(sale(item)));
        leaderboard.replaceAll(sales);
        long copies = sales.stream().flatMap(sale -> sale.copies().values().stream()).mapToLong(Integer::longValue).sum();
        return new Result(sales.size(), copies);
    }

    static OrderSale sale(Map<String, AttributeValue> item) {
        String orderId = item.get("orderId").s();
        if (item.containsKey("status") && "CANCELLED".equals(item.get("status").s())) {
            return OrderSale.nothing(orderId, OrderSale.REBUILT);
        }
        Map<String, Integer> copies = new HashMap<>();
        for (AttributeValue line : item.get("lines").l()) {
            copies.merge(line.m().get("bookId").s(), Integer.parseInt(line.m().get("quantity").n()), Integer::sum);
        }
        return new OrderSale(orderId, OrderSale.REBUILT, copies);
    }

    public static void main(String[] args) {
        var aws = AwsSettings.from(System.getenv());
        try (var dynamo = AwsClients.dynamoDb(aws); var redis = RedisClients.pooled(Environment.required("REDIS_URL"))) {
            Result result = new LeaderboardRebuild(dynamo, Environment.required("ORDERS_TABLE"), new Leaderboard(redis)).rebuild();
            System.out.printf("leaderboard rebuilt: %d orders, %d copies%n", result.orders(), result.copies());
        }
    }
}
