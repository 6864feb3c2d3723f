package com.bookstore.api.cart;

import com.bookstore.api.catalogue.Backoff;
import com.bookstore.api.catalogue.Book;
import com.bookstore.api.catalogue.BookIds;
import com.bookstore.api.catalogue.Catalogue;
import com.bookstore.api.errors.BookstoreException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The cart rules: only catalogue books, 1..99 copies a line, at most {@value #MAX_LINES} lines (so a
 * checkout fits in one 100-item transaction), prices always from the catalogue.
 */
public final class ShoppingCart {

    public static final int MAX_LINES = 50;
    /** Enough for a line count contended by a few tabs at once; each round backs off (Backoff). */
    private static final int MAX_WRITE_ATTEMPTS = 8;

    private final CartTable cart;
    private final Catalogue catalogue;

    public ShoppingCart(CartTable cart, Catalogue catalogue) {
        this.cart = cart;
        this.catalogue = catalogue;
    }

    public CartView view(String customerId) {
        return price(cart.lines(customerId));
    }

    public CartView.Item line(String customerId, String bookId) {
        var notInCart = BookstoreException.notFound("not_in_cart", "book '" + bookId + "' is not in the cart");
        if (!BookIds.isPlausible(bookId)) {
            throw notInCart;
        }
        CartLine line = cart.line(customerId, bookId).orElseThrow(() -> notInCart);
        return price(List.of(line)).items().get(0);
    }

    /** Adds copies to a line (creating it); the line may not pass {@value Quantity#MAX} copies. */
    public CartView add(String customerId, String bookId, long quantity) {
        int copies = Quantity.of(quantity);
        requireCatalogueBook(bookId);
        write(() -> cart.add(customerId, bookId, copies, Quantity.MAX, MAX_LINES));
        return view(customerId);
    }

    /** Sets a line to exactly this many copies (PUT is idempotent). */
    public CartView set(String customerId, String bookId, long quantity) {
        int copies = Quantity.of(quantity);
        requireCatalogueBook(bookId);
        write(() -> cart.set(customerId, bookId, copies, MAX_LINES));
        return view(customerId);
    }

    /**
     * The line limit is enforced by the write's own condition (CartTable); a write that raced another
     * one on the same line or on the line count is tried again, a bounded number of times.
     */
    private static void write(Supplier<CartTable.LineWrite> attempt) {
        for (int round = 0; round < MAX_WRITE_ATTEMPTS; round++) {
            switch (attempt.get()) {
                case WRITTEN:
                    return;
                case LINE_FULL:
                    throw BookstoreException.unprocessable("quantity_limit",
                            "a cart line holds at most " + Quantity.MAX + " copies");
                case CART_FULL:
                    throw BookstoreException.conflict("cart_full", "a cart holds at most " + MAX_LINES + " different books");
                case RETRY:
                    Backoff.pause(round);
                    break;
                default:
                    throw new IllegalStateException();
            }
        }
        throw BookstoreException.conflict("cart_busy", "the cart is changing in another request; try again");
    }

    /** Removing a line that is not there is not an error: DELETE is idempotent. */
    public CartView remove(String customerId, String bookId) {
        if (BookIds.isPlausible(bookId)) {
            cart.remove(customerId, bookId);
        }
        return view(customerId);
    }

    private void requireCatalogueBook(String bookId) {
        if (!BookIds.isPlausible(bookId) || catalogue.books(List.of(bookId)).isEmpty()) {
            throw BookstoreException.unprocessable("unknown_book", "no book with id '" + bookId + "' in the catalogue");
        }
    }

    private CartView price(List<CartLine> lines) {
        Map<String, Book> books = catalogue.books(lines.stream().map(CartLine::bookId).toList());
        List<CartView.Item> items = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int count = 0;
        for (CartLine line : lines) {
            Book book = books.get(line.bookId());
            BigDecimal unit = book == null ? null : book.price();
            BigDecimal lineTotal = unit == null ? null : unit.multiply(BigDecimal.valueOf(line.quantity()));
            if (lineTotal != null) {
                total = total.add(lineTotal);
            }
            count += line.quantity();
            items.add(new CartView.Item(line.bookId(), line.quantity(), unit, lineTotal, book));
        }
        return new CartView(items, count, total);
    }
}
