package com.bookstore.api.status;

import com.bookstore.api.catalogue.BookTable;
import com.bookstore.bestsellers.Leaderboard;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The deep check Route 53 probes: a real DynamoDB read and a Redis round trip. Either failing makes the
 * region unhealthy (503), so traffic fails over rather than reaching a region that cannot take orders.
 */
public final class DeepHealthCheck {

    private static final Logger LOG = Logger.getLogger(DeepHealthCheck.class.getName());

    private final BookTable books;
    private final Leaderboard leaderboard;
    private final RegionInfo region;

    public DeepHealthCheck(BookTable books, Leaderboard leaderboard, RegionInfo region) {
        this.books = books;
        this.leaderboard = leaderboard;
        this.region = region;
    }

    public record Health(String status, String region, String role, Map<String, String> checks) {
        public boolean healthy() {
            return "ok".equals(status);
        }
    }

    public Health check() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("dynamodb", probe(books::probe));
        checks.put("redis", probe(leaderboard::ping));
        boolean healthy = checks.values().stream().allMatch("ok"::equals);
        return new Health(healthy ? "ok" : "unhealthy", region.region(), region.role(), checks);
    }

    private static String probe(Runnable check) {
        try {
            check.run();
            return "ok";
        } catch (RuntimeException failure) {
            // /health is public: the answer says only which dependency failed, never how (exception
            // names tell a prober which client library and version it faces). The log keeps the detail.
            LOG.log(Level.WARNING, "health check failed", failure);
            return "failed";
        }
    }
}
