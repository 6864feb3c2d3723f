package com.bookstore.platform;

import java.util.Map;

/** Reads required variables so that a misconfigured function fails at init with the variable's name. */
public final class Environment {

    private Environment() {
    }

    public static String required(String name) {
        return required(System.getenv(), name);
    }

    static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set (see docs/interfaces.md)");
        }
        return value.trim();
    }
}
