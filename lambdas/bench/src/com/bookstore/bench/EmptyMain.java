package com.bookstore.bench;

/** The baseline of the cold-start pair: a JVM that starts, runs nothing, and exits. */
public final class EmptyMain {

    private EmptyMain() {
    }

    public static void main(String[] args) {
        // intentionally empty
    }
}
