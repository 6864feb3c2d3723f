package com.bookstore.pipeline.gate.check;

import com.bookstore.pipeline.gate.http.ApiResponse;
import com.bookstore.pipeline.gate.http.RegionApi;
import com.bookstore.pipeline.gate.settings.GateSettings;
import java.io.IOException;

/**
 * The region's deep health route (DynamoDB read, Redis ping), the same one Route 53 probes: a 5xx or no answer
 * means "not yet", since a fresh deployment can need a minute to warm up.
 */
public final class HealthRouteCheck implements RegionCheck {
    private static final String ROUTE = "/health";
    private static final int BODY_EXCERPT = 200;

    private final RegionApi api;
    private final GateSettings settings;

    public HealthRouteCheck(RegionApi api, GateSettings settings) {
        this.api = api;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "health";
    }

    @Override
    public CheckResult run() {
        ApiResponse response;
        try {
            response = api.get(settings.route(ROUTE));
        } catch (IOException e) {
            return CheckResult.waiting(name(), RequestFailures.describe(ROUTE, e));
        }
        if (response.status() == 200) {
            return CheckResult.passed(name(), ROUTE + " answered 200");
        }
        String detail = ROUTE + " answered " + response.status() + excerpt(response.body());
        return response.status() >= 500
                ? CheckResult.waiting(name(), detail)
                : CheckResult.failed(name(), detail);
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() > BODY_EXCERPT ? flat.substring(0, BODY_EXCERPT) + "..." : flat);
    }
}
