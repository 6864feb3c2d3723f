package com.bookstore.api.orders;

import com.bookstore.api.cart.CartLine;
import com.bookstore.api.cart.CartTable;
import com.bookstore.api.catalogue.Book;
import com.bookstore.api.catalogue.Catalogue;
import com.bookstore.api.catalogue.Backoff;
import com.bookstore.api.errors.BookstoreException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a cart into an order exactly once per idempotency key.
 * <ul>
 *   <li>new key, non-empty cart: one transaction writes the order and empties the cart (201);</li>
 *   <li>same key again, same cart or the cart that key already emptied: the same order (200);</li>
 *   <li>same key, a different cart: 409; no key: 400; empty cart and unknown key: 409;</li>
 *   <li>a new order past the customer's rate window: 429 (CheckoutRateLimit); retries of placed orders still answer.</li>
 * </ul>
 * Prices come from the Books table at checkout, never from the client.
 */
public final class Checkout {

    private static final int MAX_ATTEMPTS = 4;
    private static final int MAX_WINDOW_CHANGES = 32;
    /**
     * An empty cart is read again before it is called empty: a concurrent checkout with the same key
     * may have deleted the lines (visible to Query) a moment before its order is visible to GetItem.
     */
    private static final int EMPTY_CART_READS = 3;
    /** Fixed width so that the strings sort in time order. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final CartTable cart;
    private final OrderTable orders;
    private final Catalogue catalogue;
    private final Clock clock;
    private final String region;
    private final CheckoutRateLimit rateLimit;

    public Checkout(CartTable cart, OrderTable orders, Catalogue catalogue, Clock clock, String region,
                    CheckoutRateLimit rateLimit) {
        this.cart = cart;
        this.orders = orders;
        this.catalogue = catalogue;
        this.clock = clock;
        this.region = region;
        this.rateLimit = rateLimit;
    }

    /** The order and whether this call created it (201) or found it (200). */
    public record Placement(Order order, boolean created) {
    }

    public Placement checkout(String customerId, IdempotencyKey key) {
        String orderId = key.orderIdFor(customerId);
        int windowChanges = 0;
        for (int attempt = 1; ; attempt++) {
            boolean lastAttempt = attempt == MAX_ATTEMPTS;
            // Cart first, then order: a cart emptied by a committed checkout means its order is readable.
            List<CartLine> lines = cart.lines(customerId);
            String fingerprint = fingerprint(lines);
            Optional<StoredOrder> existing = orders.find(customerId, orderId);
            if (existing.isPresent()) {
                StoredOrder order = existing.get();
                if (lines.isEmpty() || order.cartFingerprint().equals(fingerprint)) {
                    return new Placement(order.order(), false);
                }
                if (lastAttempt || !partlyCleared(lines, order.order())) {
                    throw BookstoreException.conflict("idempotency_key_reused",
                            "this Idempotency-Key was already used for a different cart; use a new key for a new order");
                }
            } else if (lines.isEmpty()) {
                if (attempt >= EMPTY_CART_READS) {
                    throw BookstoreException.conflict("empty_cart", "the cart is empty: add a book before checking out");
                }
            } else {
                StoredOrder order = new StoredOrder(price(orderId, lines), fingerprint);
                PlacementOutcome outcome = orders.place(customerId, key.value(), order, lines, rateLimit.nextOrder(customerId));
                if (outcome == PlacementOutcome.PLACED) {
                    return new Placement(order.order(), true);
                }
                // Another order of this customer counted meanwhile: read the window again (it may now be
                // full: 429) without using up an attempt; each change is another placed order or a new
                // window, so this ends, and the bound is only a guard.
                if (outcome == PlacementOutcome.RATE_WINDOW_CHANGED && ++windowChanges <= MAX_WINDOW_CHANGES) {
                    attempt--;
                    continue;
                }
                // Cancelled: the same key won elsewhere, or the cart changed meanwhile. Read both again.
                if (lastAttempt) {
                    throw BookstoreException.conflict("checkout_conflict",
                            "the cart changed during checkout; review it and try again");
                }
            }
            Backoff.pause(attempt - 1);
        }
    }

    /**
     * Query is only read-committed against transactions: while a checkout with this key commits, a cart
     * read may still show some of the lines it is deleting. Such a cart is a subset of the order's lines.
     */
    private static boolean partlyCleared(List<CartLine> lines, Order order) {
        Map<String, Integer> ordered = order.items().stream().collect(Collectors.toMap(OrderLine::bookId, OrderLine::quantity));
        return lines.stream().allMatch(line -> Integer.valueOf(line.quantity()).equals(ordered.get(line.bookId())));
    }

    private Order price(String orderId, List<CartLine> lines) {
        Map<String, Book> books = catalogue.books(lines.stream().map(CartLine::bookId).toList());
        List<OrderLine> priced = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int count = 0;
        for (CartLine line : lines) {
            Book book = books.get(line.bookId());
            if (book == null || book.price() == null) {
                throw BookstoreException.unprocessable("unknown_book", "book '" + line.bookId()
                        + "' in the cart is no longer sold; remove it and check out again");
            }
            BigDecimal lineTotal = book.price().multiply(BigDecimal.valueOf(line.quantity()));
            priced.add(new OrderLine(book.id(), book.name(), book.author(), line.quantity(), book.price(), lineTotal));
            total = total.add(lineTotal);
            count += line.quantity();
        }
        return new Order(orderId, TIMESTAMP.format(clock.instant()), Order.PLACED, priced, count, total, region);
    }

    /** Identifies a cart's content (books and quantities, order-independent). */
    static String fingerprint(List<CartLine> lines) {
        return IdempotencyKey.sha256(lines.stream().sorted(Comparator.comparing(CartLine::bookId))
                .map(line -> line.bookId() + "=" + line.quantity()).collect(Collectors.joining(";")));
    }
}
