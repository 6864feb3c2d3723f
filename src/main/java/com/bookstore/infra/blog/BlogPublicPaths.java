package com.bookstore.infra.blog;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The blog's allow-list (docs/security.md#blog-admin): the public read paths, and the requests refused even on them, from
 * {@code scripts/blog/public-paths.json}, the file the local blog's router enforces too. Everything else reaches
 * WordPress only from the admin networks.
 * <p>
 * The listener rules are cut to the Application Load Balancer's quotas ("Quotas for your Application Load
 * Balancers", Rules: 100 rules per load balancer, 5 condition values, 5 wildcards and 5 match evaluations per
 * rule) and condition rules ("Condition types for listener rules": at most one path-pattern and one
 * http-request-method condition per rule, up to three match evaluations per condition; path patterns of at most
 * 128 characters, compared case-sensitively to the path only). A file that does not fit fails the program.
 */
final class BlogPublicPaths {

    static final Path FILE = Path.of("scripts", "blog", "public-paths.json");
    /** Match evaluations per condition (a path-pattern or query-string condition). */
    static final int VALUES_PER_CONDITION = 3;
    static final int VALUES_PER_RULE = 5;
    static final int WILDCARDS_PER_RULE = 5;
    static final int RULES_PER_LOAD_BALANCER = 100;
    static final int MAX_PATTERN_LENGTH = 128;

    final List<String> methods;
    final List<String> publicPaths;
    final List<String> refusedQueryKeys;
    final List<String> refusedHeaders;
    final List<String> refusedPathPatterns;

    private BlogPublicPaths(List<String> methods, List<String> publicPaths, List<String> refusedQueryKeys,
                            List<String> refusedHeaders, List<String> refusedPathPatterns) {
        this.methods = methods;
        this.publicPaths = publicPaths;
        this.refusedQueryKeys = refusedQueryKeys;
        this.refusedHeaders = refusedHeaders;
        this.refusedPathPatterns = refusedPathPatterns;
    }

    static BlogPublicPaths load() {
        try {
            return parse(Files.readString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("The blog's allow-list " + FILE.toAbsolutePath()
                    + " is missing: run the program from the project directory", e);
        }
    }

    static BlogPublicPaths parse(String json) {
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        JsonObject refused = root.getAsJsonObject("refused");
        var list = new BlogPublicPaths(strings(root, "methods"), strings(root, "publicPaths"),
                strings(refused, "queryKeys"), strings(refused, "headers"), strings(refused, "pathPatterns"));
        list.check();
        return list;
    }

    /** The public paths, a rule's worth at a time: the methods' values plus as many paths as the quotas leave. */
    List<List<String>> publicPathRules() {
        int room = Math.min(VALUES_PER_CONDITION, VALUES_PER_RULE - methods.size());
        return chunks(publicPaths, room, 0);
    }

    /** The refused path patterns, a rule's worth at a time (wildcards counted). */
    List<List<String>> refusedPathRules() {
        return chunks(refusedPathPatterns, VALUES_PER_CONDITION, 0);
    }

    /** The refused query keys, a rule's worth at a time; each is matched with the value {@code *}. */
    List<List<String>> refusedQueryRules() {
        return chunks(refusedQueryKeys, VALUES_PER_CONDITION, 1);
    }

    /** Rules the list needs on the listener, besides the admin networks' one. */
    int ruleCount() {
        return publicPathRules().size() + refusedPathRules().size() + refusedQueryRules().size() + refusedHeaders.size();
    }

    private void check() {
        List<String> problems = new ArrayList<>();
        if (methods.isEmpty() || methods.size() >= VALUES_PER_RULE) {
            problems.add("methods: between 1 and " + (VALUES_PER_RULE - 1) + " (the paths need room in the rule)");
        }
        for (String path : publicPaths) {
            if (!path.startsWith("/") || path.length() > MAX_PATTERN_LENGTH) {
                problems.add("public path '" + path + "': must start with / and have at most " + MAX_PATTERN_LENGTH + " characters");
            }
        }
        for (List<String> rule : publicPathRules()) {
            if (wildcards(rule) > WILDCARDS_PER_RULE) {
                problems.add("public paths " + rule + ": more than " + WILDCARDS_PER_RULE + " wildcards in one rule");
            }
        }
        for (List<String> rule : refusedPathRules()) {
            if (wildcards(rule) > WILDCARDS_PER_RULE) {
                problems.add("refused paths " + rule + ": more than " + WILDCARDS_PER_RULE + " wildcards in one rule");
            }
        }
        if (ruleCount() + 1 > RULES_PER_LOAD_BALANCER) {
            problems.add("the list needs " + (ruleCount() + 1) + " listener rules, more than " + RULES_PER_LOAD_BALANCER);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(FILE + " does not fit the load balancer's rules: " + String.join("; ", problems));
        }
    }

    /** Chunks whose wildcards stay within a rule's quota; {@code extraWildcards} per value (a query key's {@code *}). */
    private static List<List<String>> chunks(List<String> values, int size, int extraWildcards) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int wildcards = 0;
        for (String value : values) {
            int cost = wildcards(List.of(value)) + extraWildcards;
            if (!current.isEmpty() && (current.size() == size || wildcards + cost > WILDCARDS_PER_RULE)) {
                chunks.add(List.copyOf(current));
                current.clear();
                wildcards = 0;
            }
            current.add(value);
            wildcards += cost;
        }
        if (!current.isEmpty()) {
            chunks.add(List.copyOf(current));
        }
        return chunks;
    }

    private static int wildcards(List<String> values) {
        return values.stream().mapToInt(v -> (int) v.chars().filter(c -> c == '*' || c == '?').count()).sum();
    }

    private static List<String> strings(JsonObject object, String name) {
        JsonArray array = object.getAsJsonArray(name);
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.getAsString()));
        return List.copyOf(values);
    }
}
