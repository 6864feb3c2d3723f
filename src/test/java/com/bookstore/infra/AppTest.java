package com.bookstore.infra;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the entry point reads the engine's config. */
class AppTest {

    @Test
    void theEnginesKeyListIsReadFromItsConfigVariableInBothKeyForms() {
        assertEquals(Set.of("aws:region", "bookstore:role", "bookstore:domain"), App.configKeys(
                "{\"aws:region\":\"eu-west-1\",\"bookstore:role\":\"primary\",\"bookstore:config:domain\":\"a.b\"}"));
    }
}
