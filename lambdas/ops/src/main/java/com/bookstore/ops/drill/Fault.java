package com.bookstore.ops.drill;

/**
 * A way to make one region look broken to its health check, and to undo it. The drill only ever
 * injects a fault through a {@link FaultGuard}, which guarantees the heal.
 */
public interface Fault {

    /** What is broken, for the report ("SSM /bookstore/fault-injection in eu-west-1"). */
    String description();

    void inject();

    void heal();
}
