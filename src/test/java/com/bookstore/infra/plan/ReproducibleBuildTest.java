package com.bookstore.infra.plan;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cheap half of reproducible deployables: every pom that builds a jar declares a fixed
 * {@code project.build.outputTimestamp} or inherits it from its parent in this repository, and jar-building
 * plugins are on versions that honour it. The expensive half (two builds, byte-compared) is
 * {@code make reproducible}.
 */
class ReproducibleBuildTest {

    private static final Pattern TIMESTAMP = Pattern.compile(
            "<project\\.build\\.outputTimestamp>(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z)</project\\.build\\.outputTimestamp>");
    private static final Pattern LAMBDAS_PARENT = Pattern.compile(
            "<parent>\\s*<groupId>com\\.bookstore</groupId>\\s*<artifactId>bookstore-lambdas</artifactId>");
    private static final List<String> POMS = List.of("pom.xml", "lambdas/pom.xml", "lambdas/functions/pom.xml",
            "lambdas/local/pom.xml", "lambdas/ops/pom.xml", "lambdas/pipeline-gate/pom.xml");

    @Test
    void everyPomHasAFixedOutputTimestampOfItsOwnOrFromItsParent() throws IOException {
        for (String pom : POMS) {
            String text = Files.readString(Path.of(pom));
            boolean own = TIMESTAMP.matcher(text).find();
            boolean inherited = LAMBDAS_PARENT.matcher(text).find()
                    && TIMESTAMP.matcher(Files.readString(Path.of("lambdas/pom.xml"))).find();
            assertTrue(own || inherited, pom + " sets no project.build.outputTimestamp and inherits none");
        }
    }

    @Test
    void theJarPluginsHonourTheTimestamp() throws IOException {
        // maven-jar-plugin >= 3.2.0, maven-shade-plugin >= 3.2.2 and maven-assembly-plugin >= 3.2.0 read it.
        for (String pom : POMS) {
            Matcher plugin = Pattern.compile("<artifactId>maven-(jar|shade|assembly)-plugin</artifactId>\\s*<version>(\\d+)\\.(\\d+)")
                    .matcher(Files.readString(Path.of(pom)));
            while (plugin.find()) {
                int major = Integer.parseInt(plugin.group(2));
                int minor = Integer.parseInt(plugin.group(3));
                assertTrue(major > 3 || (major == 3 && minor >= 2), pom + ": maven-" + plugin.group(1) + "-plugin "
                        + major + "." + minor + " ignores project.build.outputTimestamp");
            }
        }
        assertTrue(Files.readString(Path.of("pom.xml")).contains("<artifactId>maven-jar-plugin</artifactId>"),
                "the root pom pins maven-jar-plugin (Maven 3.8 defaults to 2.4, which ignores the timestamp)");
    }
}
