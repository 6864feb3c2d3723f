package com.bookstore.contract;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP headers of the built storefront's files, from {@code ui/site-headers.yaml} (packaged in this module's
 * jar): Content-Type and Cache-Control of each file, which the stack's S3 uploads store and the local gateway sends,
 * and the Content-Security-Policy of its pages, which CloudFront and the local gateway send
 * (docs/ui.md#caching-and-compression, docs/security.md#sessions-and-csp). One definition, so `make local` sends
 * what the deployed site sends. Needs SnakeYAML on the caller's classpath (an optional dependency of this module).
 */
public final class SiteHeaders {
    /** The definition, packaged in this module's jar (its pom copies it from {@code ui/}). */
    public static final String RESOURCE = "/site-headers.yaml";
    private static final String BINARY = "application/octet-stream";
    private static final Pattern INLINE_STYLE = Pattern.compile("<style[^>]*>(.*?)</style>", Pattern.DOTALL);

    private record CacheRule(String prefix, String value) {
    }

    /**
     * The origins a page may reach besides its own, which differ per deployment and fill the policy's placeholders:
     * {@code $api} the API, {@code $cognito} Cognito's endpoints, {@code $blog} the blog. An empty list drops the
     * placeholder.
     */
    public record Origins(List<String> api, List<String> cognito, List<String> blog) {
        public Origins {
            api = List.copyOf(api);
            cognito = List.copyOf(cognito);
            blog = List.copyOf(blog);
        }
    }

    private final List<CacheRule> cacheRules;
    private final Map<String, String> contentTypes;
    private final String precompressedSuffix;
    private final Map<String, List<String>> policy;

    private SiteHeaders(List<CacheRule> cacheRules, Map<String, String> contentTypes, String precompressedSuffix,
                        Map<String, List<String>> policy) {
        this.cacheRules = cacheRules;
        this.contentTypes = contentTypes;
        this.precompressedSuffix = precompressedSuffix;
        this.policy = policy;
    }

    @SuppressWarnings("unchecked")
    public static SiteHeaders load() {
        try (InputStream in = SiteHeaders.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: it comes with bookstore-api-contract");
            }
            Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<CacheRule> rules = ((List<Map<String, String>>) doc.get("cacheControl")).stream()
                    .map(rule -> new CacheRule(rule.get("prefix"), rule.get("value")))
                    .toList();
            Map<String, List<String>> policy = new LinkedHashMap<>();
            ((Map<String, List<String>>) doc.get("contentSecurityPolicy"))
                    .forEach((directive, sources) -> policy.put(directive, List.copyOf(sources)));
            return new SiteHeaders(rules, Map.copyOf((Map<String, String>) doc.get("contentTypes")),
                    (String) doc.get("precompressedSuffix"), policy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Cache-Control of the file at {@code key} (a path inside ui/dist). */
    public String cacheControl(String key) {
        return cacheRules.stream().filter(rule -> key.startsWith(rule.prefix())).findFirst()
                .orElseThrow(() -> new IllegalStateException(RESOURCE + " has no cacheControl rule for " + key))
                .value();
    }

    public String contentType(String key) {
        int dot = key.lastIndexOf('.');
        String extension = dot < 0 ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT);
        return contentTypes.getOrDefault(extension, BINARY);
    }

    /** Where the build leaves the Brotli copy of {@code key}; the bucket has no such object. */
    public String precompressed(String key) {
        return key + precompressedSuffix;
    }

    /** The Brotli copies the build writes for the local gateway; CloudFront compresses by itself. */
    public boolean isLocalOnly(String key) {
        return key.endsWith(precompressedSuffix);
    }

    /**
     * The Content-Security-Policy header value for a deployment reaching {@code origins} and serving {@code page}
     * (the built index.html, empty when not built): {@code $inlineStyles} stands for the hash of each of its
     * {@code <style>} elements, the build's first-paint CSS (docs/ui.md#caching-and-compression).
     */
    public String contentSecurityPolicy(Origins origins, String page) {
        Map<String, List<String>> placeholders = Map.of("$api", origins.api(), "$cognito", origins.cognito(),
                "$blog", origins.blog(), "$inlineStyles", inlineStyleHashes(page));
        List<String> directives = new ArrayList<>();
        policy.forEach((directive, sources) -> {
            Set<String> resolved = new LinkedHashSet<>();
            for (String source : sources) {
                if (source.startsWith("$")) {
                    List<String> values = placeholders.get(source);
                    if (values == null) {
                        throw new IllegalStateException(RESOURCE + ": unknown placeholder " + source + " in " + directive);
                    }
                    resolved.addAll(values);
                } else {
                    resolved.add(source);
                }
            }
            directives.add(resolved.isEmpty() ? directive : directive + " " + String.join(" ", resolved));
        });
        return String.join("; ", directives);
    }

    /** The CSP hash source ({@code 'sha256-...'}) of each inline {@code <style>} element of {@code html}. */
    static List<String> inlineStyleHashes(String html) {
        List<String> hashes = new ArrayList<>();
        Matcher style = INLINE_STYLE.matcher(html);
        while (style.find()) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.group(1).getBytes(StandardCharsets.UTF_8));
                hashes.add("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
        return hashes;
    }
}
