package com.bookstore.infra.config;

import java.util.Map;
import java.util.Optional;

/**
 * Where config values come from, keyed by their full name ({@code bookstore:role}, {@code aws:region}).
 * The Pulumi engine is one source, a parsed {@code Pulumi.<stack>.yaml} is another (the offline plan), so the
 * same parsing and validation runs in both.
 */
@FunctionalInterface
public interface ConfigSource {

    Optional<String> get(String fullKey);

    static ConfigSource of(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }
}
