package com.bookstore.api.catalogue;

import java.util.regex.Pattern;

/**
 * The shape of a book id. Anything else cannot be a book, so it is answered without a database call
 * (and DynamoDB never sees an over-long or empty key).
 */
public final class BookIds {

    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private BookIds() {
    }

    public static boolean isPlausible(String id) {
        return id != null && PLAUSIBLE.matcher(id).matches();
    }
}
