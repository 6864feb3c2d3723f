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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.JedisPooled;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A running moto_server and redis-server for this test run, and what tests need from them: clients,
 * fresh tables, a Redis database of their own, settings for a handler. Tests isolate themselves by
 * table prefix and Redis database, so they never see each other's data.
 */
public final class Engines implements ExtensionContext.Store.CloseableResource {

    public static final String REGION = "eu-west-1";
    private static final AtomicInteger TABLE_SETS = new AtomicInteger();
    /** moto binds port 0 and names the port it got; werkzeug prints this line once it listens. */
    private static final Pattern MOTO_READY = Pattern.compile("Running on http://127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern REDIS_READY = Pattern.compile("Ready to accept connections");
    /** redis-server's default number of databases; database 0 of each server is left alone. */
    private static final int DATABASES_PER_REDIS = 16;

    private final EngineProcess moto;
    /** The servers {@link #freshRedisUrl()} hands databases out of: a further one starts when all are used. */
    private final List<EngineProcess> redisServers = new ArrayList<>();
    private int redisDatabasesUsed;
    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;

    private Engines(EngineProcess moto) {
        this.moto = moto;
        this.dynamo = AwsClients.dynamoDb(aws());
        this.streams = AwsClients.dynamoDbStreams(aws());
    }

    static Engines start() {
        Path root = repositoryRoot();
        EngineProcess moto = EngineProcess.start("moto", List.of(root.resolve(".venv/bin/python").toString(),
                root.resolve(ATOMIC_MOTO_SERVER).toString(), "-H", "127.0.0.1", "-p", "0"), MOTO_READY);
        return new Engines(moto);
    }

    /** A further redis-server that a test may stop (to see what the API does when Redis goes away). */
    public EngineProcessHandle startPrivateRedis() {
        return new EngineProcessHandle(startRedis());
    }

    private static EngineProcess startRedis() {
        return EngineProcess.start("redis", List.of(redisServer(), "--port", EngineProcess.FREE_PORT, "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--databases", Integer.toString(DATABASES_PER_REDIS)), REDIS_READY);
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

    /** The URL of a Redis database no other test uses, emptied first; as many as the run asks for. */
    public synchronized String freshRedisUrl() {
        int perServer = DATABASES_PER_REDIS - 1;
        int server = redisDatabasesUsed / perServer;
        int database = redisDatabasesUsed % perServer + 1;
        redisDatabasesUsed++;
        if (server == redisServers.size()) {
            redisServers.add(startRedis());
        }
        String url = "redis://127.0.0.1:" + redisServers.get(server).port() + "/" + database;
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
        redisServers.forEach(EngineProcess::close);
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
