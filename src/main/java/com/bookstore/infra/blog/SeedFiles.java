package com.bookstore.infra.blog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The seed script and posts the local blog uses (scripts/blog), read from the project directory the program
 * runs in, so AWS and the local mode load the same posts the same way.
 */
final class SeedFiles {

    static final Path SCRIPT = Path.of("scripts", "blog", "seed.php");
    static final Path POSTS = Path.of("scripts", "blog", "posts.json");

    private SeedFiles() {
    }

    static String script() {
        return read(SCRIPT);
    }

    static String posts() {
        return read(POSTS);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("The blog's seed file " + path.toAbsolutePath()
                    + " is missing: run the program from the project directory", e);
        }
    }
}
