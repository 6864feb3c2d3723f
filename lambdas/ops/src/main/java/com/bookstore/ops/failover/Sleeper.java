package com.bookstore.ops.failover;

import java.time.Duration;

/** Waits between polls; a seam so tests do not sleep. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
