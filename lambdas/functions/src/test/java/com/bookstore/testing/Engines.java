package com.bookstore.testing;

import com.bookstore.ops.TableSetup;
import com.bookstore.platform.AwsClients;
import com.bookstore.platform.AwsSettings;
import com.bookstore.platform.FunctionSettings;
import com.bookstore.platform.RedisClients;
import com.bookstore.platform.TableNames;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.JedisPooled;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A running moto_server and redis-server for this test run, and what tests need from them: clients,
 * fresh tables, a Redis database of their own, settings for a handler. Tests isolate themselves by
 * table prefix and Redis database number, so they never see each other's data.
 */
public final class Engines implements ExtensionContext.Store.CloseableResource {

    public static final String REGION = "eu-west-1";
    private static final AtomicInteger TABLE_SETS = new AtomicInteger();
    /** Database 0 is left alone; each caller of {@link #freshRedisUrl()} gets the next of 1..15. */
    private static final AtomicInteger REDIS_DATABASES = new AtomicInteger();

    private final EngineProcess moto;
    private final EngineProcess redis;
    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;

    private Engines(EngineProcess moto, EngineProcess redis) {
        this.moto = moto;
        this.redis = redis;
        this.dynamo = AwsClients.dynamoDb(aws());
        this.streams = AwsClients.dynamoDbStreams(aws());
    }

    static Engines start() {
        Path root = repositoryRoot();
        EngineProcess moto = EngineProcess.start("moto", List.of(root.resolve(".venv/bin/python").toString(),
                root.resolve(ATOMIC_MOTO_SERVER).toString(), "-H", "127.0.0.1", "-p", "%PORT%"));
        EngineProcess redis = startRedis();
        return new Engines(moto, redis);
    }

    /** A further redis-server that a test may stop (to see what the API does when Redis goes away). */
    public EngineProcessHandle startPrivateRedis() {
        return new EngineProcessHandle(startRedis());
    }

    private static EngineProcess startRedis() {
        return EngineProcess.start("redis", List.of(redisServer(), "--port", "%PORT%", "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no"));
    }

    public AwsSettings aws() {
        return AwsSettings.local(REGION, URI.create("http://127.0.0.1:" + moto.port()));
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public DynamoDbStreamsClient streams() {
        return streams;
    }

    /** A new, empty set of the three tables (created by TableSetup, as the local runtime does). */
    public TableNames freshTables() {
        TableNames names = TableNames.withPrefix("t" + TABLE_SETS.incrementAndGet() + "-");
        new TableSetup(dynamo).ensure(names);
        return names;
    }

    /** The URL of a Redis database no other test uses, emptied first. */
    public String freshRedisUrl() {
        int database = REDIS_DATABASES.incrementAndGet();
        if (database > 15) {
            throw new IllegalStateException("more than 15 Redis databases requested in one run");
        }
        String url = "redis://127.0.0.1:" + redis.port() + "/" + database;
        try (JedisPooled client = RedisClients.pooled(url)) {
            client.flushDB();
        }
        return url;
    }

    /** Settings of a function on these engines; its fault-switch parameter is as private as its tables. */
    public FunctionSettings settings(TableNames tables, String redisUrl) {
        return new FunctionSettings(tables, aws(), redisUrl, "primary", "/test/" + tables.books() + "/fault-injection");
    }

    /** An SSM client on moto, for tests that flip the fault switch. */
    public SsmClient ssm() {
        return SsmClient.builder().httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .region(software.amazon.awssdk.regions.Region.of(REGION)).endpointOverride(aws().endpoint().orElseThrow())
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                .build();
    }

    /** A URL where nothing listens: the Redis of a region whose cache is down. */
    public static String deadRedisUrl() {
        return "redis://127.0.0.1:1/0";
    }

    /**
     * moto_server's own code, run by the project's virtual environment with DynamoDB's request atomicity
     * restored: one request at a time, and a cancelled transaction rolled back without breaking the
     * tables' streams (see the file, and docs/api.md, "moto 5.2.5").
     */
    private static final String ATOMIC_MOTO_SERVER = "scripts/moto/atomic_moto_server.py";

    /** The checkout whose {@code .venv} (scripts/bootstrap.sh moto) holds moto: the repository root. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve(".venv/bin/moto_server")) && Files.exists(dir.resolve(ATOMIC_MOTO_SERVER))) {
                return dir;
            }
        }
        throw new IllegalStateException("no .venv/bin/moto_server above " + Path.of("").toAbsolutePath()
                + ": run scripts/bootstrap.sh moto (make lambdas-test does)");
    }

    private static String redisServer() {
        for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "redis-server";
    }

    @Override
    public void close() {
        dynamo.close();
        streams.close();
        moto.close();
        redis.close();
    }

    /** A Redis process owned by one test. */
    public static final class EngineProcessHandle implements AutoCloseable {
        private EngineProcess process;

        EngineProcessHandle(EngineProcess process) {
            this.process = process;
        }

        public String url() {
            return "redis://127.0.0.1:" + process.port() + "/0";
        }

        public void stop() {
            process.close();
        }

        /** Stops the server and starts a new one on the same port (empty: it keeps no data). */
        public void restart() {
            process = process.restarted();
        }

        @Override
        public void close() {
            process.close();
        }
    }
}
