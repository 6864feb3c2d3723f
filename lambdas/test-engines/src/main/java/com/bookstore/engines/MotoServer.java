package com.bookstore.engines;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * moto of the project's .venv on a loopback port it picks itself ({@code -p 0}), started as the local mode starts
 * it: through scripts/moto/atomic_moto_server.py, which gives moto DynamoDB's request atomicity back (docs/api.md,
 * "moto 5.2.5").
 */
public final class MotoServer implements AutoCloseable {
    public static final String REGION = "eu-west-1";
    private static final String ATOMIC_MOTO_SERVER = "scripts/moto/atomic_moto_server.py";
    /** werkzeug prints this line once it listens, naming the port it got. */
    private static final Pattern LISTENING = Pattern.compile("Running on http://127\\.0\\.0\\.1:(\\d+)");

    private final EngineProcess process;

    private MotoServer(EngineProcess process) {
        this.process = process;
    }

    public static MotoServer start() {
        Path root = repositoryRoot();
        Path venvPython = root.resolve(".venv/bin/python");
        if (!Files.isExecutable(root.resolve(".venv/bin/moto_server"))) {
            throw new IllegalStateException(root.resolve(".venv/bin/moto_server")
                    + " is missing: run scripts/bootstrap.sh moto (make lambdas-test does)");
        }
        return new MotoServer(EngineProcess.start("moto", List.of(venvPython.toString(),
                root.resolve(ATOMIC_MOTO_SERVER).toString(), "-H", "127.0.0.1", "-p", "0"), LISTENING));
    }

    /** The repository root, found from the module directory Maven runs the tests in. */
    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("scripts/bootstrap.sh")) && Files.exists(dir.resolve(ATOMIC_MOTO_SERVER))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    }

    public int port() {
        return process.port();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + process.port());
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return process.toString();
    }
}
