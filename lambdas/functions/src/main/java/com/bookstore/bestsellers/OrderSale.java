package com.bookstore.bestsellers;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one order currently contributes to the board: copies per book id. A removed or cancelled order
 * contributes nothing. {@code sequence} orders the versions of one order (the stream's sequence number;
 * {@value #REBUILT} for a board rebuilt from the table), so an old or repeated record changes nothing.
 */
public record OrderSale(String orderId, String sequence, Map<String, Integer> copies) {

    public static final String REBUILT = "0";

    public OrderSale {
        if (orderId == null || orderId.isEmpty() || sequence == null || !sequence.matches("[0-9]{1,64}")) {
            throw new IllegalArgumentException("an order sale needs an order id and a numeric sequence");
        }
        copies = Map.copyOf(copies);
        for (var entry : copies.entrySet()) {
            if (!entry.getKey().matches("[A-Za-z0-9_-]{1,64}") || entry.getValue() <= 0) {
                throw new IllegalArgumentException("unexpected order line " + entry.getKey() + "=" + entry.getValue());
            }
        }
    }

    public static OrderSale nothing(String orderId, String sequence) {
        return new OrderSale(orderId, sequence, Map.of());
    }

    /** {@code bookA=2;bookB=1}, sorted: the form the Redis script reads. */
    String encodedCopies() {
        return new TreeMap<>(copies).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }
}
