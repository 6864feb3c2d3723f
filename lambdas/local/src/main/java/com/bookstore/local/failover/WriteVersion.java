package com.bookstore.local.failover;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * When and where an item was written: the order "last writer wins" decides by. Time first (the
 * stream record's creation time, one clock for both local regions); equal times are broken by region
 * name, as the real service breaks them deterministically; within a region the stream's sequence
 * number keeps the writes' own order.
 */
record WriteVersion(long timeMillis, String region, BigInteger sequence) implements Comparable<WriteVersion> {

    private static final Comparator<WriteVersion> ORDER = Comparator.comparingLong(WriteVersion::timeMillis)
            .thenComparing(WriteVersion::region)
            .thenComparing(WriteVersion::sequence);

    @Override
    public int compareTo(WriteVersion other) {
        return ORDER.compare(this, other);
    }
}
