package com.bookstore.platform.telemetry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Where metric lines go. In Lambda that is standard output: CloudWatch Logs extracts the metrics from the
 * function's log stream. The local runtime and the tests set {@code METRICS_FILE} and get a JSON-lines file.
 */
@FunctionalInterface
public interface MetricSink {

    void write(String line);

    static MetricSink fromEnvironment(Map<String, String> env) {
        String file = env.get("METRICS_FILE");
        return file == null || file.isBlank() ? standardOutput() : appendingTo(Path.of(file));
    }

    static MetricSink standardOutput() {
        return System.out::println;
    }

    /** Appends whole lines; several functions of one local runtime may share the file, hence the lock. */
    static MetricSink appendingTo(Path file) {
        return line -> {
            synchronized (MetricSink.class) {
                try {
                    if (file.getParent() != null) {
                        Files.createDirectories(file.getParent());
                    }
                    Files.writeString(file, line + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot append a metric line to " + file, e);
                }
            }
        };
    }
}
