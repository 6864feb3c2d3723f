package com.bookstore.infra.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares two plan directories (before, after) stack by stack and reports, in Markdown, the resources added,
 * removed and changed, naming the changed input keys. This is the offline half of a pull request's preview.
 */
public final class PlanDiff {

    private PlanDiff() {
    }

    /** {@code PlanDiff <before dir> <after dir>}: prints the Markdown report. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PlanDiff <before plan dir> <after plan dir>");
            System.exit(2);
        }
        System.out.print(diff(Path.of(args[0]), Path.of(args[1])));
    }

    public static String diff(Path before, Path after) throws IOException {
        TreeSet<String> stacks = new TreeSet<>();
        stacks.addAll(stacks(before));
        stacks.addAll(stacks(after));
        StringBuilder md = new StringBuilder("# Offline plan diff\n\n");
        for (String stack : stacks) {
            Path a = before.resolve(stack + ".json");
            Path b = after.resolve(stack + ".json");
            md.append(diffStack(stack,
                    Files.exists(a) ? PlanJson.resources(PlanJson.read(a)) : Map.of(),
                    Files.exists(b) ? PlanJson.resources(PlanJson.read(b)) : Map.of()));
        }
        return md.toString();
    }

    static String diffStack(String stack, Map<String, Map<String, Object>> before,
                            Map<String, Map<String, Object>> after) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            Map<String, Object> a = before.get(key);
            Map<String, Object> b = after.get(key);
            if (a == null) {
                added.add("| `" + key + "` | " + b.get("region") + " |");
            } else if (b == null) {
                removed.add("| `" + key + "` | " + a.get("region") + " |");
            } else {
                List<String> changedKeys = changedKeys(a, b);
                if (!changedKeys.isEmpty()) {
                    changed.add("| `" + key + "` | " + String.join(", ", changedKeys.stream().map(k -> "`" + k + "`").toList()) + " |");
                }
            }
        }
        StringBuilder md = new StringBuilder("## ").append(stack).append("\n\n");
        if (added.isEmpty() && removed.isEmpty() && changed.isEmpty()) {
            return md.append("No changes.\n\n").toString();
        }
        md.append(added.size()).append(" to add, ").append(changed.size()).append(" to change, ")
                .append(removed.size()).append(" to remove.\n\n");
        table(md, "Added", "| resource | region |", added);
        table(md, "Changed", "| resource | changed keys |", changed);
        table(md, "Removed", "| resource | region |", removed);
        return md.toString();
    }

    /** Input keys (dotted for nested maps) whose values differ, plus a moved region or parent and changed options. */
    @SuppressWarnings("unchecked")
    static List<String> changedKeys(Map<String, Object> before, Map<String, Object> after) {
        List<String> keys = new ArrayList<>();
        for (String field : List.of("region", "parent")) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                keys.add(field);
            }
        }
        // Plans written before these options were recorded read as no dependencies and unprotected.
        if (!Objects.equals(before.getOrDefault("dependsOn", List.of()), after.getOrDefault("dependsOn", List.of()))) {
            keys.add("dependsOn");
        }
        if (!Objects.equals(before.getOrDefault("protect", false), after.getOrDefault("protect", false))) {
            keys.add("protect");
        }
        collect("", (Map<String, Object>) before.getOrDefault("inputs", Map.of()),
                (Map<String, Object>) after.getOrDefault("inputs", Map.of()), keys);
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static void collect(String prefix, Map<String, Object> a, Map<String, Object> b, List<String> keys) {
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String name : names) {
            Object x = a.get(name);
            Object y = b.get(name);
            if (x instanceof Map<?, ?> mx && y instanceof Map<?, ?> my) {
                collect(prefix + name + ".", (Map<String, Object>) mx, (Map<String, Object>) my, keys);
            } else if (!Objects.equals(x, y)) {
                keys.add(prefix + name);
            }
        }
    }

    private static void table(StringBuilder md, String title, String header, List<String> rows) {
        if (rows.isEmpty()) {
            return;
        }
        md.append("### ").append(title).append("\n\n").append(header).append('\n')
                .append(header.replaceAll("[^|]+", "---")).append('\n');
        rows.forEach(row -> md.append(row).append('\n'));
        md.append('\n');
    }

    private static List<String> stacks(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a plan directory");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
    }
}
