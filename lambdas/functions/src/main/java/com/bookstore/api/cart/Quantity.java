package com.bookstore.api.cart;

import com.bookstore.api.errors.BookstoreException;

/** Copies of one book in a cart: 1 to 99. */
public final class Quantity {

    public static final int MIN = 1;
    public static final int MAX = 99;

    private Quantity() {
    }

    public static int of(long requested) {
        if (requested < MIN || requested > MAX) {
            throw BookstoreException.invalid("invalid_quantity", "quantity must be from " + MIN + " to " + MAX);
        }
        return (int) requested;
    }
}
