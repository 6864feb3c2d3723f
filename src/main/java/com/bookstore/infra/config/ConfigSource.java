package com.bookstore.infra.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where config values come from, keyed by their full name ({@code bookstore:role}, {@code aws:region}).
 * The Pulumi engine is one source, a parsed {@code Pulumi.<stack>.yaml} is another (the offline plan), so the
 * same parsing and validation runs in both.
 */
public interface ConfigSource {

    Optional<String> get(String fullKey);

    /** Every key the stack sets, so unknown (misspelled) ones can be refused; empty when the source cannot list them. */
    default Set<String> keys() {
        return Set.of();
    }

    static ConfigSource of(Map<String, String> values) {
        return new ConfigSource() {
            @Override
            public Optional<String> get(String fullKey) {
                return Optional.ofNullable(values.get(fullKey));
            }

            @Override
            public Set<String> keys() {
                return values.keySet();
            }
        };
    }
}
