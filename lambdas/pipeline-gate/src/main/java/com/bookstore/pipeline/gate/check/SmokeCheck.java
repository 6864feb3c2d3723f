package com.bookstore.pipeline.gate.check;

import com.bookstore.pipeline.gate.http.ApiResponse;
import com.bookstore.pipeline.gate.http.RegionApi;
import com.bookstore.pipeline.gate.settings.GateSettings;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks the public, read-only routes a shopper hits first, in the order a shopper would: the region banner, a
 * page of the catalogue, one book from that page, the best sellers. Every answer must be 200, JSON of the
 * documented shape, and carry {@code X-Bookstore-Region} naming the region being verified (a wrong region means
 * DNS or the base URL points at the other stack: waiting does not fix that).
 */
public final class SmokeCheck implements RegionCheck {
    private final RegionApi api;
    private final GateSettings settings;

    public SmokeCheck(RegionApi api, GateSettings settings) {
        this.api = api;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "smoke";
    }

    @Override
    public CheckResult run() {
        List<String> answered = new ArrayList<>();
        try {
            JsonObject region = object("/region", get("/region"));
            expectString("/region", region, "region", settings.expectedRegion());
            requireString("/region", region, "role");
            answered.add("/region");

            JsonObject page = object("/books?limit=1", get("/books?limit=1"));
            JsonObject firstBook = firstItem("/books?limit=1", page)
                    .orElseThrow(() -> new StepProblem(CheckStatus.FAILED, "/books?limit=1 returned no book: the catalogue is empty"));
            String bookId = requireString("/books?limit=1", firstBook, "id");
            answered.add("/books?limit=1");

            String bookRoute = "/books/" + URLEncoder.encode(bookId, StandardCharsets.UTF_8);
            JsonObject book = object(bookRoute, get(bookRoute));
            expectString(bookRoute, book, "id", bookId);
            answered.add(bookRoute);

            JsonObject bestsellers = object("/bestsellers", get("/bestsellers"));
            for (JsonElement entry : items("/bestsellers", bestsellers)) {
                if (!entry.isJsonObject() || !entry.getAsJsonObject().has("book")
                        || !entry.getAsJsonObject().get("book").isJsonObject()) {
                    throw new StepProblem(CheckStatus.FAILED, "/bestsellers items must be objects with a 'book' object");
                }
            }
            answered.add("/bestsellers");
        } catch (StepProblem problem) {
            String before = answered.isEmpty() ? "" : " (answered: " + String.join(", ", answered) + ")";
            return new CheckResult(name(), problem.status, problem.getMessage() + before);
        }
        return CheckResult.passed(name(), String.join(", ", answered) + " answered 200 from " + settings.expectedRegion());
    }

    private ApiResponse get(String route) {
        ApiResponse response;
        try {
            response = api.get(settings.route(route));
        } catch (IOException e) {
            throw new StepProblem(CheckStatus.WAITING, RequestFailures.describe(route, e));
        }
        if (response.status() >= 500) {
            throw new StepProblem(CheckStatus.WAITING, route + " answered " + response.status());
        }
        if (response.status() != 200) {
            throw new StepProblem(CheckStatus.FAILED, route + " answered " + response.status() + ", expected 200");
        }
        String header = response.regionHeader().orElse(null);
        if (!settings.expectedRegion().equals(header)) {
            throw new StepProblem(CheckStatus.FAILED, route + ": " + RegionApi.REGION_HEADER + " is "
                    + (header == null ? "missing" : "'" + header + "'") + ", expected '" + settings.expectedRegion() + "'");
        }
        return response;
    }

    private static JsonObject object(String route, ApiResponse response) {
        JsonElement json = response.json()
                .orElseThrow(() -> new StepProblem(CheckStatus.FAILED, route + " did not return valid JSON"));
        if (!json.isJsonObject()) {
            throw new StepProblem(CheckStatus.FAILED, route + " returned JSON that is not an object");
        }
        return json.getAsJsonObject();
    }

    private static JsonArray items(String route, JsonObject page) {
        JsonElement items = page.get("items");
        if (items == null || !items.isJsonArray()) {
            throw new StepProblem(CheckStatus.FAILED, route + " has no 'items' array");
        }
        return items.getAsJsonArray();
    }

    private static Optional<JsonObject> firstItem(String route, JsonObject page) {
        JsonArray items = items(route, page);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (!items.get(0).isJsonObject()) {
            throw new StepProblem(CheckStatus.FAILED, route + " items must be objects");
        }
        return Optional.of(items.get(0).getAsJsonObject());
    }

    private static String requireString(String route, JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new StepProblem(CheckStatus.FAILED, route + " has no string '" + field + "'");
        }
        return value.getAsString();
    }

    private static void expectString(String route, JsonObject object, String field, String expected) {
        String actual = requireString(route, object, field);
        if (!actual.equals(expected)) {
            throw new StepProblem(CheckStatus.FAILED,
                    route + " '" + field + "' is '" + actual + "', expected '" + expected + "'");
        }
    }

    /** Ends the walk at the first route that is not right; carries whether waiting could help. */
    private static final class StepProblem extends RuntimeException {
        private final CheckStatus status;

        StepProblem(CheckStatus status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
