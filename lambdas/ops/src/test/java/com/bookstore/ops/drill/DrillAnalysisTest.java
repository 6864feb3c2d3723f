package com.bookstore.ops.drill;

import static com.bookstore.ops.drill.Timelines.PRIMARY;
import static com.bookstore.ops.drill.Timelines.SECONDARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class DrillAnalysisTest {

    private static final int SUSTAIN = 3;

    @Test
    void rtoRunsFromTheFaultToTheFirstSuccessOfSustainedSecondaryService() {
        // primary serves until the fault at 10 s, requests fail for 4.5 s, then the secondary serves
        List<RequestRecord> requests = new Timelines()
                .served(PRIMARY, 0, 10_000, 100)
                .failed(502, 10_000, 14_500, 100)
                .served(SECONDARY, 14_500, 30_000, 100)
                .requests();

        Recovery failover = DrillAnalysis.recovery(requests, SECONDARY, 10_000, 30_000, SUSTAIN);

        assertEquals(14_500L, failover.recoveredAt());
        assertEquals(4_500L, failover.millis());
        assertEquals(45, failover.errors());
        assertEquals(45, failover.requests());
    }

    @Test
    void aBriefSpellOfSecondaryServiceInterruptedByErrorsIsNotRecovery() {
        // the secondary answers for 2 s, errors again for 1 s, then serves for good from 16 s
        List<RequestRecord> requests = new Timelines()
                .failed(0, 10_000, 12_000, 100)
                .served(SECONDARY, 12_000, 14_000, 100)
                .failed(503, 14_000, 15_000, 250)
                .served(SECONDARY, 16_000, 25_000, 100)
                .requests();

        assertEquals(16_000L, DrillAnalysis.sustainedServiceFrom(requests, 10_000, 25_000, SECONDARY, SUSTAIN));
    }

    @Test
    void successesStillServedByThePrimaryDoNotCountAsFailover() {
        // the fault only fails the health check: the primary keeps answering until the front door moves
        List<RequestRecord> requests = new Timelines()
                .served(PRIMARY, 0, 13_000, 100)
                .served(SECONDARY, 13_000, 20_000, 100)
                .one(new RequestRecord(13_900, 14_000, "checkout", 201, PRIMARY))
                .requests();

        Recovery failover = DrillAnalysis.recovery(requests, SECONDARY, 10_000, 20_000, SUSTAIN);

        assertEquals(14_100L, failover.recoveredAt(), "the straggler served by the primary at 14.0 s breaks the window before it");
        assertEquals(0, failover.errors());
    }

    @Test
    void aSecondWithoutAnySuccessBreaksSustainedService() {
        List<RequestRecord> requests = new Timelines()
                .served(SECONDARY, 10_000, 11_000, 100)
                .served(SECONDARY, 12_500, 20_000, 100) // silent from 11.0 to 12.5 s
                .requests();

        assertEquals(12_500L, DrillAnalysis.sustainedServiceFrom(requests, 10_000, 20_000, SECONDARY, SUSTAIN));
    }

    @Test
    void serviceThatEndsBeforeAWholeWindowIsNotRecovery() {
        List<RequestRecord> requests = new Timelines()
                .failed(0, 10_000, 18_000, 100)
                .served(SECONDARY, 18_000, 20_000, 100)
                .requests();

        Recovery failover = DrillAnalysis.recovery(requests, SECONDARY, 10_000, 20_000, SUSTAIN);

        assertFalse(failover.recovered());
        assertNull(failover.millis());
        assertEquals(80, failover.errors(), "every failure up to the end of the phase counts");
    }

    @Test
    void failbackIsMeasuredFromTheHealAndOnlyAfterIt() {
        List<RequestRecord> requests = new Timelines()
                .served(PRIMARY, 0, 10_000, 100)
                .served(SECONDARY, 12_000, 40_000, 100)
                .served(PRIMARY, 41_000, 50_000, 100)
                .requests();

        Recovery failback = DrillAnalysis.recovery(requests, PRIMARY, 35_000, 50_000, SUSTAIN);

        assertEquals(6_000L, failback.millis());
        assertEquals(0, failback.errors());
    }

    @Test
    void perSecondCountsSuccessesByRegionAndErrorsIncludingEmptySeconds() {
        List<RequestRecord> requests = new Timelines()
                .served(PRIMARY, 0, 1_000, 250)
                .failed(0, 2_000, 2_500, 100)
                .served(SECONDARY, 2_500, 3_000, 500)
                .requests();

        List<SecondBucket> buckets = DrillAnalysis.perSecond(requests);

        assertEquals(3, buckets.size());
        assertEquals(4, buckets.get(0).successes(PRIMARY));
        assertEquals(0, buckets.get(1).successes(PRIMARY) + buckets.get(1).errors());
        assertEquals(5, buckets.get(2).errors());
        assertEquals(1, buckets.get(2).successes(SECONDARY));
    }

    @Test
    void rpoIsTheAgeAtTheFaultOfTheOldestMissingOrder() {
        List<AcknowledgedOrder> missing = List.of(
                new AcknowledgedOrder("ord-b", 1, 9_400, PRIMARY),
                new AcknowledgedOrder("ord-a", 0, 9_100, PRIMARY),
                new AcknowledgedOrder("ord-c", 2, 10_300, PRIMARY));

        OrderCheck check = OrderCheck.of(SECONDARY, 30_000, 40, missing, List.of(), 10_000L);

        assertEquals(900, check.rpoMillis());
        assertEquals(9_100L, check.windowStart());
        assertEquals(10_300L, check.windowEnd());
        assertEquals(0, OrderCheck.of(SECONDARY, 30_000, 40, List.of(), List.of(), 10_000L).rpoMillis());
    }
}
