package com.bookstore.local.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Content-Type and Cache-Control of each file of the built storefront, from {@code ui/site-headers.yaml}: the
 * file the stack's S3 uploads read too, so the gateway serves what CloudFront passes on from the bucket
 * (docs/ui.md#caching-and-compression).
 */
final class SiteHeaders {
    private static final String RESOURCE = "/site-headers.yaml";
    private static final String BINARY = "application/octet-stream";

    private record CacheRule(String prefix, String value) {
    }

    private final List<CacheRule> cacheRules;
    private final Map<String, String> contentTypes;
    private final String precompressedSuffix;

    private SiteHeaders(List<CacheRule> cacheRules, Map<String, String> contentTypes, String precompressedSuffix) {
        this.cacheRules = cacheRules;
        this.contentTypes = contentTypes;
        this.precompressedSuffix = precompressedSuffix;
    }

    /** The definition packaged with the gateway (lambdas/local/pom.xml copies it from {@code ui/}). */
    @SuppressWarnings("unchecked")
    static SiteHeaders load() {
        try (InputStream in = SiteHeaders.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (the pom copies it from ui/)");
            }
            Map<String, Object> doc = new Yaml().load(in);
            List<CacheRule> rules = ((List<Map<String, String>>) doc.get("cacheControl")).stream()
                    .map(rule -> new CacheRule(rule.get("prefix"), rule.get("value")))
                    .toList();
            return new SiteHeaders(rules, Map.copyOf((Map<String, String>) doc.get("contentTypes")),
                    (String) doc.get("precompressedSuffix"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Cache-Control of the file at {@code key} (a path inside ui/dist). */
    String cacheControl(String key) {
        return cacheRules.stream().filter(rule -> key.startsWith(rule.prefix())).findFirst()
                .orElseThrow(() -> new IllegalStateException(RESOURCE + " has no cacheControl rule for " + key))
                .value();
    }

    String contentType(String key) {
        int dot = key.lastIndexOf('.');
        String extension = dot < 0 ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT);
        return contentTypes.getOrDefault(extension, BINARY);
    }

    /** Where the build leaves the Brotli copy of {@code key}; the bucket has no such object. */
    String precompressed(String key) {
        return key + precompressedSuffix;
    }

    boolean isLocalOnly(String key) {
        return key.endsWith(precompressedSuffix);
    }
}
