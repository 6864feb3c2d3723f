package com.bookstore.ops.engines;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real moto server (the project's .venv) on a free loopback port for one test class:
 * {@code @RegisterExtension static final MotoExtension MOTO = new MotoExtension();}. Deliberately
 * small: the ops tools only need SSM and Cognito from it. (The Lambdas' shared harness does more;
 * the two can be folded together once both modules share a parent.)
 */
public final class MotoExtension implements BeforeAllCallback, AfterAllCallback {

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
        int port = freePort();
        // started as every harness and the local mode start moto (scripts/moto/atomic_moto_server.py)
        process = new ProcessBuilder(root.resolve(".venv/bin/python").toString(),
                root.resolve("scripts/moto/atomic_moto_server.py").toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                afterAll(context);
                throw new IllegalStateException("moto_server did not listen on port " + port);
            }
            Thread.sleep(100);
        }
        endpoint = URI.create("http://127.0.0.1:" + port);
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
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
