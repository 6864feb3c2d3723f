package com.bookstore.pipeline.gate.settings;

/**
 * One direction of global-table replication. DynamoDB publishes {@code ReplicationLatency} in the region the write
 * came from, with the destination as the {@code ReceivingRegion} dimension.
 */
public record ReplicationRoute(String sourceRegion, String receivingRegion) {
    @Override
    public String toString() {
        return sourceRegion + " -> " + receivingRegion;
    }
}
