package com.bookstore.local.gateway;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One line per request: time, method, path and query, status, duration, and what the gateway noted. */
final class RequestLog extends Filter {
    /**
     * Notes per request. Not the exchange's attributes: the JDK server keeps those in one map per context,
     * shared by every request, so notes of concurrent requests would mix and pile up.
     */
    private static final Map<HttpExchange, String> NOTES = new ConcurrentHashMap<>();
    private final PrintStream out;

    RequestLog(PrintStream out) {
        this.out = out;
    }

    /** Adds a detail (why a token was refused, which user called) to the request's log line. */
    static void note(HttpExchange exchange, String detail) {
        NOTES.merge(exchange, detail, (previous, added) -> previous + "; " + added);
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        long started = System.nanoTime();
        try {
            chain.doFilter(exchange);
        } catch (RuntimeException failure) {
            // A bug in the gateway itself: answer like API Gateway does rather than dropping the connection.
            note(exchange, "gateway error: " + failure);
            if (exchange.getResponseCode() == -1) {
                Responses.json(exchange, 500, "{\"message\":\"Internal Server Error\"}");
            }
        } finally {
            long millis = (System.nanoTime() - started) / 1_000_000;
            String note = NOTES.remove(exchange);
            out.printf("%s %s %s %d %dms%s%n", Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getResponseCode(), millis,
                    note == null ? "" : " (" + note + ")");
        }
    }

    @Override
    public String description() {
        return "one line per request";
    }
}
