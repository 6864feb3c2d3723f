package com.bookstore.platform;

import java.util.function.Supplier;
import redis.clients.jedis.JedisPooled;

/**
 * The container's Redis pool, created on first use. Loading Jedis is a few hundred classes; a cold
 * container whose first requests only browse the catalogue should not pay for it before it needs it.
 */
public final class LazyRedisPool implements Supplier<JedisPooled>, AutoCloseable {

    private final String redisUrl;
    private volatile JedisPooled pool;

    public LazyRedisPool(String redisUrl) {
        this.redisUrl = redisUrl;
    }

    @Override
    public JedisPooled get() {
        JedisPooled current = pool;
        if (current == null) {
            synchronized (this) {
                current = pool;
                if (current == null) {
                    current = RedisClients.pooled(redisUrl);
                    pool = current;
                }
            }
        }
        return current;
    }

    /** Closes idle sockets (before a SnapStart snapshot: they would not survive the restore). */
    public void dropIdleConnections() {
        JedisPooled current = pool;
        if (current != null) {
            current.getPool().clear();
        }
    }

    @Override
    public void close() {
        JedisPooled current = pool;
        if (current != null) {
            current.close();
        }
    }
}
