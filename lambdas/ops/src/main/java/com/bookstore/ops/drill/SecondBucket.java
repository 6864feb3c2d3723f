package com.bookstore.ops.drill;

import java.util.Map;

/** Requests that finished in one second of the drill: successes by serving region, and failures. */
public record SecondBucket(long second, Map<String, Integer> successesByRegion, int errors) {

    public int successes(String region) {
        return successesByRegion.getOrDefault(region, 0);
    }
}
