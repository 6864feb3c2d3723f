package com.bookstore.ops.drill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the recorded requests into the drill's numbers. Plain arithmetic on a timeline, so it is
 * the same whether the timeline came from local regions or from AWS.
 *
 * <p><b>Sustained service</b> by region R from time t: the first successful request served by R that
 * finished at or after t, at time s, such that in the window [s, s + sustain) every request that
 * finished succeeded and was served by R, and no more than a second passed without such a success. The window must lie within the recorded traffic. <b>RTO</b> = s - fault time with R
 * the secondary; <b>failback time</b> = s - heal time with R the primary.
 */
public final class DrillAnalysis {

    /** Longer than this without a success inside a window, and service was not sustained. */
    static final long MAX_SILENCE_MILLIS = 1000;

    private DrillAnalysis() {}

    /** When region served sustainedly after {@code from}; null if it never did before {@code until}. */
    public static Long sustainedServiceFrom(List<RequestRecord> requests, long from, long until, String region, int sustainSeconds) {
        List<RequestRecord> byFinish = sortedByFinish(requests);
        long windowMillis = sustainSeconds * 1000L;
        long lastFinish = byFinish.isEmpty() ? Long.MIN_VALUE : byFinish.get(byFinish.size() - 1).finishedAt();
        for (int i = 0; i < byFinish.size(); i++) {
            RequestRecord candidate = byFinish.get(i);
            long s = candidate.finishedAt();
            if (s < from || s >= until || !servedBy(candidate, region)) {
                continue;
            }
            if (s + windowMillis > lastFinish + 1 || s + windowMillis > until) {
                return null;
            }
            if (cleanWindow(byFinish, i, s, windowMillis, region)) {
                return s;
            }
        }
        return null;
    }

    /** The recovery of {@code region} after a disturbance at {@code startedAt}, looking no further than {@code phaseEnd}. */
    public static Recovery recovery(List<RequestRecord> requests, String region, long startedAt, long phaseEnd, int sustainSeconds) {
        Long recoveredAt = sustainedServiceFrom(requests, startedAt, phaseEnd, region, sustainSeconds);
        long errorsUntil = recoveredAt != null ? recoveredAt : phaseEnd;
        int errors = 0;
        int total = 0;
        for (RequestRecord r : requests) {
            if (r.finishedAt() >= startedAt && r.finishedAt() < errorsUntil) {
                total++;
                if (!r.succeeded()) {
                    errors++;
                }
            }
        }
        return new Recovery(region, startedAt, recoveredAt, recoveredAt == null ? null : recoveredAt - startedAt, errors, total);
    }

    /** Successes per region and errors, second by second from 0 to the last request. */
    public static List<SecondBucket> perSecond(List<RequestRecord> requests) {
        long last = requests.stream().mapToLong(RequestRecord::finishedAt).max().orElse(-1);
        Map<Long, Map<String, Integer>> successes = new TreeMap<>();
        Map<Long, Integer> errors = new TreeMap<>();
        for (RequestRecord r : requests) {
            long second = Math.floorDiv(r.finishedAt(), 1000L);
            if (r.succeeded()) {
                successes.computeIfAbsent(second, k -> new TreeMap<>())
                        .merge(r.region() == null ? "unknown" : r.region(), 1, Integer::sum);
            } else {
                errors.merge(second, 1, Integer::sum);
            }
        }
        List<SecondBucket> buckets = new ArrayList<>();
        for (long second = 0; second <= Math.floorDiv(last, 1000L); second++) {
            buckets.add(new SecondBucket(second, new LinkedHashMap<>(successes.getOrDefault(second, Map.of())),
                    errors.getOrDefault(second, 0)));
        }
        return buckets;
    }

    private static boolean cleanWindow(List<RequestRecord> byFinish, int start, long s, long windowMillis, String region) {
        int first = start;
        while (first > 0 && byFinish.get(first - 1).finishedAt() == s) {
            first--;
        }
        long previousSuccess = s;
        for (int j = first; j < byFinish.size() && byFinish.get(j).finishedAt() < s + windowMillis; j++) {
            RequestRecord r = byFinish.get(j);
            if (!servedBy(r, region) || r.finishedAt() - previousSuccess > MAX_SILENCE_MILLIS) {
                return false;
            }
            previousSuccess = r.finishedAt();
        }
        return s + windowMillis - previousSuccess <= MAX_SILENCE_MILLIS;
    }

    private static boolean servedBy(RequestRecord r, String region) {
        return r.succeeded() && region.equals(r.region());
    }

    private static List<RequestRecord> sortedByFinish(List<RequestRecord> requests) {
        List<RequestRecord> sorted = new ArrayList<>(requests);
        sorted.sort(Comparator.comparingLong(RequestRecord::finishedAt));
        return sorted;
    }
}
