package com.bookstore.platform.telemetry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Where telemetry lines (metrics, request logs) go. In Lambda that is standard output: CloudWatch Logs keeps
 * the lines and extracts the embedded metrics. The local runtime and the tests name a JSON-lines file instead.
 */
@FunctionalInterface
public interface LineSink {

    void write(String line);

    /** Standard output, or the file the environment variable {@code variable} names when it is set. */
    static LineSink fromEnvironment(Map<String, String> env, String variable) {
        String file = env.get(variable);
        return file == null || file.isBlank() ? standardOutput() : appendingTo(Path.of(file));
    }

    static LineSink standardOutput() {
        return System.out::println;
    }

    /** Appends whole lines; several functions of one local runtime may share the file, hence the lock. */
    static LineSink appendingTo(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent()); // once, not per line
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file, e);
        }
        return line -> {
            synchronized (LineSink.class) {
                try {
                    Files.writeString(file, line + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot append a metric line to " + file, e);
                }
            }
        };
    }
}
