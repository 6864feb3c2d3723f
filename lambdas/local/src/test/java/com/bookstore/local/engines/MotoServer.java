package com.bookstore.local.engines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.bookstore.local.aws.LocalAws;

/**
 * A moto server of the project's .venv on a free loopback port (moto picks it: {@code -p 0}), for one
 * test class, started as every harness and the local mode start it: through
 * scripts/moto/atomic_moto_server.py, which gives moto DynamoDB's request atomicity back. Stopped with
 * its process tree so no moto outlives the tests.
 */
public final class MotoServer implements AutoCloseable {
    public static final String REGION = "eu-west-1";
    private static final Pattern LISTENING = Pattern.compile("Running on (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static MotoServer start() throws IOException, InterruptedException {
        Path root = repositoryRoot();
        if (!Files.isExecutable(root.resolve(".venv/bin/moto_server"))) {
            throw new IllegalStateException(root.resolve(".venv/bin/moto_server") + " is missing: run scripts/bootstrap.sh moto");
        }
        Process process = new ProcessBuilder(root.resolve(".venv/bin/python").toString(),
                root.resolve("scripts/moto/atomic_moto_server.py").toString(), "-H", "127.0.0.1", "-p", "0")
                .redirectErrorStream(true).start();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        listening.complete(URI.create(matcher.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process ended; the future below times out if it never listened
            }
            listening.completeExceptionally(new IllegalStateException("moto_server exited before listening"));
        }, "moto-output");
        reader.setDaemon(true);
        reader.start();
        // Also stopped when the test JVM exits, should a test class fail before its own clean-up.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }, "moto-stop"));
        try {
            return new MotoServer(process, listening.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("moto_server did not start", e);
        }
    }

    /** The repository root, found from the module directory Maven runs the tests in. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("scripts/bootstrap.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** SDK clients of this moto, in {@link #REGION}. */
    public LocalAws aws() {
        return new LocalAws(endpoint, REGION);
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
