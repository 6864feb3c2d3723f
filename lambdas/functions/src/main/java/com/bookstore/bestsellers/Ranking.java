package com.bookstore.bestsellers;

/** A place on the board: a book id and the copies sold. */
public record Ranking(String bookId, long sold) {
}
