package com.bookstore.api.catalogue;

import java.math.BigDecimal;

/**
 * A book of the catalogue. {@code cover} is a path relative to the site ({@code /covers/<id>.svg}); the
 * covers are generated images shipped with the project, never remote URLs.
 */
public record Book(String id, String name, String author, String category, BigDecimal price, int rating, String cover) {

    public static Book of(String id, String name, String author, String category, BigDecimal price, int rating) {
        return new Book(id, name, author, category, price, rating, coverPath(id));
    }

    public static String coverPath(String id) {
        return "/covers/" + id + ".svg";
    }
}
