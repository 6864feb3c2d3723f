package com.bookstore.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DescribeGlobalClustersRequest;
import software.amazon.awssdk.services.rds.model.DescribeGlobalClustersResponse;
import software.amazon.awssdk.services.rds.model.GlobalCluster;
import software.amazon.awssdk.services.rds.model.GlobalClusterMember;

class OpsCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> clientRegions = new ArrayList<>();
    private final RdsClient rds = mock(RdsClient.class);

    private int run(String... args) {
        return OpsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), region -> {
                    clientRegions.add(region);
                    return rds;
                });
    }

    @Test
    void missingOptionsPrintUsageAndExitTwo() {
        assertEquals(2, run("promote-blog-db", "--global-cluster", "bookstore-blog"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing --target-region"));
        assertTrue(clientRegions.isEmpty());
    }

    @Test
    void anUnknownModeIsACommandLineError() {
        assertEquals(2, run("promote-blog-db", "--global-cluster", "g", "--target-region", "ap-southeast-1", "--mode", "fast"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown mode 'fast'"));
    }

    @Test
    void theClientIsBuiltForTheTargetRegion() {
        String target = "arn:aws:rds:ap-southeast-1:123456789012:cluster:blog";
        when(rds.describeGlobalClusters(any(DescribeGlobalClustersRequest.class))).thenReturn(
                DescribeGlobalClustersResponse.builder().globalClusters(GlobalCluster.builder().status("available")
                        .globalClusterMembers(GlobalClusterMember.builder().dbClusterArn(target).isWriter(true).build())
                        .build()).build());

        assertEquals(0, run("promote-blog-db", "--global-cluster", "g", "--target-region", "ap-southeast-1", "--mode", "unplanned"));

        assertEquals(List.of("ap-southeast-1"), clientRegions);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("already the writer"));
    }

    @Test
    void seedBlogNeedsTheStackOutputAndSaysWhichFieldsAreMissing() {
        java.util.List<String> regions = new java.util.ArrayList<>();
        OpsCommand.BlogSeedingClients clients = region -> {
            regions.add(region);
            throw new AssertionError("no client may be built for a wrong command line");
        };

        assertEquals(2, OpsCommand.seedBlog(new String[] {"seed-blog"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clients));
        assertEquals(2, OpsCommand.seedBlog(new String[] {"seed-blog", "--task", "{\"region\":\"eu-west-1\"}"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), clients));

        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("missing --task"), errors);
        assertTrue(errors.contains("--task lacks cluster, taskDefinition, subnets, securityGroup"), errors);
        assertTrue(regions.isEmpty());
    }
}
