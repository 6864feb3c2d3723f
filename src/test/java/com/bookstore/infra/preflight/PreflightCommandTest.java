package com.bookstore.infra.preflight;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code make preflight}: both stacks of a project directory, every problem at once, prefixed with its stack. */
class PreflightCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return PreflightCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theShippedExampleIsRefusedWithEveryProblemOfBothStacks() {
        int exit = run("src/test/resources/stacks/example", "https://api.pulumi.com", "acme");

        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit);
        for (String problem : new String[] {
                "primary: bookstore:hostedZoneId is the shipped example Z0EXAMPLE0BOOKSTORE",
                "secondary: bookstore:hostedZoneId is the shipped example Z0EXAMPLE0BOOKSTORE",
                "primary: bookstore:pipelineRepository is the shipped example example-org/bookstore",
                "primary: the pipeline's state backend (bookstore:pipelineBackendUrl s3://example-bookstore-pulumi-state",
                "secondary: bookstore:primaryStack organization/bookstore/primary cannot be found on this backend"}) {
            assertTrue(printed.contains(problem), problem + " not in " + printed);
        }
    }

    @Test
    void aWrongBackendOrCommandLineIsAUsageError() {
        assertEquals(2, run("src/test/resources/stacks/example", "https://api.pulumi.com"));
        assertEquals(2, run("src/test/resources/stacks/example", "gs://state"));
        assertEquals(2, run("."));

        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Pulumi Cloud (https://api.pulumi.com) needs the organization of the stacks"), printed);
        assertTrue(printed.contains("not a Pulumi backend URL"), printed);
    }
}
