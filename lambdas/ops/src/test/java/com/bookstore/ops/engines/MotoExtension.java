package com.bookstore.ops.engines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real moto server (the project's .venv) on a loopback port it chooses itself ({@code -p 0}, the port
 * read from its "Running on" line, so no other process can take it in between) for one test class:
 * {@code @RegisterExtension static final MotoExtension MOTO = new MotoExtension();}. Deliberately
 * small: the ops tools only need SSM and Cognito from it. (The Lambdas' shared harness does more;
 * the two can be folded together once both modules share a parent.)
 */
public final class MotoExtension implements BeforeAllCallback, AfterAllCallback {

    private static final Pattern LISTENING = Pattern.compile("Running on (http://127\\.0\\.0\\.1:\\d+)");

    private Process process;
    private URI endpoint;

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path root = repositoryRoot();
        if (!Files.isExecutable(root.resolve(".venv/bin/moto_server"))) {
            throw new IllegalStateException(root.resolve(".venv/bin/moto_server") + " is missing: run scripts/bootstrap.sh moto");
        }
        // started as every harness and the local mode start moto (scripts/moto/atomic_moto_server.py)
        process = new ProcessBuilder(root.resolve(".venv/bin/python").toString(),
                root.resolve("scripts/moto/atomic_moto_server.py").toString(), "-H", "127.0.0.1", "-p", "0")
                .redirectErrorStream(true).start();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            // read to the end: an undrained pipe would block moto once its buffer fills
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        listening.complete(URI.create(matcher.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            listening.completeExceptionally(new IllegalStateException("moto_server exited before listening"));
        }, "moto-output");
        reader.setDaemon(true);
        reader.start();
        try {
            endpoint = listening.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            afterAll(context);
            throw new IllegalStateException("moto_server did not start", e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

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
}
