package com.bookstore.infra.observability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The canary's zip: the local suite's journey file itself, laid out as the entry point imports it, reproducibly. */
class CanaryBundleTest {

    private static final Path E2E = Path.of("ui", "e2e");

    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void theZipHoldsTheEntryPointAndTheSharedJourneyUnchanged() throws IOException {
        Map<String, byte[]> entries = entries(CanaryBundle.zip(E2E));
        assertEquals(List.of("canary/index.mjs", "journeys/readOnlyJourney.mjs"), List.copyOf(entries.keySet()));
        assertArrayEquals(Files.readAllBytes(E2E.resolve("journeys/readOnlyJourney.mjs")),
                entries.get(CanaryBundle.JOURNEY), "the journey file, not a copy that can drift");
        // The handler names the entry file; the entry's import of the journey resolves to the journey's entry.
        assertEquals("canary/index.handler", CanaryBundle.HANDLER);
        String index = new String(entries.get("canary/index.mjs"), StandardCharsets.UTF_8);
        Matcher imported = Pattern.compile("from '(\\.\\./journeys/[^']+)'").matcher(index);
        assertTrue(imported.find(), "the entry point imports the journey");
        assertEquals(CanaryBundle.JOURNEY, Path.of("canary").resolve(imported.group(1)).normalize().toString());
        assertTrue(index.contains("from '@aws/synthetics-playwright'"), "the runtime's module, not playwright-core");
    }

    @Test
    void theSameSourcesGiveTheSameBytesAndOtherSourcesAnotherName(@TempDir Path dir) throws IOException {
        Path first = CanaryBundle.write(E2E, dir.resolve("a"));
        Path second = CanaryBundle.write(E2E, dir.resolve("b"));
        assertEquals(first.getFileName(), second.getFileName());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertTrue(Files.size(first) < CanaryBundle.MAX_BYTES, "Synthetics takes an inline zip of at most 225 KB");

        Path changed = dir.resolve("e2e");
        for (String entry : CanaryBundle.ENTRIES) {
            Files.createDirectories(changed.resolve(entry).getParent());
            Files.copy(E2E.resolve(entry), changed.resolve(entry));
        }
        Files.writeString(changed.resolve(CanaryBundle.JOURNEY), "\n// changed\n", java.nio.file.StandardOpenOption.APPEND);
        assertNotEquals(first.getFileName(), CanaryBundle.write(changed, dir.resolve("c")).getFileName(),
                "new code is a new path, which the provider sees as a change");
    }
}
