package com.bookstore.ops;

import com.bookstore.api.catalogue.Book;
import com.bookstore.api.catalogue.CoverArt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one SVG cover per catalogue book into a folder ({@code <id>.svg}). The project keeps the output
 * in {@code lambdas/functions/src/main/resources/covers/}; a test checks it matches this generator.
 *
 * <p>Run: {@code java -cp bookstore-functions.jar com.bookstore.ops.CoverGenerator <folder>}
 */
public final class CoverGenerator {

    private CoverGenerator() {
    }

    public static int write(Path folder) throws IOException {
        Files.createDirectories(folder);
        int written = 0;
        for (Book book : CatalogueFile.books()) {
            Files.write(folder.resolve(book.id() + ".svg"), CoverArt.svg(book));
            written++;
        }
        return written;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CoverGenerator <output folder>");
            System.exit(2);
        }
        System.out.println("covers written: " + write(Path.of(args[0])));
    }
}
