package com.bookstore.api.orders;

import com.bookstore.api.errors.BookstoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's {@code Idempotency-Key} (a UUID, typically) and the order id derived from it. Deriving
 * the id (rather than storing a separate key item) makes the order's own put the idempotency check, and
 * keeps one writer per item across regions.
 */
public record IdempotencyKey(String value) {

    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{8,128}");

    public static IdempotencyKey from(Optional<String> header) {
        String value = header.map(String::trim).orElseThrow(() -> BookstoreException.invalid("missing_idempotency_key",
                "checkout needs an Idempotency-Key header (a UUID, say) so that retries place one order"));
        if (!VALID.matcher(value).matches()) {
            throw BookstoreException.invalid("invalid_idempotency_key",
                    "Idempotency-Key must be 8 to 128 printable ASCII characters");
        }
        return new IdempotencyKey(value);
    }

    /** Same customer and key, same id; another customer's identical key gives another id. */
    public String orderIdFor(String customerId) {
        return "ord-" + sha256(customerId + "\n" + value).substring(0, 32);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
