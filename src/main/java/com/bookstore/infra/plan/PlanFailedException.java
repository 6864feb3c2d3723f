package com.bookstore.infra.plan;

import java.util.List;

/** The program itself failed under the mocks (bad contract, bad input); the message lists every error. */
public final class PlanFailedException extends RuntimeException {

    public PlanFailedException(String stack, List<String> problems) {
        super("The " + stack + " stack's program failed:\n  - " + String.join("\n  - ", problems));
    }
}
