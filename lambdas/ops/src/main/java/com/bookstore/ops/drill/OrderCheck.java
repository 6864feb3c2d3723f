package com.bookstore.ops.drill;

import java.util.List;

/**
 * Acknowledged orders read back from one region's API directly (not through the front door).
 * {@code missing} answered 404; {@code unverified} never gave a clear answer. The window is where the
 * missing orders were acknowledged, in drill milliseconds; {@code rpoMillis} is how far before the
 * fault the oldest missing order was acknowledged (0 when none is missing, or all were acknowledged
 * after the fault).
 */
public record OrderCheck(String region, long checkedAt, int checked, List<AcknowledgedOrder> missing,
                         List<AcknowledgedOrder> unverified, Long windowStart, Long windowEnd, long rpoMillis) {

    public static OrderCheck of(String region, long checkedAt, int checked, List<AcknowledgedOrder> missing,
                                List<AcknowledgedOrder> unverified, Long faultAt) {
        Long start = missing.stream().map(AcknowledgedOrder::acknowledgedAt).min(Long::compare).orElse(null);
        Long end = missing.stream().map(AcknowledgedOrder::acknowledgedAt).max(Long::compare).orElse(null);
        long rpo = start == null || faultAt == null ? 0 : Math.max(0, faultAt - start);
        return new OrderCheck(region, checkedAt, checked, List.copyOf(missing), List.copyOf(unverified), start, end, rpo);
    }
}
