package com.bookstore.infra.plan;

import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The plan shows the ordering and protections Pulumi obeys, which the inputs alone do not. */
class PlanOptionsTest {

    @Test
    @SuppressWarnings("unchecked")
    void thePlanJsonRecordsEachResourcesExplicitDependsOnAndProtect(@TempDir Path out) throws IOException {
        Files.writeString(out.resolve("primary.json"), PlanJson.write(Plans.primary()));

        Map<String, Object> plan = PlanJson.read(out.resolve("primary.json"));
        var resources = PlanJson.resources(plan);
        Map<String, Object> service = resources.get("aws:ecs/service:Service::bookstore-blog");
        Map<String, Object> uploads = resources.get("aws:efs/fileSystem:FileSystem::bookstore-blog-uploads");
        Map<String, Object> vpc = resources.get("aws:ec2/vpc:Vpc::bookstore-network-vpc");

        assertEquals(false, plan.get("teardown"));
        assertEquals(List.of("aws:efs/mountTarget:MountTarget::bookstore-blog-uploads-0",
                "aws:efs/mountTarget:MountTarget::bookstore-blog-uploads-1", "aws:lb/listener:Listener::bookstore-blog-https",
                "aws:rds/clusterInstance:ClusterInstance::bookstore-blog-db-1"), service.get("dependsOn"));
        assertEquals(true, uploads.get("protect"));
        assertEquals(List.of(), vpc.get("dependsOn"));
        assertEquals(false, vpc.get("protect"));
    }
}
