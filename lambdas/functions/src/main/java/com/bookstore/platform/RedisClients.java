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
 * One small pool per container (a Lambda container serves one request at a time), with short timeouts so the
 * best-seller fallback and the health check answer quickly when Redis is away; {@code rediss://} turns TLS on. A
 * command on a connection that a Redis restart closed runs once more on a fresh one, which every command here
 * tolerates (docs/api.md#behaviour-worth-knowing); the rebuild's MULTI/EXEC uses its own connection, never retried.
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
