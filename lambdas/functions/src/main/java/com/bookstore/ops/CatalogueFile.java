package com.bookstore.ops;

import com.bookstore.api.catalogue.Book;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The catalogue the project ships: {@code catalogue/books.json} on the classpath (56 books, 7 categories). */
public final class CatalogueFile {

    public static final String RESOURCE = "/catalogue/books.json";

    private CatalogueFile() {
    }

    public static List<Book> books() {
        try (InputStream in = CatalogueFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            List<Book> books = new ArrayList<>();
            for (JsonElement element : JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonArray()) {
                JsonObject book = element.getAsJsonObject();
                books.add(Book.of(book.get("id").getAsString(), book.get("name").getAsString(),
                        book.get("author").getAsString(), book.get("category").getAsString(),
                        new BigDecimal(book.get("price").getAsString()), book.get("rating").getAsInt()));
            }
            return books;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
