package com.bookstore.infra.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code config:} block of a {@code Pulumi.<stack>.yaml} for the offline plan.
 *
 * <p>The stack files are flat by design (one scalar per key, no secrets, no nested objects), so a reader of
 * that subset of YAML is a few lines and saves a YAML library on the program's classpath. Anything outside
 * the subset is rejected with its line number instead of being misread.
 */
public final class StackConfigFile {

    private StackConfigFile() {
    }

    public static Map<String, String> read(Path file) throws IOException {
        return parse(Files.readAllLines(file), file.toString());
    }

    /** The project's {@code name:} from {@code Pulumi.yaml}. */
    public static String projectName(Path pulumiYaml) throws IOException {
        for (String line : Files.readAllLines(pulumiYaml)) {
            String entry = stripComment(line);
            if (entry.startsWith("name:")) {
                return unquote(entry.substring("name:".length()).trim(), pulumiYaml.toString(), 0);
            }
        }
        throw new IllegalArgumentException(pulumiYaml + ": no top-level name");
    }

    static Map<String, String> parse(List<String> lines, String origin) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean inConfig = false;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = stripComment(raw);
            if (line.isBlank()) {
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (!indented) {
                inConfig = line.trim().equals("config:");
                if (!inConfig && !line.contains(":")) {
                    throw error(origin, i, "expected 'key: value'");
                }
                continue;
            }
            if (!inConfig) {
                continue;
            }
            String entry = line.trim();
            int colon = entry.indexOf(": ");
            if (colon < 0) {
                throw error(origin, i, "expected a flat 'namespace:key: value' entry (nested values are not supported)");
            }
            String key = entry.substring(0, colon).trim();
            String value = unquote(entry.substring(colon + 2).trim(), origin, i);
            if (values.put(key, value) != null) {
                throw error(origin, i, "duplicate key " + key);
            }
        }
        return values;
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == quote) {
                    quoted = false;
                }
            } else if (c == '"' || c == '\'') {
                quoted = true;
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String unquote(String value, String origin, int index) {
        if (value.isEmpty() || value.startsWith("{") || value.startsWith("[") || value.startsWith("|")
                || value.startsWith(">")) {
            throw error(origin, index, "expected a scalar value");
        }
        char first = value.charAt(0);
        if (first == '"' || first == '\'') {
            if (value.length() < 2 || value.charAt(value.length() - 1) != first) {
                throw error(origin, index, "unterminated quoted value");
            }
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static IllegalArgumentException error(String origin, int index, String message) {
        return new IllegalArgumentException(origin + ":" + (index + 1) + ": " + message);
    }
}
