package com.bookstore.api.orders;

import java.math.BigDecimal;

/** One line of an order, priced from the catalogue when the order was placed. */
public record OrderLine(String bookId, String name, String author, int quantity, BigDecimal unitPrice,
        BigDecimal lineTotal) {
}
