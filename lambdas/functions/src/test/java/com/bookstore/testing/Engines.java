package com.bookstore.testing;

import com.bookstore.engines.MotoServer;
import com.bookstore.engines.RedisServer;
import com.bookstore.ops.CatalogueFile;
import com.bookstore.ops.CatalogueSeeder;
import com.bookstore.ops.TableSetup;
import com.bookstore.platform.AwsClients;
import com.bookstore.platform.AwsSettings;
import com.bookstore.platform.FunctionSettings;
import com.bookstore.platform.RedisClients;
import com.bookstore.platform.TableNames;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.JedisPooled;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A running moto_server and redis-server for this test run, and what tests need from them: clients,
 * fresh tables, a Redis database of their own, settings for a handler. Tests isolate themselves by
 * table prefix and Redis database, so they never see each other's data. One per JVM (LocalEngines), closed
 * when the JVM exits.
 */
public final class Engines implements AutoCloseable {

    public static final String REGION = MotoServer.REGION;
    private static final AtomicInteger TABLE_SETS = new AtomicInteger();
    /** redis-server's default number of databases; database 0 of each server is left alone. */
    private static final int DATABASES_PER_REDIS = 16;

    private final MotoServer moto;
    /** The servers {@link #freshRedisUrl()} hands databases out of: a further one starts when all are used. */
    private final List<RedisServer> redisServers = new ArrayList<>();
    private int redisDatabasesUsed;
    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;

    private Engines(MotoServer moto) {
        this.moto = moto;
        this.dynamo = AwsClients.dynamoDb(aws());
        this.streams = AwsClients.dynamoDbStreams(aws());
    }

    static Engines start() {
        return new Engines(MotoServer.start());
    }

    /** A further redis-server that a test may stop (to see what the API does when Redis goes away). */
    public RedisServer startPrivateRedis() {
        return RedisServer.start();
    }

    public AwsSettings aws() {
        return AwsSettings.local(REGION, moto.endpoint());
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

    /** Fresh tables (as {@link #freshTables()}) with the shipped catalogue in the Books table. */
    public TableNames freshTablesWithCatalogue() {
        TableNames names = freshTables();
        new CatalogueSeeder(dynamo, names.books()).seed(CatalogueFile.books());
        return names;
    }

    /** The URL of a Redis database no other test uses, emptied first; as many as the run asks for. */
    public synchronized String freshRedisUrl() {
        int perServer = DATABASES_PER_REDIS - 1;
        int server = redisDatabasesUsed / perServer;
        int database = redisDatabasesUsed % perServer + 1;
        redisDatabasesUsed++;
        if (server == redisServers.size()) {
            redisServers.add(RedisServer.start());
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

    @Override
    public void close() {
        dynamo.close();
        streams.close();
        moto.close();
        redisServers.forEach(RedisServer::close);
    }
}
