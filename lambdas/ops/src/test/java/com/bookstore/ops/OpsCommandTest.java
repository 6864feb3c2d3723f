package com.bookstore.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import com.bookstore.ops.aws.RegionalClients;
import com.bookstore.engines.MotoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DescribeGlobalClustersRequest;
import software.amazon.awssdk.services.rds.model.DescribeGlobalClustersResponse;
import software.amazon.awssdk.services.rds.model.GlobalCluster;
import software.amazon.awssdk.services.rds.model.GlobalClusterMember;

class OpsCommandTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> clientRegions = new ArrayList<>();
    // Mockito, not moto: the command under test promotes through SwitchoverGlobalCluster, which moto 5.2.5 lacks.
    private final RdsClient rds = mock(RdsClient.class);

    /** RDS scripted (no local engine has global databases); EFS is the real client against moto. */
    private int run(String... args) {
        return OpsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new OpsCommand.PromotionClients() {
                    @Override
                    public RdsClient rds(String region) {
                        clientRegions.add("rds " + region);
                        return rds;
                    }

                    @Override
                    public EfsClient efs(String region) {
                        clientRegions.add("efs " + region);
                        return new RegionalClients(MOTO.endpoint()).efs(region);
                    }
                });
    }

    private void targetAlreadyWrites() {
        String target = "arn:aws:rds:ap-southeast-1:123456789012:cluster:blog";
        when(rds.describeGlobalClusters(any(DescribeGlobalClustersRequest.class))).thenReturn(
                DescribeGlobalClustersResponse.builder().globalClusters(GlobalCluster.builder().status("available")
                        .globalClusterMembers(GlobalClusterMember.builder().dbClusterArn(target).isWriter(true).build())
                        .build()).build());
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
        targetAlreadyWrites();

        assertEquals(0, run("promote-blog-db", "--global-cluster", "g", "--target-region", "ap-southeast-1", "--mode", "unplanned"));

        assertEquals(List.of("rds ap-southeast-1"), clientRegions);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("already the writer"));
    }

    @Test
    void anUnplannedPromotionWithoutTheUploadsSaysTheyStayReadOnlyAndHowToFinish() {
        targetAlreadyWrites();

        assertEquals(0, run("promote-blog-db", "--global-cluster", "g", "--target-region", "ap-southeast-1", "--mode", "unplanned"));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Uploads: not touched, so they stay read-only in ap-southeast-1"), printed);
        assertTrue(printed.contains("--uploads-file-system \"$(pulumi stack output blogUploadsFileSystemId --stack secondary)\""), printed);
    }

    @Test
    void aPlannedSwitchoverRefusesToTouchTheUploadsReplication() {
        assertEquals(2, run("promote-blog-db", "--global-cluster", "g", "--target-region", "ap-southeast-1",
                "--mode", "planned", "--uploads-file-system", "fs-0123456789abcdef0"));

        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--uploads-file-system belongs to --mode unplanned only"));
        assertTrue(clientRegions.isEmpty());
    }

    @Test
    void anUnknownUploadsDeletionIsACommandLineError() {
        assertEquals(2, run("promote-blog-db", "--global-cluster", "g", "--target-region", "ap-southeast-1",
                "--mode", "unplanned", "--uploads-file-system", "fs-0123456789abcdef0", "--uploads-deletion", "all"));

        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown uploads deletion 'all'"));
        assertTrue(clientRegions.isEmpty());
    }

    @Test
    void theUploadsAreLookedUpInTheTargetRegionAfterTheDatabaseIsPromoted() {
        targetAlreadyWrites();
        String inPrimaryRegion;
        try (EfsClient primaryRegion = new RegionalClients(MOTO.endpoint()).efs("eu-west-1")) {
            inPrimaryRegion = primaryRegion.createFileSystem(r -> r.creationToken("ops-test-" + System.nanoTime()))
                    .fileSystemId();
        }

        int exit = run("promote-blog-db", "--global-cluster", "g", "--target-region", "ap-southeast-1",
                "--mode", "unplanned", "--uploads-file-system", inPrimaryRegion);

        assertEquals(1, exit);
        assertEquals(List.of("rds ap-southeast-1", "efs ap-southeast-1"), clientRegions);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("already the writer"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(
                "promote-blog-db: No file system " + inPrimaryRegion + " in the target region"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void seedBlogNeedsTheStackOutputAndSaysWhichFieldsAreMissing() {
        java.util.List<String> regions = new java.util.ArrayList<>();
        OpsCommand.BlogSeedingClients clients = (region, timeout) -> {
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

    /** During an unplanned promotion a typo must stop the command, not leave the uploads read-only unnoticed. */
    @Test
    void aMistypedOptionIsRefusedBeforeAnythingRunsAndTheOptionsAreListed() {
        OpsCommand.PromotionClients clients = new OpsCommand.PromotionClients() {
            @Override
            public software.amazon.awssdk.services.rds.RdsClient rds(String region) {
                throw new AssertionError("no client may be built for a wrong command line");
            }

            @Override
            public software.amazon.awssdk.services.efs.EfsClient efs(String region) {
                throw new AssertionError("no client may be built for a wrong command line");
            }
        };

        int exit = OpsCommand.promoteBlogDb(new String[] {"promote-blog-db", "--global-cluster", "bookstore-blog",
                "--target-region", "ap-southeast-1", "--mode", "unplanned", "--uploads-filesystem", "fs-0123"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), clients);

        assertEquals(2, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --uploads-filesystem for promote-blog-db; it takes"
                + " --global-cluster, --mode, --target-region, --timeout-minutes, --uploads-deletion, --uploads-file-system"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void seedBlogGivesTheTaskTheTimeoutAskedFor() {
        java.util.List<java.time.Duration> timeouts = new java.util.ArrayList<>();
        OpsCommand.BlogSeedingClients clients = (region, timeout) -> {
            timeouts.add(timeout);
            throw new IllegalStateException("stop here: the test only looks at the timeout");
        };
        String task = "{\"cluster\":\"c\",\"taskDefinition\":\"t\",\"subnets\":[\"s\"],\"securityGroup\":\"g\","
                + "\"region\":\"eu-west-1\"}";
        PrintStream quiet = new PrintStream(out, true, StandardCharsets.UTF_8);

        assertThrows(IllegalStateException.class, () -> OpsCommand.seedBlog(
                new String[] {"seed-blog", "--task", task, "--timeout-minutes", "40"}, quiet, quiet, clients));
        assertThrows(IllegalStateException.class, () -> OpsCommand.seedBlog(
                new String[] {"seed-blog", "--task", task}, quiet, quiet, clients));

        assertEquals(java.util.List.of(java.time.Duration.ofMinutes(40), java.time.Duration.ofMinutes(15)), timeouts);
    }
}
