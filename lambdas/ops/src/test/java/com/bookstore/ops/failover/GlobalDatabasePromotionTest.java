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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DescribeGlobalClustersRequest;
import software.amazon.awssdk.services.rds.model.DescribeGlobalClustersResponse;
import software.amazon.awssdk.services.rds.model.FailoverGlobalClusterRequest;
import software.amazon.awssdk.services.rds.model.GlobalCluster;
import software.amazon.awssdk.services.rds.model.GlobalClusterMember;
import software.amazon.awssdk.services.rds.model.GlobalClusterNotFoundException;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.rds.model.SwitchoverGlobalClusterRequest;

class GlobalDatabasePromotionTest {

    private static final String GLOBAL = "bookstore-blog";
    private static final String PRIMARY = "arn:aws:rds:eu-west-1:123456789012:cluster:bookstore-blog-primary";
    private static final String SECONDARY = "arn:aws:rds:ap-southeast-1:123456789012:cluster:bookstore-blog-secondary";

    // Mockito, not moto: moto 5.2.5 answers DescribeGlobalClusters but has no SwitchoverGlobalCluster or
    // FailoverGlobalCluster, so the member states a promotion walks through cannot happen there.
    private final RdsClient rds = mock(RdsClient.class);
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private final GlobalDatabasePromotion promotion = new GlobalDatabasePromotion(
            rds, sleeps::add, progress::add, Duration.ofSeconds(15), Duration.ofMinutes(1));

    private static DescribeGlobalClustersResponse state(String status, String writerArn) {
        return DescribeGlobalClustersResponse.builder().globalClusters(GlobalCluster.builder()
                .globalClusterIdentifier(GLOBAL).status(status)
                .globalClusterMembers(
                        GlobalClusterMember.builder().dbClusterArn(PRIMARY).isWriter(PRIMARY.equals(writerArn)).build(),
                        GlobalClusterMember.builder().dbClusterArn(SECONDARY).isWriter(SECONDARY.equals(writerArn)).build())
                .build()).build();
    }

    @Test
    void plannedPromotionSwitchesOverToTheTargetRegionsClusterAndWaitsUntilItWrites() {
        when(rds.describeGlobalClusters(any(DescribeGlobalClustersRequest.class))).thenReturn(
                state("available", PRIMARY), state("switching-over", PRIMARY),
                state("switching-over", SECONDARY), state("available", SECONDARY));

        GlobalDatabasePromotion.Result result = promotion.promote(GLOBAL, "ap-southeast-1", PromotionMode.PLANNED);

        ArgumentCaptor<SwitchoverGlobalClusterRequest> sent = ArgumentCaptor.forClass(SwitchoverGlobalClusterRequest.class);
        verify(rds).switchoverGlobalCluster(sent.capture());
        assertEquals(GLOBAL, sent.getValue().globalClusterIdentifier());
        assertEquals(SECONDARY, sent.getValue().targetDbClusterIdentifier());
        verify(rds, never()).failoverGlobalCluster(any(FailoverGlobalClusterRequest.class));
        assertEquals(SECONDARY, result.writerClusterArn());
        assertTrue(result.changed());
        assertEquals(List.of(Duration.ofSeconds(15), Duration.ofSeconds(15)), sleeps);
        assertEquals(Duration.ofSeconds(30), result.waited());
    }

    @Test
    void unplannedPromotionFailsOverWithDataLossAllowed() {
        when(rds.describeGlobalClusters(any(DescribeGlobalClustersRequest.class))).thenReturn(
                state("available", PRIMARY), state("failing-over", PRIMARY), state("available", SECONDARY));

        promotion.promote(GLOBAL, "ap-southeast-1", PromotionMode.UNPLANNED);

        ArgumentCaptor<FailoverGlobalClusterRequest> sent = ArgumentCaptor.forClass(FailoverGlobalClusterRequest.class);
        verify(rds).failoverGlobalCluster(sent.capture());
        assertEquals(SECONDARY, sent.getValue().targetDbClusterIdentifier());
        assertEquals(Boolean.TRUE, sent.getValue().allowDataLoss());
        verify(rds, never()).switchoverGlobalCluster(any(SwitchoverGlobalClusterRequest.class));
    }

    @Test
    void failbackTargetsTheOriginalPrimaryRegion() {
        when(rds.describeGlobalClusters(any(DescribeGlobalClustersRequest.class))).thenReturn(
                state("available", SECONDARY), state("available", PRIMARY));

        GlobalDatabasePromotion.Result result = promotion.promote(GLOBAL, "eu-west-1", PromotionMode.PLANNED);

        ArgumentCaptor<SwitchoverGlobalClusterRequest> sent = ArgumentCaptor.forClass(SwitchoverGlobalClusterRequest.class);
        verify(rds).switchoverGlobalCluster(sent.capture());
        assertEquals(PRIMARY, sent.getValue().targetDbClusterIdentifier());
        assertEquals(PRIMARY, result.writerClusterArn());
    }

    @Test
    void aTargetThatAlreadyWritesIsLeftAlone() {
        when(rds.describeGlobalClusters(any(DescribeGlobalClustersRequest.class))).thenReturn(state("available", SECONDARY));

        GlobalDatabasePromotion.Result result = promotion.promote(GLOBAL, "ap-southeast-1", PromotionMode.UNPLANNED);

        assertFalse(result.changed());
        verify(rds, never()).failoverGlobalCluster(any(FailoverGlobalClusterRequest.class));
        verify(rds, never()).switchoverGlobalCluster(any(SwitchoverGlobalClusterRequest.class));
        assertTrue(progress.get(0).contains("already the writer"));
    }

    @Test
    void aRegionWithoutAMemberIsRefusedNamingTheMembers() {
        when(rds.describeGlobalClusters(any(DescribeGlobalClustersRequest.class))).thenReturn(state("available", PRIMARY));

        PromotionException e = assertThrows(PromotionException.class,
                () -> promotion.promote(GLOBAL, "us-east-1", PromotionMode.PLANNED));

        assertTrue(e.getMessage().contains("no member in us-east-1"), e.getMessage());
        assertTrue(e.getMessage().contains(PRIMARY) && e.getMessage().contains(SECONDARY), e.getMessage());
    }

    @Test
    void anUnknownGlobalClusterIsAClearError() {
        when(rds.describeGlobalClusters(any(DescribeGlobalClustersRequest.class)))
                .thenThrow(GlobalClusterNotFoundException.builder().message("not found").build());

        PromotionException e = assertThrows(PromotionException.class,
                () -> promotion.promote("typo", "ap-southeast-1", PromotionMode.PLANNED));

        assertTrue(e.getMessage().startsWith("No global cluster named 'typo'"), e.getMessage());
    }

    @Test
    void aRefusedSwitchoverSuggestsTheUnplannedMode() {
        when(rds.describeGlobalClusters(any(DescribeGlobalClustersRequest.class))).thenReturn(state("available", PRIMARY));
        when(rds.switchoverGlobalCluster(any(SwitchoverGlobalClusterRequest.class)))
                .thenThrow(RdsException.builder().message("primary cluster is unavailable").build());

        PromotionException e = assertThrows(PromotionException.class,
                () -> promotion.promote(GLOBAL, "ap-southeast-1", PromotionMode.PLANNED));

        assertTrue(e.getMessage().contains("primary cluster is unavailable"), e.getMessage());
        assertTrue(e.getMessage().contains("use mode 'unplanned'"), e.getMessage());
    }

    @Test
    void waitingStopsAtTheTimeoutWithTheLastStatus() {
        when(rds.describeGlobalClusters(any(DescribeGlobalClustersRequest.class))).thenReturn(
                state("available", PRIMARY), state("failing-over", PRIMARY));

        PromotionException e = assertThrows(PromotionException.class,
                () -> promotion.promote(GLOBAL, "ap-southeast-1", PromotionMode.UNPLANNED));

        assertTrue(e.getMessage().startsWith("Timed out after 60 s"), e.getMessage());
        assertTrue(e.getMessage().contains("'failing-over'"), e.getMessage());
        assertEquals(4, sleeps.size());
    }
}
