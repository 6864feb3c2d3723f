package com.bookstore.infra.policy;

/** One broken rule on one resource, phrased for the person reading the plan. */
public record Violation(String rule, String resource, String message) {

    @Override
    public String toString() {
        return rule + ": " + resource + ": " + message;
    }
}
