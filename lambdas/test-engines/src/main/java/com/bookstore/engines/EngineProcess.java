package com.bookstore.engines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server process this test run started (moto_server or redis-server) on a loopback port; its output goes
 * to {@code target/engines/<name>-<pid>.log}. Only this process (and its children) is ever stopped.
 * <p>
 * It is ready when its own output says so, never because something answers on the port: a port chosen
 * free may be taken by another process before the server binds it, and a connection would then reach
 * that other process. A server that can bind port 0 names its port in that line; one that cannot
 * (redis-server, where port 0 means "no TCP") gets a free port and is started again on another if it
 * exits before it is ready.
 * <p>
 * The server runs under a small shell that stops it when the JVM's end of its standard input closes: a JVM that
 * is killed (a mutation-testing minion that timed out, a test run stopped with SIGKILL) runs no shutdown hook,
 * and its servers would otherwise live on.
 */
public final class EngineProcess implements AutoCloseable {

    /** Stands for a free port in a command; a command without it binds port 0 itself. */
    public static final String FREE_PORT = "%PORT%";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 5;
    /**
     * Runs "$@" with its input from /dev/null and, beside it, reads this shell's input (the pipe from the JVM,
     * kept on fd 3: a background job's input would otherwise be /dev/null) until end of file, then stops the
     * server. The shell ends with the server's exit status.
     */
    private static final String STOP_WITH_JVM = "exec 3<&0; \"$@\" </dev/null & server=$!; "
            + "{ while read -r _ <&3; do :; done; kill $server 2>/dev/null; } & watcher=$!; "
            + "wait $server; status=$?; kill $watcher 2>/dev/null; exit $status";

    private final String name;
    private final List<String> command;
    private final Pattern ready;
    private final Process process;
    private final int port;

    private EngineProcess(String name, List<String> command, Pattern ready, Process process, int port) {
        this.name = name;
        this.command = command;
        this.ready = ready;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code command} and waits for a line of its output matching {@code ready}: the port is that
     * pattern's first group if it has one, else the free port put in place of {@link #FREE_PORT}.
     */
    public static EngineProcess start(String name, List<String> command, Pattern ready) {
        boolean choosesPort = command.stream().anyMatch(part -> part.contains(FREE_PORT));
        IllegalStateException last = null;
        for (int attempt = 0; attempt < (choosesPort ? ATTEMPTS : 1); attempt++) {
            int port = choosesPort ? freePort() : 0;
            try {
                return launch(name, command.stream().map(part -> part.replace(FREE_PORT, Integer.toString(port))).toList(),
                        ready, port);
            } catch (IllegalStateException e) {
                last = e; // e.g. the port was taken between choosing and binding it: try another
            }
        }
        throw last;
    }

    /** Stops this process and starts the same command on the same port: a server restart, as clients see it. */
    public EngineProcess restarted() {
        close();
        return launch(name, command, ready, port);
    }

    private static EngineProcess launch(String name, List<String> resolved, Pattern ready, int chosenPort) {
        Process process;
        Path log;
        try {
            Path logs = Files.createDirectories(Path.of("target", "engines"));
            List<String> watched = new ArrayList<>(List.of("bash", "-c", STOP_WITH_JVM, name));
            watched.addAll(resolved);
            process = new ProcessBuilder(watched).redirectErrorStream(true).start();
            log = logs.resolve(name + "-" + process.pid() + ".log");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + resolved + ": " + e.getMessage(), e);
        }
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread output = new Thread(() -> copyOutput(process, log, ready, chosenPort, listening), name + "-output");
        output.setDaemon(true);
        output.start();
        try {
            var engine = new EngineProcess(name, resolved, ready, process,
                    listening.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
            return engine;
        } catch (ExecutionException | TimeoutException e) {
            stop(process);
            throw new IllegalStateException(name + " did not get ready (see " + log + ")", e);
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + name + " started", e);
        }
    }

    /** Copies the output into the log and completes {@code listening} with the port at the ready line. */
    private static void copyOutput(Process process, Path log, Pattern ready, int chosenPort,
                                   CompletableFuture<Integer> listening) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer file = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = out.readLine()) != null) {
                file.write(line + "\n");
                file.flush();
                Matcher matcher = ready.matcher(line);
                if (!listening.isDone() && matcher.find()) {
                    listening.complete(matcher.groupCount() > 0 ? Integer.parseInt(matcher.group(1)) : chosenPort);
                }
            }
        } catch (IOException ignored) {
            // the process ended; an engine that never got ready is reported below
        }
        listening.completeExceptionally(new IllegalStateException("exited before it was ready"));
    }

    public int port() {
        return port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** Stops the server and the shell around it, and returns only once the server has let go of its port. */
    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                try {
                    child.onExit().get(5, TimeUnit.SECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    child.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop(process);
        }
    }

    @Override
    public String toString() {
        return name + "@127.0.0.1:" + port;
    }
}
