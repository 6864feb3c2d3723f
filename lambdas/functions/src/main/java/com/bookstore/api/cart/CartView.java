package com.bookstore.api.cart;

import com.bookstore.api.catalogue.Book;
import java.math.BigDecimal;
import java.util.List;

/**
 * A cart priced from the catalogue at read time. A line whose book has left the catalogue stays visible
 * with {@code book: null} and no price, and is left out of the total.
 */
public record CartView(List<Item> items, int itemCount, BigDecimal total) {

    public record Item(String bookId, int quantity, BigDecimal unitPrice, BigDecimal lineTotal, Book book) {
    }
}
