package com.bookstore.infra.observability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The canary's code as Synthetics takes it (CloudWatch user guide, "Writing a Node.js canary script using the
 * Playwright runtime": a zip with the handler file at a path the handler names, helper modules beside it): the entry
 * point {@code canary/index.mjs} and the journey it imports, {@code journeys/readOnlyJourney.mjs}, copied byte for byte
 * from {@code ui/e2e}, where the local end-to-end suite runs the same journey file.
 * <p>
 * Reproducible: entries in a fixed order, stored (no compressor version in the bytes), with one fixed timestamp, so the
 * same sources always give the same zip. The file is named by its content hash: the provider passes {@code zipFile} as a
 * path and does not notice new contents at the same path (pulumi/pulumi-aws#2022), so changed code is a changed name.
 */
public final class CanaryBundle {

    /** The handler Synthetics calls: {@code <path of the entry file without .mjs>.handler}. */
    public static final String HANDLER = "canary/index.handler";
    /** The journey inside the zip, at the same path relative to the entry point as in {@code ui/e2e}. */
    public static final String JOURNEY = "journeys/readOnlyJourney.mjs";
    static final List<String> ENTRIES = List.of("canary/index.mjs", JOURNEY);
    /** CreateCanary's limit for a zip passed inline (Canary zipFile: "It can be up to 225KB"). */
    static final int MAX_BYTES = 225 * 1024;
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private CanaryBundle() {
    }

    /** Packs the files of {@code e2eDir} into {@code outDir/shopper-canary-<hash>.zip} and returns its path. */
    public static Path write(Path e2eDir, Path outDir) {
        byte[] zip = zip(e2eDir);
        if (zip.length > MAX_BYTES) {
            throw new IllegalStateException("the canary zip has " + zip.length + " bytes; Synthetics takes " + MAX_BYTES);
        }
        try {
            Path file = outDir.resolve("shopper-canary-" + sha256(zip).substring(0, 16) + ".zip");
            Files.createDirectories(outDir);
            if (!Files.exists(file)) {
                Files.write(file, zip);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] zip(Path e2eDir) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(bytes)) {
            for (String name : ENTRIES) {
                byte[] content = Files.readAllBytes(e2eDir.resolve(name));
                var crc = new CRC32();
                crc.update(content);
                var entry = new ZipEntry(name);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(content.length);
                entry.setCompressedSize(content.length);
                entry.setCrc(crc.getValue());
                entry.setTimeLocal(FIXED_TIME); // DOS time only: no extended timestamp, no time zone
                out.putNextEntry(entry);
                out.write(content);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
