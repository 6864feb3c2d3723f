package com.bookstore.ops.drill;

import java.util.ArrayList;
import java.util.List;

/** Constructed drill timelines: requests finishing every {@code stepMillis} over a span, all alike. */
final class Timelines {

    static final String PRIMARY = "eu-west-1";
    static final String SECONDARY = "ap-southeast-1";

    private final List<RequestRecord> requests = new ArrayList<>();

    Timelines served(String region, long fromMillis, long toMillis, long stepMillis) {
        for (long t = fromMillis; t < toMillis; t += stepMillis) {
            requests.add(new RequestRecord(t - 20, t, "browse", 200, region));
        }
        return this;
    }

    Timelines failed(int status, long fromMillis, long toMillis, long stepMillis) {
        for (long t = fromMillis; t < toMillis; t += stepMillis) {
            requests.add(new RequestRecord(t - 20, t, "checkout", status, status == 0 ? null : PRIMARY));
        }
        return this;
    }

    Timelines one(RequestRecord record) {
        requests.add(record);
        return this;
    }

    List<RequestRecord> requests() {
        return List.copyOf(requests);
    }
}
