package com.bookstore.api.catalogue;

import com.bookstore.api.errors.BookstoreException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Browsing rules: page sizes, cursors, lookups and the top-rated list the best-seller fallback uses. */
public final class Catalogue {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_CATEGORY_LENGTH = 64;

    private final BookTable books;
    /** The catalogue changes by seeding only; a container keeps the top-rated list it read once. */
    private volatile List<Book> topRated;

    public Catalogue(BookTable books) {
        this.books = books;
    }

    public BookPage browse(Optional<String> category, Optional<String> limit, Optional<String> cursor) {
        int size = limit.map(Catalogue::pageSize).orElse(DEFAULT_PAGE_SIZE);
        Optional<String> wanted = category.filter(c -> !c.isBlank());
        if (wanted.isPresent() && wanted.get().length() > MAX_CATEGORY_LENGTH) {
            throw BookstoreException.invalid("invalid_category", "category is too long");
        }
        return books.page(wanted, size, cursor.filter(c -> !c.isBlank()).map(c -> PageCursor.decode(c, wanted)));
    }

    public Book book(String id) {
        if (!BookIds.isPlausible(id)) {
            throw bookNotFound(id);
        }
        return books.find(id).orElseThrow(() -> bookNotFound(id));
    }

    public Map<String, Book> books(Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : books.findAll(ids);
    }

    public List<Book> topRated(int count) {
        List<Book> cached = topRated;
        if (cached == null) {
            cached = books.all().stream()
                    .sorted(Comparator.comparingInt(Book::rating).reversed().thenComparing(Book::name))
                    .toList();
            topRated = cached;
        }
        return cached.subList(0, Math.min(count, cached.size()));
    }

    public static BookstoreException bookNotFound(String id) {
        return BookstoreException.notFound("book_not_found", "no book with id '" + id + "'");
    }

    private static int pageSize(String limit) {
        try {
            int size = Integer.parseInt(limit.trim());
            if (size >= 1 && size <= MAX_PAGE_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw BookstoreException.invalid("invalid_limit", "limit must be a whole number from 1 to " + MAX_PAGE_SIZE);
    }
}
