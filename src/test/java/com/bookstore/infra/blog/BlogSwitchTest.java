package com.bookstore.infra.blog;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlanFailedException;
import com.bookstore.infra.preflight.DeployPreflight;
import com.bookstore.infra.support.Plans;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bookstore:blog: off}: a trial without the blog, which is most of the idle cost (README, "What it costs"). */
class BlogSwitchTest {

    private static final Map<String, String> OFF = Map.of("bookstore:blog", "off");

    @Test
    void withTheBlogOffNeitherStackHasItsDatabaseTasksBalancerOrUploads() {
        Plan primary = Plans.run(Plans.primaryConfig(OFF), Map.of());
        Plan secondary = Plans.run(Plans.secondaryConfig(OFF), primary.outputs());

        for (Plan plan : List.of(primary, secondary)) {
            Set<String> types = plan.awsResources().stream().map(r -> r.type()).collect(java.util.stream.Collectors.toSet());
            for (String blogType : List.of("aws:rds/cluster:Cluster", "aws:rds/globalCluster:GlobalCluster",
                    "aws:ecs/service:Service", "aws:lb/loadBalancer:LoadBalancer", "aws:efs/fileSystem:FileSystem")) {
                assertFalse(types.contains(blogType), plan.stack() + " still has " + blogType);
            }
            assertFalse(plan.outputs().containsKey("blogUrl"), plan.stack() + " " + plan.outputs().keySet());
            var config = Plans.named(plan, "aws:s3/bucketObjectv2:BucketObjectv2", "bookstore-storefront-config");
            assertFalse(JsonParser.parseString((String) input(config, "content")).getAsJsonObject().has("blogUrl"));
        }
        assertFalse(primary.outputs().containsKey("blogSeedTask"));
        assertFalse(primary.outputs().containsKey("blogGlobalClusterId"));
        // The API keeps its failover record and health check; only the blog's are gone.
        var records = primary.ofType("aws:route53/record:Record");
        assertTrue(records.stream().anyMatch(r -> String.valueOf(input(r, "name")).startsWith("api.")), records.toString());
        assertTrue(records.stream().noneMatch(r -> String.valueOf(input(r, "name")).startsWith("blog.")), records.toString());
        // One endpoint check (the API's); its record follows it through the Region switch plan's calculated check.
        assertEquals(1, primary.ofType("aws:route53/healthCheck:HealthCheck").stream()
                .filter(c -> "HTTPS".equals(input(c, "type"))).count());
    }

    @Test
    void aSecondaryWithTheBlogAgainstAPrimaryWithoutItSaysBothMustAgree() {
        Plan primary = Plans.run(Plans.primaryConfig(OFF), Map.of());

        var failure = assertThrows(PlanFailedException.class, () -> Plans.run(Plans.secondaryConfig(Map.of()), primary.outputs()));

        assertTrue(failure.getMessage().contains("blogGlobalClusterId is missing (is bookstore:blog off in the primary? "
                + "both stacks must agree)"), failure.getMessage());
        assertTrue(DeployPreflight.pairProblems(Plans.settings(Plans.primaryConfig(OFF)),
                Plans.settings(Plans.secondaryConfig(Map.of()))).stream()
                .anyMatch(p -> p.startsWith("bookstore:blog is off in the primary and on in the secondary")));
    }

    @Test
    void theSwitchTakesOnOrOff() {
        var failure = assertThrows(com.bookstore.infra.config.InvalidConfigException.class,
                () -> Plans.settings(Plans.primaryConfig(Map.of("bookstore:blog", "false"))));

        assertEquals(List.of("bookstore:blog: expected on or off, got 'false'"), failure.problems());
        assertTrue(Plans.settings(Plans.primaryConfig(Map.of())).blog().isPresent());
    }
}
