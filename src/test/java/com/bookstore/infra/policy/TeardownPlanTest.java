package com.bookstore.infra.policy;

import com.bookstore.infra.config.ConfigSource;
import com.bookstore.infra.config.StackConfigFile;
import com.bookstore.infra.config.StackSettings;
import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlanRunner;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.bookstore.infra.support.PlanEdits.editResources;
import static com.bookstore.infra.support.PlanEdits.editType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example stacks (domain, blog, pipeline) with {@code bookstore:teardown: true} (docs/runbooks/teardown.md): nothing is protected, so the
 * two destroys that follow cannot stop on a protection; and protections may be off only in such a plan.
 */
class TeardownPlanTest {

    /** The example configuration as shipped (a fixture copy: a fork's own stack files never break this test). */
    private static final Path EXAMPLE = Path.of("src/test/resources/stacks/example");
    private static Plan primary;
    private static Plan secondary;

    @BeforeAll
    static void planBothExampleStacksForTeardown() throws IOException {
        primary = plan("primary", Map.of());
        secondary = plan("secondary", primary.outputs());
    }

    private static Plan plan(String stack, Map<String, Object> primaryOutputs) throws IOException {
        Map<String, String> config = new LinkedHashMap<>(StackConfigFile.read(EXAMPLE.resolve("Pulumi." + stack + ".yaml")));
        config.put("bookstore:teardown", "true");
        return PlanRunner.run(StackSettings.parse(ConfigSource.of(config)), "bookstore", stack, primaryOutputs);
    }

    @Test
    void nothingInEitherTeardownPlanIsProtected() {
        for (Plan plan : List.of(primary, secondary)) {
            assertTrue(plan.teardown());
            List<String> protectedResources = plan.resources().stream()
                    .filter(r -> StatefulProtection.protections(r).stream().anyMatch(StatefulProtection.Protection::on))
                    .map(PlannedResource::key).toList();
            assertEquals(List.of(), protectedResources, plan.stack());
            assertTrue(plan.resources().stream().noneMatch(PlannedResource::protect), plan.stack());
            assertEquals(List.of(), PolicySet.standard().check(plan), plan.stack());
            assertEquals(List.of(), OneOwnerAcrossStacks.check(List.of(primary, secondary)));
        }
        // What the teardown had to switch off is really there to switch: the pipeline's buckets, the blog's
        // load balancer, Aurora, the uploads file system, the tables, the user pool and the credentials secret.
        for (String type : List.of("aws:s3/bucketV2:BucketV2", "aws:lb/loadBalancer:LoadBalancer",
                "aws:rds/globalCluster:GlobalCluster", "aws:efs/fileSystem:FileSystem", "aws:dynamodb/table:Table",
                "aws:secretsmanager/secret:Secret")) {
            assertTrue(!primary.ofType(type).isEmpty(), type);
        }
        assertEquals("INACTIVE", Plans.desired(Plans.cloudControl(primary, "AWS::Cognito::UserPool"), "DeletionProtection"));
        assertEquals(4, primary.ofType("aws:s3/bucketV2:BucketV2").size(),
                "storefront, canary runs and both pipeline buckets");
        assertEquals(true, Plans.input(Plans.named(primary, "aws:s3/bucketV2:BucketV2", "bookstore-shopper-runs"),
                "forceDestroy"), "the canary's screenshots go with the teardown");
        assertTrue(!secondary.ofType("aws:dynamodb/tableReplica:TableReplica").isEmpty());
        assertTrue(com.bookstore.infra.plan.PlanMarkdown.write(primary, List.of()).contains("**Teardown configuration**"));
    }

    @Test
    void aTeardownPlanThatStillProtectsAnythingFails() {
        Plan stillProtected = editResources(primary, r -> r.type().equals("aws:efs/fileSystem:FileSystem"),
                r -> new PlannedResource(r.type(), r.name(), r.parent(), r.region(), r.provider(), r.id(), r.inputs(),
                        r.dependsOn(), true));
        Plan stillVersionsKept = editType(primary, "aws:s3/bucketV2:BucketV2", inputs -> inputs.put("forceDestroy", false));

        assertTrue(new StatefulProtection().check(stillProtected).stream().anyMatch(v ->
                v.resource().equals("aws:efs/fileSystem:FileSystem::bookstore-blog-uploads")
                        && v.message().contains("Pulumi protect is set")), "protect on the uploads");
        assertTrue(new StatefulProtection().check(stillVersionsKept).stream().anyMatch(v ->
                v.resource().equals("aws:s3/bucketV2:BucketV2::bookstore-storefront")
                        && v.message().contains("forceDestroy is off")));
    }

    @Test
    void outsideATeardownProtectionsMayNotBeSwitchedOff() {
        Plan unprotected = editType(Plans.primary(), "aws:lb/loadBalancer:LoadBalancer",
                inputs -> inputs.put("enableDeletionProtection", false));

        assertTrue(new StatefulProtection().check(unprotected).stream().anyMatch(v ->
                v.resource().equals("aws:lb/loadBalancer:LoadBalancer::bookstore-blog")
                        && v.message().contains("only in a plan with bookstore:teardown: true")));
    }
}
