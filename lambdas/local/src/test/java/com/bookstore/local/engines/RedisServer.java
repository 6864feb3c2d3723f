package com.bookstore.local.engines;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Debian's redis-server on a free loopback port, without persistence, for one test class. It can be
 * stopped and started again on the same port, to play an ElastiCache outage.
 */
public final class RedisServer implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final int port;
    private volatile Process process;

    private RedisServer(int port) {
        this.port = port;
    }

    public static RedisServer start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: run scripts/bootstrap.sh redis");
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        RedisServer redis = new RedisServer(port);
        redis.resume();
        // Also stopped when the test JVM exits, should a test class fail before its own clean-up.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process current = redis.process;
            if (current != null) {
                current.destroy();
            }
        }, "redis-stop"));
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops the server (its data is gone, as after a cache node replacement). */
    public void pause() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Starts the server again on the same port and waits until it accepts connections. */
    public void resume() throws IOException, InterruptedException {
        process = new ProcessBuilder(BINARY.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true).start();
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("redis-server did not start on port " + port);
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            pause();
        }
    }
}
