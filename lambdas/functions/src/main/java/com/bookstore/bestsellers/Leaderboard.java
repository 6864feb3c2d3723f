package com.bookstore.bestsellers;

import java.util.List;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;

/**
 * The best-seller board in Redis: a sorted set of plain book ids scored by copies sold, plus, per order,
 * the contribution already counted ({@code sequence|book=qty;...}). Recording a sale applies only the
 * difference to what that order contributed before, in one Lua script (atomic on the server), so a
 * record delivered twice, or an older one after a newer, moves nothing. After a rebuild an order's entry is
 * {@code 0@<time>|...}: the scan saw every change made before {@code <time>}, so a record created earlier is
 * old (a replayed INSERT of an order cancelled before the rebuild must not count it again), and anything
 * later is applied as a difference. Both keys share a hash tag and therefore a cluster slot.
 */
public final class Leaderboard {

    public static final String BOARD_KEY = "{bestsellers}:board";
    public static final String COUNTED_KEY = "{bestsellers}:counted";

    private static final String RECORD_SALE = """
            local previous = redis.call('HGET', KEYS[2], ARGV[1])
            local previousLines = ''
            if previous then
              local bar = string.find(previous, '|', 1, true)
              local previousSequence = string.sub(previous, 1, bar - 1)
              previousLines = string.sub(previous, bar + 1)
              local rebuiltAt = string.match(previousSequence, '^0@(%d+)$')
              if rebuiltAt then
                -- stream sequence numbers say nothing about a scan; the record's creation time does
                local createdAt = tonumber(ARGV[4])
                if createdAt >= 0 and createdAt < tonumber(rebuiltAt) then
                  return 0
                end
              -- sequence numbers are decimal strings longer than a double holds: compare length, then text
              elseif #ARGV[2] < #previousSequence or (#ARGV[2] == #previousSequence and ARGV[2] <= previousSequence) then
                return 0
              end
            end
            local delta = {}
            for book, copies in string.gmatch(previousLines, '([^=;]+)=(%d+)') do
              delta[book] = (delta[book] or 0) - tonumber(copies)
            end
            for book, copies in string.gmatch(ARGV[3], '([^=;]+)=(%d+)') do
              delta[book] = (delta[book] or 0) + tonumber(copies)
            end
            for book, change in pairs(delta) do
              if change ~= 0 then
                local sold = tonumber(redis.call('ZINCRBY', KEYS[1], change, book))
                if sold <= 0 then redis.call('ZREM', KEYS[1], book) end
              end
            end
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[2] .. '|' .. ARGV[3])
            return 1
            """;

    private final Supplier<? extends UnifiedJedis> redis;

    public Leaderboard(UnifiedJedis redis) {
        this(() -> redis);
    }

    /** For a client created on first use (see LazyRedisPool). */
    public Leaderboard(Supplier<? extends UnifiedJedis> redis) {
        this.redis = redis;
    }

    /** The top {@code count} books, most sold first. */
    public List<Ranking> top(int count) {
        return redis.get().zrevrangeWithScores(BOARD_KEY, 0, count - 1L).stream()
                .map(tuple -> new Ranking(tuple.getElement(), Math.round(tuple.getScore()))).toList();
    }

    /** Applies an order's current contribution; false when this version (or a newer one) was already applied. */
    public boolean record(OrderSale sale) {
        Object applied = redis.get().eval(RECORD_SALE, List.of(BOARD_KEY, COUNTED_KEY),
                List.of(sale.orderId(), sale.sequence(), sale.encodedCopies(), Long.toString(sale.createdAt())));
        return Long.valueOf(1L).equals(applied);
    }

    /** Replaces the whole board and the per-order record in one MULTI/EXEC (used by the rebuild's sales). */
    public void replaceAll(List<OrderSale> sales) {
        if (sales.stream().anyMatch(sale -> !sale.sequence().equals(OrderSale.REBUILT) || sale.createdAt() < 0)) {
            throw new IllegalArgumentException("a rebuilt board takes only OrderSale.rebuilt(...) sales, which carry the scan's time");
        }
        try (var transaction = redis.get().multi()) {
            transaction.del(BOARD_KEY, COUNTED_KEY);
            for (OrderSale sale : sales) {
                sale.copies().forEach((book, copies) -> transaction.zincrby(BOARD_KEY, copies, book));
                transaction.hset(COUNTED_KEY, sale.orderId(), sale.sequence() + "@" + sale.createdAt() + "|" + sale.encodedCopies());
            }
            transaction.exec();
        }
    }

    /** A round trip to Redis, for the health check. */
    public void ping() {
        redis.get().ping();
    }
}
