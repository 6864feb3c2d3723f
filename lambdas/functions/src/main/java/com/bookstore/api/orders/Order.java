package com.bookstore.api.orders;

import java.math.BigDecimal;
import java.util.List;

/**
 * A placed order as the customer sees it. {@code region} is where it was written: with asynchronous
 * replication between regions that is worth showing, and it is what a failover drill counts.
 */
public record Order(String orderId, String createdAt, String status, List<OrderLine> items, int itemCount,
        BigDecimal total, String region) {

    public static final String PLACED = "PLACED";
    public static final String CANCELLED = "CANCELLED";
}
