package com.bookstore.bestsellers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderSaleTest {

    @Test
    void encodesCopiesSortedForTheRedisScript() {
        assertEquals("a=1;b=2", new OrderSale("o", "5", Map.of("b", 2, "a", 1)).encodedCopies());
    }

    @Test
    void refusesWhatTheScriptCouldMisread() {
        assertThrows(IllegalArgumentException.class, () -> new OrderSale("o", "5", Map.of("a;b", 1)));
        assertThrows(IllegalArgumentException.class, () -> new OrderSale("o", "5", Map.of("a", 0)));
        assertThrows(IllegalArgumentException.class, () -> new OrderSale("o", "not-a-number", Map.of()));
    }
}
