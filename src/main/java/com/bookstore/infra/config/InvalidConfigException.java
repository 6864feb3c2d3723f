package com.bookstore.infra.config;

import com.pulumi.exceptions.RunException;

import java.util.List;

/**
 * A stack config that cannot work, with every problem found. A {@link RunException}: the Pulumi engine reports
 * its message alone, not the stack trace of an unhandled exception, so the person sees the list of what to fix.
 */
public final class InvalidConfigException extends RunException {

    private final List<String> problems;

    public InvalidConfigException(String heading, List<String> problems) {
        super(heading + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
