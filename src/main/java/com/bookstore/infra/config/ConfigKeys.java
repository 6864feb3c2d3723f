package com.bookstore.infra.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** The nearest known key to a misspelled one, for the "did you mean" of an unknown-key error. */
final class ConfigKeys {

    /** Further than this many edits, a guess misleads more than it helps. */
    private static final int MAX_EDITS = 3;

    private ConfigKeys() {
    }

    static Optional<String> suggestion(String unknown, Collection<String> known) {
        String wanted = unknown.toLowerCase(Locale.ROOT);
        return known.stream()
                .filter(key -> distance(wanted, key.toLowerCase(Locale.ROOT)) <= MAX_EDITS)
                .min(Comparator.comparingInt((String key) -> distance(wanted, key.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
