package com.bookstore.infra.plan;

import com.bookstore.infra.policy.PolicySet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan command on the example configuration as shipped (a fixture copy, so a fork's own Pulumi.*.yaml never
 * breaks these tests): a domain, the pipeline on a self-managed backend, RTO 150 s of 180 s.
 * {@code RepositoryConfigTest} plans the repository's own files, whatever they say.
 */
class ExamplePlansTest {

    static final Path PROJECT = Path.of("src/test/resources/stacks/example");

    @Test
    @SuppressWarnings("unchecked")
    void bothExampleStacksPlanPassEveryPolicyAndTheSecondaryReplicatesAndFailsOver(@TempDir Path out) throws IOException {
        assertEquals(List.of(), PlanCommand.planStack(PROJECT, out, "primary"));
        assertEquals(List.of(), PlanCommand.planStack(PROJECT, out, "secondary"));

        Map<String, Object> primary = PlanJson.read(out.resolve("primary.json"));
        Map<String, Object> secondary = PlanJson.read(out.resolve("secondary.json"));
        Map<String, Object> primaryOutputs = (Map<String, Object>) primary.get("outputs");
        var resources = PlanJson.resources(secondary).values();

        assertEquals("secondary", secondary.get("stack"));
        assertEquals(Set.of(primaryOutputs.get("booksTableArn"), primaryOutputs.get("cartTableArn"),
                        primaryOutputs.get("ordersTableArn")),
                resources.stream().filter(r -> r.get("type").equals("aws:dynamodb/tableReplica:TableReplica"))
                        .map(r -> ((Map<String, Object>) r.get("inputs")).get("globalTableArn")).collect(Collectors.toSet()));
        assertTrue(resources.stream().anyMatch(r -> r.get("type").equals("aws:route53/record:Record")
                && String.valueOf(((Map<String, Object>) r.get("inputs")).get("failoverRoutingPolicies")).contains("SECONDARY")));
        for (Map<String, Object> resource : resources) {
            assertTrue(resource.keySet().containsAll(List.of("type", "name", "parent", "region", "inputs")), resource.toString());
        }
        // Everything the secondary owns lives in its region or the edge region, except the EFS replication of
        // the blog's uploads, which AWS takes in the source (primary) region.
        String replication = "aws:efs/replicationConfiguration:ReplicationConfiguration";
        assertTrue(resources.stream().filter(r -> String.valueOf(r.get("type")).startsWith("aws:"))
                .filter(r -> !r.get("type").equals(replication))
                .allMatch(r -> Set.of("ap-southeast-1", "us-east-1").contains(r.get("region"))));
        assertTrue(resources.stream().filter(r -> r.get("type").equals(replication))
                .allMatch(r -> "eu-west-1".equals(r.get("region"))));
        assertTrue(resources.stream().anyMatch(r -> r.get("type").equals("aws:rds/cluster:Cluster")
                && ((Map<String, Object>) r.get("inputs")).get("globalClusterIdentifier")
                        .equals(primaryOutputs.get("blogGlobalClusterId"))), "the secondary joins the blog's global database");
        String markdown = Files.readString(out.resolve("secondary.md"));
        assertTrue(markdown.contains("All policy rules pass."), markdown);
        assertTrue(markdown.contains("RTO 150 s of target 180 s"), markdown);
    }

    @Test
    void exampleConfigsAimBelowThreeMinutesAndOneMinute(@TempDir Path out) throws IOException {
        Plan primary = PlanCommand.plan(PROJECT, out, "primary");

        assertTrue(primary.resilience().rtoTargetSeconds() <= 180);
        assertTrue(primary.resilience().rpoTargetSeconds() <= 60);
        assertEquals(List.of(), PolicySet.standard().check(primary));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExamplePrimarysPlanHoldsTheDeliveryPipelineWithItsStagesInOrder(@TempDir Path out) throws IOException {
        assertEquals(List.of(), PlanCommand.planStack(PROJECT, out, "primary"));

        // What `make plan` writes: build/plan/primary.json.
        Map<String, Object> pipeline = PlanJson.resources(PlanJson.read(out.resolve("primary.json"))).values().stream()
                .filter(r -> r.get("type").equals("aws:codepipeline/pipeline:Pipeline")
                        && r.get("name").equals("bookstore-pipeline-delivery"))
                .findFirst().orElseThrow(() -> new AssertionError("no delivery pipeline in the example primary's plan"));
        List<Map<String, Object>> stages = (List<Map<String, Object>>) ((Map<String, Object>) pipeline.get("inputs")).get("stages");

        assertEquals(List.of("Source", "BuildAndTest", "DeployPrimary", "VerifyPrimary", "DeploySecondary", "VerifySecondary"),
                stages.stream().map(stage -> stage.get("name")).toList());
        assertTrue(Files.readString(out.resolve("primary.md")).contains("bookstore-pipeline-delivery"));
    }

    @Test
    void secondaryCannotBePlannedBeforeThePrimary(@TempDir Path out) {
        var failure = assertThrows(IllegalStateException.class, () -> PlanCommand.plan(PROJECT, out, "secondary"));

        assertTrue(failure.getMessage().contains("plan primary first"), failure.getMessage());
    }
}
