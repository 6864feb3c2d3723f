package com.bookstore.local.engines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Debian's redis-server on a free loopback port, without persistence, for one test class. It can be
 * stopped and started again on the same port, to play an ElastiCache outage.
 * <p>
 * redis-server cannot bind port 0 (that turns TCP off), so the port is chosen first; it is ready when
 * its own output says so, never because something answers on the port (another process may have taken
 * it in between), and if it exits first, because the port was taken, it starts again on another.
 */
public final class RedisServer implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/redis-server");
    private static final int ATTEMPTS = 5;

    private final int port;
    private volatile Process process;

    private RedisServer(int port) {
        this.port = port;
    }

    public static RedisServer start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: run scripts/bootstrap.sh redis");
        }
        RedisServer redis = null;
        for (int attempt = 1; redis == null; attempt++) {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            RedisServer candidate = new RedisServer(port);
            try {
                candidate.resume();
                redis = candidate;
            } catch (IllegalStateException portTaken) {
                if (attempt == ATTEMPTS) {
                    throw portTaken;
                }
            }
        }
        RedisServer started = redis;
        // Also stopped when the test JVM exits, should a test class fail before its own clean-up.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process current = started.process;
            if (current != null) {
                current.destroy();
            }
        }, "redis-stop"));
        return started;
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

    /** Starts the server again on the same port and waits until it says it accepts connections. */
    public void resume() throws IOException, InterruptedException {
        Process started = new ProcessBuilder(BINARY.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true).start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (!ready.isDone()) {
                        output.append(line).append('\n');
                        if (line.contains("Ready to accept connections")) {
                            ready.complete(null);
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.completeExceptionally(new IllegalStateException("exited"));
        }, "redis-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(10, TimeUnit.SECONDS);
            process = started;
        } catch (ExecutionException | TimeoutException e) {
            started.destroyForcibly().waitFor();
            throw new IllegalStateException("redis-server did not start on port " + port + ":\n" + output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            pause();
        }
    }
}
