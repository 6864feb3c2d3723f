package com.bookstore.ops.drill;

/**
 * An order the bookstore acknowledged (201 or 200 to {@code POST /orders}): the promise the drill
 * checks is kept. {@code shopper} indexes the virtual shopper whose token reads it back.
 */
public record AcknowledgedOrder(String orderId, int shopper, long acknowledgedAt, String region) {}
