package com.bookstore.api.catalogue;

import java.util.List;

/** One page of the catalogue; {@code nextCursor} is null on the last page. */
public record BookPage(List<Book> items, String nextCursor) {
}
