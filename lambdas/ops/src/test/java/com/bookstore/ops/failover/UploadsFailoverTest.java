package com.bookstore.ops.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.DeleteReplicationConfigurationRequest;
import software.amazon.awssdk.services.efs.model.DeletionMode;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsRequest;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsResponse;
import software.amazon.awssdk.services.efs.model.DescribeReplicationConfigurationsRequest;
import software.amazon.awssdk.services.efs.model.DescribeReplicationConfigurationsResponse;
import software.amazon.awssdk.services.efs.model.Destination;
import software.amazon.awssdk.services.efs.model.EfsException;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;
import software.amazon.awssdk.services.efs.model.FileSystemNotFoundException;
import software.amazon.awssdk.services.efs.model.LifeCycleState;
import software.amazon.awssdk.services.efs.model.ReplicationConfigurationDescription;
import software.amazon.awssdk.services.efs.model.ReplicationNotFoundException;
import software.amazon.awssdk.services.efs.model.ReplicationOverwriteProtection;
import software.amazon.awssdk.services.efs.model.ReplicationStatus;

/**
 * The EFS client is scripted with Mockito: moto 5.2.5 (the local AWS) has no EFS replication calls
 * (DescribeReplicationConfigurations, DeleteReplicationConfiguration) and no file system protection, so
 * these answers follow EFS's API reference instead. OpsCommandTest runs the real client against moto for
 * what moto does implement (DescribeFileSystems).
 */
class UploadsFailoverTest {

    private static final String REPLICA = "fs-0aaaaaaaaaaaaaaaa";
    private static final String SOURCE = "fs-0bbbbbbbbbbbbbbbb";
    private static final Instant LAST_REPLICATED = Instant.parse("2026-12-01T17:40:00Z");

    // Mockito, not moto: moto 5.2.5 has no EFS replication APIs (DescribeReplicationConfigurations,
    // DeleteReplicationConfiguration), and the file systems' replication state comes from them.
    private final EfsClient efs = mock(EfsClient.class);
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private final UploadsFailover failover = new UploadsFailover(
            efs, sleeps::add, progress::add, Duration.ofSeconds(15), Duration.ofMinutes(1));

    private static DescribeFileSystemsResponse fileSystem(ReplicationOverwriteProtection protection) {
        return DescribeFileSystemsResponse.builder().fileSystems(FileSystemDescription.builder()
                .fileSystemId(REPLICA).lifeCycleState(LifeCycleState.AVAILABLE)
                .fileSystemProtection(p -> p.replicationOverwriteProtection(protection))
                .build()).build();
    }

    private static DescribeReplicationConfigurationsResponse replicatingFromSource(ReplicationStatus status) {
        return DescribeReplicationConfigurationsResponse.builder().replications(ReplicationConfigurationDescription.builder()
                .sourceFileSystemId(SOURCE).sourceFileSystemRegion("eu-west-1")
                .destinations(Destination.builder().fileSystemId(REPLICA).region("ap-southeast-1").status(status)
                        .lastReplicatedTimestamp(LAST_REPLICATED).build())
                .build()).build();
    }

    /** The replica replicates from SOURCE in {@code status}; each description returns the next protection. */
    private void replicating(ReplicationStatus status, ReplicationOverwriteProtection first,
                             ReplicationOverwriteProtection... then) {
        when(efs.describeFileSystems(any(DescribeFileSystemsRequest.class))).thenReturn(fileSystem(first),
                java.util.Arrays.stream(then).map(UploadsFailoverTest::fileSystem).toArray(DescribeFileSystemsResponse[]::new));
        when(efs.describeReplicationConfigurations(any(DescribeReplicationConfigurationsRequest.class)))
                .thenReturn(replicatingFromSource(status));
    }

    private void noReplication() {
        when(efs.describeReplicationConfigurations(any(DescribeReplicationConfigurationsRequest.class)))
                .thenThrow(ReplicationNotFoundException.builder().message("no replication").build());
    }

    private DeleteReplicationConfigurationRequest deleted() {
        ArgumentCaptor<DeleteReplicationConfigurationRequest> sent =
                ArgumentCaptor.forClass(DeleteReplicationConfigurationRequest.class);
        verify(efs).deleteReplicationConfiguration(sent.capture());
        return sent.getValue();
    }

    @Test
    void endsTheReplicationFromItsSourceAndWaitsUntilTheReplicaIsWritable() {
        replicating(ReplicationStatus.ENABLED, ReplicationOverwriteProtection.REPLICATING,
                ReplicationOverwriteProtection.REPLICATING, ReplicationOverwriteProtection.REPLICATING,
                ReplicationOverwriteProtection.ENABLED);

        UploadsFailover.Result result = failover.makeWritable(REPLICA, UploadsFailover.Scope.BOTH_REGIONS);

        assertEquals(SOURCE, deleted().sourceFileSystemId());
        assertEquals(DeletionMode.ALL_CONFIGURATIONS, deleted().deletionMode());
        assertTrue(result.changed());
        assertEquals(Optional.of(LAST_REPLICATED), result.lastReplicated());
        assertEquals(List.of(Duration.ofSeconds(15), Duration.ofSeconds(15)), sleeps);
        assertTrue(progress.stream().anyMatch(line -> line.contains("last replicated 2026-12-01T17:40:00Z")), progress.toString());
        assertTrue(progress.get(progress.size() - 1).contains(REPLICA + " is writable (after 30 s)"), progress.toString());
    }

    @Test
    void localOnlyScopeDeletesOnlyTheReplicasSide() {
        replicating(ReplicationStatus.ERROR, ReplicationOverwriteProtection.REPLICATING, ReplicationOverwriteProtection.ENABLED);

        failover.makeWritable(REPLICA, UploadsFailover.Scope.THIS_REGION_ONLY);

        assertEquals(DeletionMode.LOCAL_CONFIGURATION_ONLY, deleted().deletionMode());
    }

    @Test
    void aWritableCopyWithoutReplicationIsLeftAlone() {
        when(efs.describeFileSystems(any(DescribeFileSystemsRequest.class)))
                .thenReturn(fileSystem(ReplicationOverwriteProtection.ENABLED));
        noReplication();

        UploadsFailover.Result result = failover.makeWritable(REPLICA, UploadsFailover.Scope.BOTH_REGIONS);

        assertFalse(result.changed());
        verify(efs, never()).deleteReplicationConfiguration(any(DeleteReplicationConfigurationRequest.class));
        assertTrue(progress.get(0).contains("writable already"), progress.toString());
    }

    @Test
    void aRerunWhileEfsIsStillFinishingWaitsWithoutDeletingAgain() {
        replicating(ReplicationStatus.DELETING, ReplicationOverwriteProtection.REPLICATING,
                ReplicationOverwriteProtection.REPLICATING, ReplicationOverwriteProtection.ENABLED);

        UploadsFailover.Result result = failover.makeWritable(REPLICA, UploadsFailover.Scope.BOTH_REGIONS);

        verify(efs, never()).deleteReplicationConfiguration(any(DeleteReplicationConfigurationRequest.class));
        assertTrue(result.changed());
        assertEquals(1, sleeps.size());
    }

    @Test
    void theSourceFileSystemIsRefusedAsTheWrongRegionsCopy() {
        replicating(ReplicationStatus.ENABLED, ReplicationOverwriteProtection.ENABLED);

        PromotionException e = assertThrows(PromotionException.class,
                () -> failover.makeWritable(SOURCE, UploadsFailover.Scope.BOTH_REGIONS));

        assertTrue(e.getMessage().startsWith(SOURCE + " is the source of the uploads replication"), e.getMessage());
        verify(efs, never()).deleteReplicationConfiguration(any(DeleteReplicationConfigurationRequest.class));
    }

    @Test
    void anUnknownFileSystemNamesTheStackOutputToUse() {
        when(efs.describeFileSystems(any(DescribeFileSystemsRequest.class)))
                .thenThrow(FileSystemNotFoundException.builder().message("File system 'fs-typo' does not exist.").build());

        PromotionException e = assertThrows(PromotionException.class,
                () -> failover.makeWritable("fs-typo", UploadsFailover.Scope.BOTH_REGIONS));

        assertTrue(e.getMessage().startsWith("No file system fs-typo in the target region"), e.getMessage());
        assertTrue(e.getMessage().contains("pulumi stack output blogUploadsFileSystemId --stack secondary"), e.getMessage());
    }

    @Test
    void aRefusedDeletionSuggestsDeletingThisRegionsSideOnly() {
        replicating(ReplicationStatus.ENABLED, ReplicationOverwriteProtection.REPLICATING);
        when(efs.deleteReplicationConfiguration(any(DeleteReplicationConfigurationRequest.class)))
                .thenThrow(EfsException.builder().message("source region unavailable").build());

        PromotionException e = assertThrows(PromotionException.class,
                () -> failover.makeWritable(REPLICA, UploadsFailover.Scope.BOTH_REGIONS));

        assertTrue(e.getMessage().contains("source region unavailable"), e.getMessage());
        assertTrue(e.getMessage().contains("--uploads-deletion local-only"), e.getMessage());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void waitingStopsAtTheTimeoutWithTheLastStateAndWhatToTryNext() {
        replicating(ReplicationStatus.ENABLED, ReplicationOverwriteProtection.REPLICATING);

        PromotionException e = assertThrows(PromotionException.class,
                () -> failover.makeWritable(REPLICA, UploadsFailover.Scope.BOTH_REGIONS));

        assertTrue(e.getMessage().startsWith("Timed out after 60 s waiting for " + REPLICA + " to become writable"), e.getMessage());
        assertTrue(e.getMessage().contains("replication overwrite protection 'REPLICATING'"), e.getMessage());
        assertTrue(e.getMessage().contains("rerun with --uploads-deletion local-only"), e.getMessage());
        assertEquals(4, sleeps.size());
    }

    @Test
    void aReadOnlyCopyThatNothingReplicatesToSaysHowToMakeItWritable() {
        when(efs.describeFileSystems(any(DescribeFileSystemsRequest.class)))
                .thenReturn(fileSystem(ReplicationOverwriteProtection.DISABLED));
        noReplication();

        PromotionException e = assertThrows(PromotionException.class,
                () -> failover.makeWritable(REPLICA, UploadsFailover.Scope.BOTH_REGIONS));

        assertTrue(e.getMessage().contains("--replication-overwrite-protection ENABLED"), e.getMessage());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void anUnknownDeletionScopeIsRefused() {
        PromotionException e = assertThrows(PromotionException.class, () -> UploadsFailover.Scope.parse("all"));

        assertEquals("unknown uploads deletion 'all': use 'both' (the default) or 'local-only'", e.getMessage());
    }
}
