package com.bookstore.api.status;

import com.bookstore.api.catalogue.BookTable;
import com.bookstore.bestsellers.Leaderboard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The deep check Route 53 probes: a real DynamoDB read and a Redis round trip. Either failing makes the
 * region unhealthy (503), so traffic fails over rather than reaching a region that cannot take orders.
 * The answer is kept for {@link #MAX_AGE} per container: /health is public, and a flood of it must not turn
 * into a flood of table reads and Redis pings (docs/security.md). Route 53 probes every 10 or 30 s, so a
 * verdict at most that old costs detection time nothing measurable.
 */
public final class DeepHealthCheck {

    public static final Duration MAX_AGE = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(DeepHealthCheck.class.getName());

    private final BookTable books;
    private final Leaderboard leaderboard;
    private final RegionInfo region;
    private final Clock clock;
    private Health last;
    private Instant checkedAt;

    public DeepHealthCheck(BookTable books, Leaderboard leaderboard, RegionInfo region, Clock clock) {
        this.books = books;
        this.leaderboard = leaderboard;
        this.region = region;
        this.clock = clock;
    }

    public record Health(String status, String region, String role, Map<String, String> checks) {
        public boolean healthy() {
            return "ok".equals(status);
        }
    }

    /** The last verdict while it is younger than {@link #MAX_AGE}, else a new one; one check at a time. */
    public synchronized Health check() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(checkedAt.plus(MAX_AGE))) {
            last = checkNow();
            checkedAt = now;
        }
        return last;
    }

    private Health checkNow() {
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
