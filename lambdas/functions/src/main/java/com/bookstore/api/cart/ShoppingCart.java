package com.bookstore.api.cart;

import com.bookstore.api.catalogue.Book;
import com.bookstore.api.catalogue.BookIds;
import com.bookstore.api.catalogue.Catalogue;
import com.bookstore.api.errors.BookstoreException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The cart rules: only catalogue books, 1..99 copies a line, at most {@value #MAX_LINES} lines (so a
 * checkout fits in one 100-item transaction), prices always from the catalogue.
 */
public final class ShoppingCart {

    public static final int MAX_LINES = 50;

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
        if (cart.line(customerId, bookId).isEmpty() && cart.lines(customerId).size() >= MAX_LINES) {
            throw BookstoreException.conflict("cart_full", "a cart holds at most " + MAX_LINES + " different books");
        }
        try {
            cart.add(customerId, bookId, copies, Quantity.MAX);
        } catch (ConditionalCheckFailedException e) {
            throw BookstoreException.unprocessable("quantity_limit",
                    "a cart line holds at most " + Quantity.MAX + " copies");
        }
        return view(customerId);
    }

    /** Sets a line to exactly this many copies (PUT is idempotent). */
    public CartView set(String customerId, String bookId, long quantity) {
        int copies = Quantity.of(quantity);
        requireCatalogueBook(bookId);
        if (cart.line(customerId, bookId).isEmpty() && cart.lines(customerId).size() >= MAX_LINES) {
            throw BookstoreException.conflict("cart_full", "a cart holds at most " + MAX_LINES + " different books");
        }
        cart.put(customerId, bookId, copies);
        return view(customerId);
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
