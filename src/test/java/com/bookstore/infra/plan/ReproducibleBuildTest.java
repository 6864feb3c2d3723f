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
 * {@code project.build.outputTimestamp} or inherits it through its chain of parents in this repository, and
 * jar-building plugins are on versions that honour it. The expensive half (two builds, byte-compared) is
 * {@code make reproducible}.
 */
class ReproducibleBuildTest {

    private static final Pattern TIMESTAMP = Pattern.compile(
            "<project\\.build\\.outputTimestamp>(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z)</project\\.build\\.outputTimestamp>");
    private static final Pattern PARENT = Pattern.compile(
            "<parent>\\s*<groupId>com\\.bookstore</groupId>.*?(?:<relativePath>([^<]+)</relativePath>\\s*)?</parent>",
            Pattern.DOTALL);
    private static final List<String> POMS = List.of("parent/pom.xml", "pom.xml", "lambdas/pom.xml",
            "lambdas/functions/pom.xml", "lambdas/local/pom.xml", "lambdas/ops/pom.xml", "lambdas/pipeline-gate/pom.xml");

    @Test
    void everyPomHasAFixedOutputTimestampOfItsOwnOrFromItsParents() throws IOException {
        for (String pom : POMS) {
            assertTrue(timestampInChain(Path.of(pom)), pom + " sets no project.build.outputTimestamp and inherits none");
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
        assertTrue(Files.readString(Path.of("parent/pom.xml")).matches("(?s).*<pluginManagement>.*"
                        + "<artifactId>maven-jar-plugin</artifactId>\\s*<version>.*</pluginManagement>.*"),
                "the parent pom pins maven-jar-plugin for every module (Maven 3.8 defaults to 2.4, which ignores the timestamp)");
    }

    /** Follows {@code <parent>} (its relativePath, or Maven's default ../pom.xml) while it is a pom of this repository. */
    private static boolean timestampInChain(Path pom) throws IOException {
        for (Path current = pom; Files.exists(current); ) {
            String text = Files.readString(current);
            if (TIMESTAMP.matcher(text).find()) {
                return true;
            }
            Matcher parent = PARENT.matcher(text);
            if (!parent.find()) {
                return false;
            }
            Path relative = Path.of(parent.group(1) == null ? "../pom.xml" : parent.group(1).trim());
            current = current.toAbsolutePath().getParent().resolve(relative).normalize();
        }
        return false;
    }
}
