package com.bookstore.infra.stack;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The house rules of the program that hold for every stack, checked on the plans and the sources. */
class StackStructureTest {

    private static final Pattern COMPONENT_TOKEN = Pattern.compile("bookstore:[a-z]+:[A-Z][A-Za-z]+");
    private static final Pattern REGION_LITERAL = Pattern.compile("\"[a-z]{2}-(north|south|east|west|central|northeast|southeast|northwest|southwest)-\\d\"");

    @Test
    void everyAwsResourceBelongsToAComponentAndEveryComponentHasAModuleToken() {
        for (Plan plan : List.of(Plans.primary(), Plans.secondary())) {
            for (PlannedResource r : plan.resources()) {
                if (r.type().startsWith("aws:")) {
                    assertTrue(r.parent() != null && r.parent().startsWith("bookstore:"), r.key() + " has parent " + r.parent());
                } else if (r.isComponent()) {
                    assertTrue(COMPONENT_TOKEN.matcher(r.type()).matches(), r.type());
                }
            }
        }
    }

    @Test
    void theTwoStacksNeverClaimTheSamePhysicalNameInARegionTheyShare() {
        Set<String> primaryNames = physicalNames(Plans.primary());

        Set<String> clashes = physicalNames(Plans.secondary()).stream().filter(primaryNames::contains)
                .collect(Collectors.toSet());

        assertEquals(Set.of(), clashes);
    }

    /** {@code type region name [setIdentifier]} of every resource with an explicit name (ACM validation records included). */
    private static Set<String> physicalNames(Plan plan) {
        return plan.awsResources().stream()
                .filter(r -> r.inputs().get("name") instanceof String)
                .map(r -> r.type() + " " + r.region() + " " + r.inputs().get("name") + " "
                        + r.inputs().getOrDefault("setIdentifier", ""))
                .collect(Collectors.toSet());
    }

    @Test
    void theSecondaryCreatesNoSourceOfAReplicatedThing() {
        Plan secondary = Plans.secondary();

        for (String owned : List.of("aws:dynamodb/table:Table", "aws:cognito/userPool:UserPool",
                "aws:cloudfront/distribution:Distribution")) {
            assertEquals(List.of(), secondary.ofType(owned), owned);
        }
    }

    @Test
    void onlyTheEntryPointReadsConfigAndNoSourceNamesARegion() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                if (!source.endsWith("App.java")) {
                    assertTrue(!code.contains("ctx.config(") && !code.contains(".config(\""), source + " reads config");
                }
                assertTrue(!REGION_LITERAL.matcher(code).find(), source + " names a region");
            }
        }
    }
}
