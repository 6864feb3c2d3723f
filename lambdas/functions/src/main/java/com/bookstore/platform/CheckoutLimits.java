package com.bookstore.platform;

import java.util.Map;

/**
 * How many orders one customer may place in a window (docs/security.md#app-abuse-limits: orders are free, so one account could
 * otherwise inflate the best sellers). Read from CHECKOUT_LIMIT and CHECKOUT_WINDOW_SECONDS, which the
 * Pulumi program sets from {@code bookstore:checkoutLimit} and {@code bookstore:checkoutWindowSeconds}
 * (docs/configuration.md); the local drill raises them (scripts/drill.sh).
 */
public record CheckoutLimits(int limit, int windowSeconds) {

    public static final CheckoutLimits DEFAULT = new CheckoutLimits(5, 600);
    /** The bounds StackSettings validates too: a window longer than a day is not a rate limit any more. */
    public static final int MAX_LIMIT = 100_000;
    public static final int MAX_WINDOW_SECONDS = 86_400;

    public CheckoutLimits {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalStateException("CHECKOUT_LIMIT must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        if (windowSeconds < 1 || windowSeconds > MAX_WINDOW_SECONDS) {
            throw new IllegalStateException("CHECKOUT_WINDOW_SECONDS must be 1.." + MAX_WINDOW_SECONDS + ", was " + windowSeconds);
        }
    }

    static CheckoutLimits from(Map<String, String> env) {
        return new CheckoutLimits(number(env, "CHECKOUT_LIMIT", DEFAULT.limit()),
                number(env, "CHECKOUT_WINDOW_SECONDS", DEFAULT.windowSeconds()));
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable " + name + " is not a whole number: " + value, e);
        }
    }
}
