package com.bookstore.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server process this test run started (moto_server or redis-server) on a free loopback port; its
 * output goes to {@code target/engines/<name>-<port>.log}. Only this process is ever stopped.
 */
final class EngineProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final List<String> command;
    private final Process process;
    private final int port;

    private EngineProcess(String name, List<String> command, Process process, int port) {
        this.name = name;
        this.command = command;
        this.process = process;
        this.port = port;
    }

    /** Starts {@code command} (which gets the port through {@code %PORT%}) and waits until it accepts connections. */
    static EngineProcess start(String name, List<String> command) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            try {
                return launch(name, command.stream().map(part -> part.replace("%PORT%", Integer.toString(port))).toList(), port);
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Stops this process and starts the same command on the same port: a server restart, as clients see it. */
    EngineProcess restarted() {
        close();
        return launch(name, command, port);
    }

    private static EngineProcess launch(String name, List<String> resolved, int port) {
        try {
            Path logs = Path.of("target", "engines");
            Files.createDirectories(logs);
            Process process = new ProcessBuilder(resolved).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + "-" + port + ".log").toFile())).start();
            var engine = new EngineProcess(name, resolved, process, port);
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
            if (engine.awaitReady()) {
                return engine;
            }
            engine.close();
            // e.g. the port was taken between choosing and binding it: start() retries elsewhere
            throw new IllegalStateException(name + " did not accept connections on port " + port
                    + " (see target/engines/" + name + "-" + port + ".log)");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + resolved + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    private boolean awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                return false; // e.g. the port was taken between choosing and binding it: retry elsewhere
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        return false;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + "@127.0.0.1:" + port;
    }
}
