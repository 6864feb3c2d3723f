package com.bookstore.ops.drill;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * The drill's checks against each region's own API, bypassing the front door: is every acknowledged
 * order there, and do the best-seller boards agree.
 */
public final class RegionAudit {

    private static final int ATTEMPTS = 3;

    private final Map<String, ShopperClient> regions;
    private final List<ShopperAccounts.Shopper> shoppers;
    private final LongSupplier clock;
    private final Sleeper sleeper;

    /** Waits between reads; a seam so tests do not sleep. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public RegionAudit(Map<String, ShopperClient> regions, List<ShopperAccounts.Shopper> shoppers, LongSupplier clock, Sleeper sleeper) {
        this.regions = regions;
        this.shoppers = shoppers;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Reads every order back from {@code region} with its shopper's token, a few at a time. */
    public OrderCheck checkOrders(String region, List<AcknowledgedOrder> orders, Long faultAt) {
        ShopperClient api = api(region);
        List<AcknowledgedOrder> missing = new ArrayList<>();
        List<AcknowledgedOrder> unverified = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (AcknowledgedOrder order : orders) {
                answers.add(pool.submit(() -> read(api, order)));
            }
            for (int i = 0; i < orders.size(); i++) {
                int status = answers.get(i).get();
                if (status == 404) {
                    missing.add(orders.get(i));
                } else if (status != 200) {
                    unverified.add(orders.get(i));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking orders in " + region, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("checking orders in " + region + " failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return OrderCheck.of(region, clock.getAsLong(), orders.size(), missing, unverified, faultAt);
    }

    /** Reads both boards until they are equal or {@code timeout} passes. */
    public BoardConvergence awaitBoards(String primary, String secondary, Duration timeout, Duration interval) {
        long started = clock.getAsLong();
        List<String> first = board(primary);
        List<String> second = board(secondary);
        while (!(first.equals(second) && !first.isEmpty()) && clock.getAsLong() - started < timeout.toMillis()) {
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            first = board(primary);
            second = board(secondary);
        }
        return new BoardConvergence(first.equals(second) && !first.isEmpty(), clock.getAsLong() - started, first, second);
    }

    private int read(ShopperClient api, AcknowledgedOrder order) throws InterruptedException {
        int status = 0;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            status = api.get("/orders/" + order.orderId(), shoppers.get(order.shopper()).idToken()).status();
            if (status == 200 || status == 404) {
                return status;
            }
            sleeper.sleep(Duration.ofMillis(200L * attempt));
        }
        return status;
    }

    /**
     * The board as {@code bookId:sold} entries, best first. Reads {@code items} (or a top-level array)
     * of {@code {book: {id}, sold}} or {@code {bookId, sold}} entries; an unreadable answer is an empty board.
     */
    List<String> board(String region) {
        ShopperClient.Answer answer = api(region).get("/bestsellers", null);
        if (!answer.succeeded()) {
            return List.of();
        }
        JsonArray entries = answer.json().map(json -> json.isJsonArray() ? json.getAsJsonArray()
                : json.isJsonObject() ? firstArray(json.getAsJsonObject()) : null).orElse(null);
        List<String> board = new ArrayList<>();
        if (entries == null) {
            return board;
        }
        for (JsonElement entry : entries) {
            if (!entry.isJsonObject()) {
                continue;
            }
            JsonObject e = entry.getAsJsonObject();
            String id = e.has("bookId") ? e.get("bookId").getAsString()
                    : e.has("book") && e.get("book").isJsonObject() && e.getAsJsonObject("book").has("id")
                            ? e.getAsJsonObject("book").get("id").getAsString() : "?";
            board.add(id + ":" + (e.has("sold") ? e.get("sold").getAsString() : "?"));
        }
        return board;
    }

    private static JsonArray firstArray(JsonObject body) {
        for (String field : List.of("items", "bestsellers", "entries")) {
            if (body.has(field) && body.get(field).isJsonArray()) {
                return body.getAsJsonArray(field);
            }
        }
        return null;
    }

    private ShopperClient api(String region) {
        ShopperClient api = regions.get(region);
        if (api == null) {
            throw new IllegalArgumentException("no API URL for region " + region);
        }
        return api;
    }
}
