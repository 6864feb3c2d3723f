package com.bookstore.infra.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackConfigFileTest {

    @Test
    void readsTheFlatConfigBlockWithQuotesAndComments() {
        Map<String, String> config = StackConfigFile.parse(List.of(
                "# a stack",
                "encryptionsalt: abc",
                "config:",
                "  aws:region: eu-west-1   # the primary",
                "  bookstore:rtoTargetSeconds: \"180\"",
                "  bookstore:note: 'has # inside'",
                "",
                "other: value"), "test.yaml");

        assertEquals(Map.of("aws:region", "eu-west-1", "bookstore:rtoTargetSeconds", "180",
                "bookstore:note", "has # inside"), config);
    }

    @Test
    void nestedOrSecretValuesAreRejectedWithTheirLine() {
        var failure = assertThrows(IllegalArgumentException.class, () -> StackConfigFile.parse(List.of(
                "config:",
                "  bookstore:password:",
                "    secure: AAAB"), "Pulumi.x.yaml"));

        assertTrue(failure.getMessage().startsWith("Pulumi.x.yaml:2:"), failure.getMessage());
    }

    @Test
    void duplicateKeysAreRejected() {
        var failure = assertThrows(IllegalArgumentException.class, () -> StackConfigFile.parse(List.of(
                "config:", "  aws:region: eu-west-1", "  aws:region: us-east-1"), "f"));

        assertTrue(failure.getMessage().contains("duplicate key aws:region"), failure.getMessage());
    }
}
