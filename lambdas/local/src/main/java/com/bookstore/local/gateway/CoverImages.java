package com.bookstore.local.gateway;

import com.bookstore.api.catalogue.Book;
import com.bookstore.api.catalogue.CoverArt;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code /covers/<id>.svg}, the catalogue's generated covers, which on AWS sit next to the storefront in
 * its bucket. Served from the functions' {@code covers/} resources when shipped there, else drawn by the
 * same {@link CoverArt} that generates those files.
 */
final class CoverImages implements HttpHandler {
    static final String PREFIX = "/covers/";
    private static final Pattern COVER = Pattern.compile("/covers/([A-Za-z0-9-]+)\\.svg");

    private final Map<String, Book> books;

    CoverImages(List<Book> catalogue) {
        this.books = catalogue.stream().collect(Collectors.toMap(Book::id, Function.identity()));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Matcher matcher = COVER.matcher(exchange.getRequestURI().getPath());
        Book book = matcher.matches() ? books.get(matcher.group(1)) : null;
        if (book == null) {
            Responses.send(exchange, 404, "text/plain; charset=utf-8", "Not Found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] svg;
        try (InputStream shipped = CoverImages.class.getResourceAsStream("/covers/" + book.id() + ".svg")) {
            svg = shipped != null ? shipped.readAllBytes() : CoverArt.svg(book);
        }
        exchange.getResponseHeaders().set("Cache-Control", "public, max-age=86400");
        Responses.send(exchange, 200, "image/svg+xml", svg);
    }
}
