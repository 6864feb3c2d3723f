package com.bookstore.platform;

import java.net.URI;
import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;

/**
 * One small pool per container. A Lambda container serves one request at a time, so two connections
 * are plenty; short timeouts let the best-seller fallback and the health check answer quickly when
 * Redis is away. {@code rediss://} turns TLS on (ElastiCache in transit encryption).
 */
public final class RedisClients {

    private static final int CONNECT_TIMEOUT_MS = 500;
    private static final int SOCKET_TIMEOUT_MS = 1000;

    private RedisClients() {
    }

    public static JedisPooled pooled(String redisUrl) {
        var pool = new GenericObjectPoolConfig<Connection>();
        pool.setMaxTotal(4);
        pool.setMaxIdle(2);
        pool.setMinIdle(0);
        pool.setMaxWait(Duration.ofMillis(CONNECT_TIMEOUT_MS));
        pool.setTestOnBorrow(false);
        pool.setJmxEnabled(false);
        return new JedisPooled(pool, URI.create(redisUrl), CONNECT_TIMEOUT_MS, SOCKET_TIMEOUT_MS);
    }
}
