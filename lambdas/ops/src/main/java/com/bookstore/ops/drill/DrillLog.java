package com.bookstore.ops.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What happened during a drill, as it happened: every request, every acknowledged order and the
 * moments the fault was injected and healed. Shoppers append from their own threads.
 */
public final class DrillLog {

    private final LongSupplier clock;
    private final List<RequestRecord> requests = new ArrayList<>();
    private final List<AcknowledgedOrder> orders = new ArrayList<>();
    private volatile Long faultInjectedAt;
    private volatile Long faultHealedAt;

    /** @param clock milliseconds since the drill started */
    public DrillLog(LongSupplier clock) {
        this.clock = clock;
    }

    public long now() {
        return clock.getAsLong();
    }

    public synchronized void request(RequestRecord record) {
        requests.add(record);
    }

    public synchronized void acknowledged(AcknowledgedOrder order) {
        orders.add(order);
    }

    public void faultInjected() {
        faultInjectedAt = now();
    }

    public void faultHealed() {
        faultHealedAt = now();
    }

    public synchronized List<RequestRecord> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<AcknowledgedOrder> orders() {
        return List.copyOf(orders);
    }

    public Long faultInjectedAt() {
        return faultInjectedAt;
    }

    public Long faultHealedAt() {
        return faultHealedAt;
    }
}
