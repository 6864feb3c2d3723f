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
 *   <li>same key, a different cart: 409; no key: 400; empty cart and unknown key: 409.</li>
 * </ul>
 * Prices come from the Books table at checkout, never from the client.
 */
public final class Checkout {

    private static final int MAX_ATTEMPTS = 4;
    /** Fixed width so that the strings sort in time order. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final CartTable cart;
    private final OrderTable orders;
    private final Catalogue catalogue;
    private final Clock clock;
    private final String region;

    public Checkout(CartTable cart, OrderTable orders, Catalogue catalogue, Clock clock, String region) {
        this.cart = cart;
        this.orders = orders;
        this.catalogue = catalogue;
        this.clock = clock;
        this.region = region;
    }

    /** The order and whether this call created it (201) or found it (200). */
    public record Placement(Order order, boolean created) {
    }

    public Placement checkout(String customerId, IdempotencyKey key) {
        String orderId = key.orderIdFor(customerId);
        for (int attempt = 0; ; attempt++) {
            List<CartLine> lines = cart.lines(customerId);
            String fingerprint = fingerprint(lines);
            Optional<StoredOrder> existing = orders.find(customerId, orderId);
            if (existing.isPresent()) {
                return replay(existing.get(), lines, fingerprint);
            }
            if (lines.isEmpty()) {
                throw BookstoreException.conflict("empty_cart", "the cart is empty: add a book before checking out");
            }
            StoredOrder order = new StoredOrder(price(orderId, lines), fingerprint);
            switch (orders.place(customerId, key.value(), order, lines)) {
                case PLACED:
                    return new Placement(order.order(), true);
                case ORDER_EXISTS:
                    // A concurrent request with the same key won the race: answer with its order.
                    StoredOrder winner = orders.find(customerId, orderId).orElseThrow(
                            () -> new IllegalStateException("order " + orderId + " exists but cannot be read"));
                    return replay(winner, cart.lines(customerId), fingerprint);
                case CART_CHANGED:
                case CONFLICT:
                default:
                    if (attempt + 1 >= MAX_ATTEMPTS) {
                        throw BookstoreException.conflict("checkout_conflict",
                                "the cart changed during checkout; review it and try again");
                    }
                    Backoff.pause(attempt);
            }
        }
    }

    /** The key was used before: the same order if this is a retry of that checkout, else a 409. */
    private static Placement replay(StoredOrder existing, List<CartLine> currentCart, String fingerprint) {
        if (currentCart.isEmpty() || existing.cartFingerprint().equals(fingerprint)) {
            return new Placement(existing.order(), false);
        }
        throw BookstoreException.conflict("idempotency_key_reused",
                "this Idempotency-Key was already used for a different cart; use a new key for a new order");
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
