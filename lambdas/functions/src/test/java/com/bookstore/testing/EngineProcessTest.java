package com.bookstore.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.engines.EngineProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A server an EngineProcess started stops with the JVM that started it, even when that JVM is killed and runs
 * no shutdown hook (a timed-out mutation-testing minion): checked with a real child JVM and SIGKILL.
 */
class EngineProcessTest {

    /** The child JVM: starts a server (a shell that says "ready" and sleeps), prints the server's pid, waits. */
    public static void main(String[] args) throws Exception {
        EngineProcess engine = EngineProcess.start("sleeper", List.of("sh", "-c", "echo ready; exec sleep 300"),
                Pattern.compile("ready"));
        long server = ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("sleep 300"))
                .findFirst().orElseThrow().pid();
        System.out.println("server " + server + " " + engine.isAlive());
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5).toMillis());
    }

    @Test
    void theServerStopsWhenItsJvmIsKilled() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), EngineProcessTest.class.getName())
                .redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertTrue(line != null && line.startsWith("server "), "the child JVM started its server: " + line);
            ProcessHandle server = ProcessHandle.of(Long.parseLong(line.split(" ")[1])).orElseThrow();
            assertEquals("true", line.split(" ")[2]);

            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs

            assertTrue(server.onExit().toCompletableFuture().completeOnTimeout(null, 15, TimeUnit.SECONDS).get() != null
                    || !server.isAlive(), "the server outlived its JVM");
            assertFalse(server.isAlive());
        } finally {
            child.destroyForcibly();
        }
    }
}
