package com.bookstore.api.orders;

/** An order together with what checkout needs to recognise a retry: the fingerprint of the cart it emptied. */
public record StoredOrder(Order order, String cartFingerprint) {
}
