package com.bookstore.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The storefront's headers as ui/site-headers.yaml defines them, for the stack and the local gateway alike. */
class SiteHeadersTest {
    private final SiteHeaders headers = SiteHeaders.load();

    @Test
    void thePolicyNamesEachDeploymentsOriginsWhereThePlaceholdersStand() {
        String policy = headers.contentSecurityPolicy(new SiteHeaders.Origins(List.of("https://www.example.test"),
                List.of("https://cognito-idp.eu-west-1.amazonaws.com", "https://cognito-idp.eu-central-1.amazonaws.com"),
                List.of("https://blog.example.test")), "");

        assertEquals("default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data: https://blog.example.test; font-src 'self'; "
                + "connect-src 'self' https://www.example.test https://cognito-idp.eu-west-1.amazonaws.com "
                + "https://cognito-idp.eu-central-1.amazonaws.com https://blog.example.test; manifest-src 'self'; "
                + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'", policy);
    }

    @Test
    void anEmptyPlaceholderDropsOutAndRepeatedOriginsAreNamedOnce() {
        String policy = headers.contentSecurityPolicy(new SiteHeaders.Origins(List.of("https://a.test"),
                List.of("https://a.test"), List.of()), "<!doctype html><title>no style</title>");

        assertEquals("connect-src 'self' https://a.test", policy.split("; ")[5]);
        assertEquals("img-src 'self' data:", policy.split("; ")[3]);
    }

    @Test
    void theBuildsInlineStyleIsAllowedByItsHashAndNothingElseInline() {
        // printf 'body{margin:0}' | openssl dgst -sha256 -binary | base64
        String page = "<html><head><style>body{margin:0}</style></head><body><div id=root></div></body></html>";

        String policy = headers.contentSecurityPolicy(new SiteHeaders.Origins(List.of(), List.of(), List.of()), page);

        assertEquals("style-src 'self' 'sha256-IAdwN3biDCQ3brrgp1m8kBEsPQYyqfREKOEfeoREopc='", policy.split("; ")[2]);
    }

    @Test
    void hashedAssetsAreImmutableAndPagesRevalidated() {
        assertEquals("public, max-age=31536000, immutable", headers.cacheControl("assets/index-1a2b.js"));
        assertEquals("no-cache", headers.cacheControl("index.html"));
        assertEquals("text/html; charset=utf-8", headers.contentType("index.html"));
    }
}
