package com.bookstore.infra.config;

import java.util.Locale;

/** What a stack is in the pair. It comes from config ({@code bookstore:role}), never from the stack's name. */
public enum Role {
    /** Owns the source of every replicated thing (tables, user pool, CloudFront). */
    PRIMARY,
    /** Owns everything about being a replica; reads the primary's outputs through a StackReference. */
    SECONDARY;

    /** The value used in config, tags and the functions' {@code BOOKSTORE_ROLE}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role parse(String text) {
        for (Role role : values()) {
            if (role.value().equals(text)) {
                return role;
            }
        }
        throw new IllegalArgumentException("must be 'primary' or 'secondary', got '" + text + "'");
    }
}
