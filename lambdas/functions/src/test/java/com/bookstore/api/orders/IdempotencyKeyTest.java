package com.bookstore.api.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.api.cart.CartLine;
import com.bookstore.api.errors.BookstoreException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void missingKeyIsAnInvalidRequest() {
        var failure = assertThrows(BookstoreException.class, () -> IdempotencyKey.from(Optional.empty()));
        assertEquals("missing_idempotency_key", failure.code());
    }

    @Test
    void keysOutsidePrintableAsciiOrLengthAreRejected() {
        for (String bad : List.of("short", "x".repeat(129), "has space inside", "caf\u00e9-caf\u00e9-caf\u00e9")) {
            assertThrows(BookstoreException.class, () -> IdempotencyKey.from(Optional.of(bad)), bad);
        }
    }

    @Test
    void sameCustomerAndKeyGiveTheSameOrderIdOtherCustomersAnother() {
        IdempotencyKey key = IdempotencyKey.from(Optional.of("6f1c0e0a-7d3b-4c55-9a8e-2b1f7c9d0e11"));

        assertEquals(key.orderIdFor("alice"), key.orderIdFor("alice"));
        assertNotEquals(key.orderIdFor("alice"), key.orderIdFor("bob"));
        assertTrue(key.orderIdFor("alice").matches("ord-[0-9a-f]{32}"));
    }

    @Test
    void cartFingerprintIgnoresLineOrderButNotQuantities() {
        var a = new CartLine("a", 1);
        var b = new CartLine("b", 2);

        assertEquals(Checkout.fingerprint(List.of(a, b)), Checkout.fingerprint(List.of(b, a)));
        assertNotEquals(Checkout.fingerprint(List.of(a, b)), Checkout.fingerprint(List.of(a, new CartLine("b", 3))));
    }
}
