package com.bookstore.infra.plan;

import com.bookstore.infra.preflight.PreflightCommand;
import com.bookstore.infra.preflight.StateBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository's own Pulumi.*.yaml, whatever a fork has put in them: they plan and pass every policy rule. Nothing
 * here asserts a value of the shipped example (ExamplePlansTest does, on a fixture copy), so customising the config
 * the way the README suggests keeps this suite green, which the second test checks by doing it.
 */
class RepositoryConfigTest {

    private static final Path REPOSITORY = Path.of(".");

    @Test
    void theRepositorysStacksPlanAndPassEveryPolicyRule(@TempDir Path out) throws IOException {
        assertPlansCleanly(REPOSITORY, out);
    }

    @Test
    void aForkWithoutDomainOrPipelineOnPulumiCloudPlansAndPassesThePreflight(@TempDir Path fork, @TempDir Path out)
            throws IOException {
        Files.copy(REPOSITORY.resolve("Pulumi.yaml"), fork.resolve("Pulumi.yaml"));
        for (String stack : List.of("primary", "secondary")) {
            List<String> lines = Files.readAllLines(REPOSITORY.resolve("Pulumi." + stack + ".yaml")).stream()
                    .filter(line -> !line.matches("\\s*bookstore:(domain|hostedZoneId|pipeline\\w*):.*"))
                    .map(line -> line.replaceFirst("^(\\s*bookstore:primaryStack:).*", "$1 acme/bookstore/primary"))
                    .toList();
            Files.write(fork.resolve("Pulumi." + stack + ".yaml"), lines);
        }
        for (String artifact : List.of("lambdas/functions/target/bookstore-functions.jar", "ui/dist/index.html")) {
            Files.createDirectories(fork.resolve(artifact).getParent());
            Files.writeString(fork.resolve(artifact), "built");
        }

        assertPlansCleanly(fork, out);
        assertEquals(List.of(), PreflightCommand.check(fork, StateBackend.pulumiCloud(Optional.empty(), "acme")));
        assertTrue(Files.readString(out.resolve("secondary.md")).contains("no API failover without a domain"),
                "the budget says what is lost without a domain");
    }

    @Test
    void noOtherTestReadsTheRepositorysStackFiles() throws IOException {
        // A test that asserted the shipped values would fail a fork's build (its pipeline runs make test).
        try (var sources = Files.walk(Path.of("src/test/java"))) {
            List<Path> readers = sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith("RepositoryConfigTest.java"))
                    .filter(p -> {
                        try {
                            String code = Files.readString(p);
                            return code.contains("Path.of(\"Pulumi.") || code.contains("Path.of(\".\")");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
            assertEquals(List.of(), readers, "read the fixture copy under src/test/resources/stacks/example instead");
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertPlansCleanly(Path project, Path out) throws IOException {
        assertEquals(List.of(), PlanCommand.planStack(project, out, "primary"));
        assertEquals(List.of(), PlanCommand.planStack(project, out, "secondary"));

        // The secondary replicates exactly the primary's tables, whatever they are called.
        Map<String, Object> primaryOutputs = (Map<String, Object>) PlanJson.read(out.resolve("primary.json")).get("outputs");
        var replicated = PlanJson.resources(PlanJson.read(out.resolve("secondary.json"))).values().stream()
                .filter(r -> r.get("type").equals("aws:dynamodb/tableReplica:TableReplica"))
                .map(r -> ((Map<String, Object>) r.get("inputs")).get("globalTableArn")).collect(Collectors.toSet());
        assertEquals(java.util.Set.of(primaryOutputs.get("booksTableArn"), primaryOutputs.get("cartTableArn"),
                primaryOutputs.get("ordersTableArn")), replicated);
    }
}
