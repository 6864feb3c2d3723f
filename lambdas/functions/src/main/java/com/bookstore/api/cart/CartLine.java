package com.bookstore.api.cart;

/** What the Cart table stores: which book, how many. Prices are never stored here. */
public record CartLine(String bookId, int quantity) {
}
