package com.bookstore.ops.drill;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * One shopper's steady loop through the front door: browse a page of books, put one in the cart,
 * check out with a fresh {@code Idempotency-Key}. A checkout that gets no clear answer (no response,
 * 5xx, 429) is retried with the same key, as a careful client does, so a retry that lands in the other
 * region after failover cannot place a second order. Every request is logged; every acknowledged
 * order too.
 */
public final class VirtualShopper implements Runnable {

    static final int CHECKOUT_ATTEMPTS = 3;

    private final ShopperAccounts.Shopper shopper;
    private final ShopperClient api;
    private final DrillLog log;
    private final BooleanSupplier running;
    private final Duration thinkTime;
    private final Random random;
    private final List<String> knownBooks = new ArrayList<>();

    public VirtualShopper(ShopperAccounts.Shopper shopper, ShopperClient api, DrillLog log, BooleanSupplier running,
                          Duration thinkTime, Random random) {
        this.shopper = shopper;
        this.api = api;
        this.log = log;
        this.running = running;
        this.thinkTime = thinkTime;
        this.random = random;
    }

    @Override
    public void run() {
        while (running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            shopOnce();
            pause(thinkTime);
        }
    }

    /** One visit: browse, add to cart, check out. Stops at the first step that fails. */
    void shopOnce() {
        ShopperClient.Answer books = call("browse", "GET", "/books?limit=20", null, Map.of());
        if (books.succeeded()) {
            rememberBooks(books);
        }
        if (knownBooks.isEmpty()) {
            return;
        }
        String bookId = knownBooks.get(random.nextInt(knownBooks.size()));
        ShopperClient.Answer cart = call("add-to-cart", "POST", "/cart", "{\"bookId\":\"" + bookId + "\",\"quantity\":1}", Map.of());
        if (!cart.succeeded()) {
            return;
        }
        checkout(UUID.randomUUID().toString());
    }

    private void checkout(String idempotencyKey) {
        for (int attempt = 1; attempt <= CHECKOUT_ATTEMPTS; attempt++) {
            ShopperClient.Answer order = call("checkout", "POST", "/orders", null, Map.of("Idempotency-Key", idempotencyKey));
            if (order.succeeded()) {
                orderId(order).ifPresent(id -> log.acknowledged(new AcknowledgedOrder(id, shopper.index(), log.now(), order.region())));
                return;
            }
            if (!retryable(order.status()) || !running.getAsBoolean()) {
                return;
            }
            pause(thinkTime);
        }
    }

    /** No answer, a server error or throttling: the order may or may not exist, so the same key is sent again. */
    static boolean retryable(int status) {
        return status == 0 || status == 429 || status >= 500;
    }

    private ShopperClient.Answer call(String operation, String method, String path, String body, Map<String, String> headers) {
        long started = log.now();
        ShopperClient.Answer answer = api.send(method, path, shopper.idToken(), body, headers);
        log.request(new RequestRecord(started, log.now(), operation, answer.status(), answer.region()));
        return answer;
    }

    private void rememberBooks(ShopperClient.Answer books) {
        books.json().filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject)
                .filter(page -> page.has("items") && page.get("items").isJsonArray())
                .ifPresent(page -> {
                    JsonArray items = page.getAsJsonArray("items");
                    List<String> ids = new ArrayList<>();
                    for (JsonElement item : items) {
                        if (item.isJsonObject() && item.getAsJsonObject().has("id")) {
                            ids.add(item.getAsJsonObject().get("id").getAsString());
                        }
                    }
                    if (!ids.isEmpty()) {
                        knownBooks.clear();
                        knownBooks.addAll(ids);
                    }
                });
    }

    private static java.util.Optional<String> orderId(ShopperClient.Answer order) {
        return order.json().filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject)
                .filter(o -> o.has("orderId")).map((JsonObject o) -> o.get("orderId").getAsString());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
