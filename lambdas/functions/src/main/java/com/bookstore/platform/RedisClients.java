package com.bookstore.platform;

import java.net.URI;
import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.executors.RetryableCommandExecutor;
import redis.clients.jedis.providers.PooledConnectionProvider;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * One small pool per container. A Lambda container serves one request at a time, so it only ever reuses
 * one connection: one is kept idle, a few more may open for callers that run in parallel (the local
 * gateway, tests) and close when returned. Short timeouts let the best-seller fallback and the health
 * check answer quickly when Redis is away. {@code rediss://} turns TLS on (ElastiCache in-transit
 * encryption).
 *
 * <p>A pooled connection outlives the server it was opened to (a Redis restart, an ElastiCache failover
 * or maintenance): its next command fails at once. Jedis' {@link RetryableCommandExecutor} drops such a
 * connection and runs the command once more on another one, which (one idle connection at most) is a
 * fresh one, so the first request after a restart is answered, not degraded. That costs nothing while
 * connections are healthy (validating every borrow with a PING would add a round trip to each command),
 * and every command here may safely run twice: reads, the PING, and the leaderboard's Lua script, which
 * counts an order version only once. The rebuild's MULTI/EXEC runs on its own connection, never retried.
 */
public final class RedisClients {

    private static final int CONNECT_TIMEOUT_MS = 500;
    private static final int SOCKET_TIMEOUT_MS = 1000;
    /** One retry. */
    private static final int ATTEMPTS = 2;
    /**
     * No retry once a command has used up this budget: a server that timed out is away, not restarted, and
     * the fallback and the health check should say so without waiting twice.
     */
    private static final Duration RETRY_BUDGET = Duration.ofMillis(SOCKET_TIMEOUT_MS);

    private RedisClients() {
    }

    public static JedisPooled pooled(String redisUrl) {
        URI uri = URI.create(redisUrl);
        var client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(CONNECT_TIMEOUT_MS)
                .socketTimeoutMillis(SOCKET_TIMEOUT_MS)
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri))
                .protocol(JedisURIHelper.getRedisProtocol(uri))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                .build();
        var pool = new GenericObjectPoolConfig<Connection>();
        pool.setMaxTotal(4);
        pool.setMaxIdle(1);
        pool.setMinIdle(0);
        pool.setMaxWait(Duration.ofMillis(CONNECT_TIMEOUT_MS));
        pool.setTestOnBorrow(false);
        pool.setJmxEnabled(false);
        var connections = new PooledConnectionProvider(JedisURIHelper.getHostAndPort(uri), client, pool);
        return JedisPooled.builder()
                .connectionProvider(connections)
                .commandExecutor(new RetryableCommandExecutor(connections, ATTEMPTS, RETRY_BUDGET))
                .build();
    }
}
