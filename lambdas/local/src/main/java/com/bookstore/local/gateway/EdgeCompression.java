package com.bookstore.local.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * What CloudFront's {@code compress: true} does to a response from the bucket: Brotli when the viewer accepts it,
 * else gzip, only for the content types and sizes CloudFront compresses ("Serve compressed files", CloudFront
 * Developer Guide). Brotli bodies are the build's precompressed copies (the JDK has no Brotli encoder); gzip is
 * made here.
 */
final class EdgeCompression {
    static final String BROTLI = "br";
    static final String GZIP = "gzip";

    /** CloudFront compresses bodies of 1,000 to 10,000,000 bytes only. */
    private static final long MIN_BYTES = 1_000;
    private static final long MAX_BYTES = 10_000_000;

    /** The documented list of content types CloudFront compresses (media type only, parameters ignored). */
    private static final Set<String> COMPRESSIBLE = Set.of(
            "application/dash+xml", "application/eot", "application/font", "application/font-sfnt",
            "application/javascript", "application/json", "application/opentype", "application/otf",
            "application/pkcs7-mime", "application/protobuf", "application/rss+xml", "application/truetype",
            "application/ttf", "application/vnd.apple.mpegurl", "application/vnd.ms-fontobject",
            "application/xhtml+xml", "application/xml", "application/x-font-opentype", "application/x-font-truetype",
            "application/x-font-ttf", "application/x-httpd-cgi", "application/x-javascript", "application/x-mpegurl",
            "application/x-opentype", "application/x-otf", "application/x-perl", "application/x-ttf", "font/eot",
            "font/opentype", "font/otf", "font/ttf", "image/svg+xml", "text/css", "text/csv", "text/html",
            "text/javascript", "text/js", "text/plain", "text/richtext", "text/tab-separated-values", "text/xml",
            "text/x-component", "text/x-java-source", "text/x-script", "vnd.apple.mpegurl");

    private EdgeCompression() {
    }

    /** Whether CloudFront would compress a body of this type and size (so the response varies by encoding). */
    static boolean compressible(String contentType, long size) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return COMPRESSIBLE.contains(mediaType) && size >= MIN_BYTES && size <= MAX_BYTES;
    }

    /**
     * The encoding to answer with, given the request's {@code Accept-Encoding} and whether a Brotli copy exists:
     * Brotli is preferred when both are accepted, as CloudFront does; codings with {@code q=0} are refused.
     */
    static Optional<String> choose(String acceptEncoding, boolean brotliAvailable) {
        if (acceptEncoding == null) {
            return Optional.empty();
        }
        boolean brotli = false;
        boolean gzip = false;
        for (String part : acceptEncoding.split(",")) {
            String[] fields = part.trim().split(";");
            String coding = fields[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < fields.length; i++) {
                String param = fields[i].trim().toLowerCase(Locale.ROOT);
                refused |= param.startsWith("q=") && param.substring(2).trim().matches("0(\\.0*)?");
            }
            brotli |= coding.equals(BROTLI) && !refused;
            gzip |= coding.equals(GZIP) && !refused;
        }
        if (brotli && brotliAvailable) {
            return Optional.of(BROTLI);
        }
        return gzip ? Optional.of(GZIP) : Optional.empty();
    }

    static byte[] gzip(byte[] body) {
        var out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip in memory failed", e);
        }
        return out.toByteArray();
    }
}
