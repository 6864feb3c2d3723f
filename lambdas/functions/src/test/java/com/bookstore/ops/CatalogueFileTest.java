package com.bookstore.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.api.catalogue.Book;
import com.bookstore.api.catalogue.BookIds;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogueFileTest {

    @Test
    void shipsTheFiftySixBooksInSevenCategories() {
        List<Book> books = CatalogueFile.books();

        assertEquals(56, books.size());
        assertEquals(56, books.stream().map(Book::id).distinct().count());
        assertEquals(7, books.stream().map(Book::category).distinct().count());
    }

    @Test
    void everyBookHasAPlausibleIdAPositivePriceAndARating() {
        for (Book book : CatalogueFile.books()) {
            assertTrue(BookIds.isPlausible(book.id()), book.id());
            assertTrue(book.price().compareTo(BigDecimal.ZERO) > 0, book.id());
            assertTrue(book.rating() >= 1 && book.rating() <= 5, book.id());
        }
    }

    @Test
    void eachCategoryHasBooks() {
        var perCategory = CatalogueFile.books().stream().collect(Collectors.groupingBy(Book::category, Collectors.counting()));
        perCategory.forEach((category, count) -> assertTrue(count >= 2, category));
    }
}
