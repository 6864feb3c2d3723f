package com.bookstore.bestsellers;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one order currently contributes to the board: copies per book id. A removed or cancelled order
 * contributes nothing. {@code sequence} orders the versions of one order (the stream's sequence number;
 * {@value #REBUILT} for a board rebuilt from the table), so an old or repeated record changes nothing.
 * {@code createdAt} is when the change was made, in epoch seconds (the stream record's approximate creation
 * time; for a rebuild, a moment before its scan began), or {@value #UNKNOWN_TIME}: stream sequence numbers
 * cannot be compared with a rebuild, times can (see {@link Leaderboard}).
 */
public record OrderSale(String orderId, String sequence, long createdAt, Map<String, Integer> copies) {

    public static final String REBUILT = "0";
    public static final long UNKNOWN_TIME = -1;

    public OrderSale(String orderId, String sequence, Map<String, Integer> copies) {
        this(orderId, sequence, UNKNOWN_TIME, copies);
    }

    /** What the rebuild counted for an order, as of {@code scanStart} (epoch seconds). */
    public static OrderSale rebuilt(String orderId, long scanStart, Map<String, Integer> copies) {
        return new OrderSale(orderId, REBUILT, scanStart, copies);
    }

    public OrderSale {
        if (createdAt < UNKNOWN_TIME) {
            throw new IllegalArgumentException("an order sale's time is epoch seconds or " + UNKNOWN_TIME);
        }
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

    /** {@code bookA=2;bookB=1}, sorted: the form the Redis script reads. */
    String encodedCopies() {
        return new TreeMap<>(copies).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }
}
