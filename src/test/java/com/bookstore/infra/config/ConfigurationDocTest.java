package com.bookstore.infra.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/configuration.md documents exactly the keys the program reads (StackSettings.keys()). */
class ConfigurationDocTest {

    private static final Pattern KEY = Pattern.compile("`(bookstore:[A-Za-z]+|aws:region)`");

    @Test
    void everyKeyTheProgramReadsIsDocumentedAndNothingElseIs() throws IOException {
        Set<String> documented = new TreeSet<>();
        String table = Files.readString(Path.of("docs/configuration.md"));
        for (String line : table.split("\n")) {
            // The key column of the tables: a row starts with the key (or keys) it documents.
            if (line.startsWith("| `")) {
                Matcher key = KEY.matcher(line.substring(0, line.indexOf(" |", 2)));
                while (key.find()) {
                    documented.add(key.group(1));
                }
            }
        }

        assertEquals(StackSettings.keys(), documented);
    }
}
