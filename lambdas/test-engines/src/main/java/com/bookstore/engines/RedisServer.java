package com.bookstore.engines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Debian's redis-server on a free loopback port, without persistence. It can be stopped and started again on the
 * same port, to play an ElastiCache outage or node replacement (its data is gone, as there).
 */
public final class RedisServer implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("Ready to accept connections");

    private volatile EngineProcess process;

    private RedisServer(EngineProcess process) {
        this.process = process;
    }

    /** redis-server cannot bind port 0 (that turns TCP off), so {@link EngineProcess} chooses the port. */
    public static RedisServer start() {
        return new RedisServer(EngineProcess.start("redis", List.of(binary(), "--port", EngineProcess.FREE_PORT,
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"), READY));
    }

    private static String binary() {
        for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("redis-server is missing: run scripts/bootstrap.sh redis (make lambdas-test does)");
    }

    public int port() {
        return process.port();
    }

    /** Database 0 of this server. */
    public String url() {
        return "redis://127.0.0.1:" + process.port();
    }

    /** Stops the server. */
    public void pause() {
        process.close();
    }

    /**
     * Starts it again, empty, on the same port (stopping it first if it runs: a node replacement) and waits until it
     * says it accepts connections.
     */
    public void resume() {
        process = process.restarted();
    }

    @Override
    public void close() {
        process.close();
    }
}
