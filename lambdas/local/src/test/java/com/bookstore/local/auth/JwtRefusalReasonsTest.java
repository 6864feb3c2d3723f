package com.bookstore.local.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each refusal of the authorizer by its reason, on tokens whose claims a test chooses. The keys are this
 * test's own, published by a real HTTP JWKS endpoint on loopback that can rotate them, fail, or go away;
 * JwtAuthorizerTest covers moto's Cognito tokens and JWKS document.
 */
class JwtRefusalReasonsTest {

    /** The pool's updated issuer, the same for tokens of either region's replica (docs/architecture.md#the-user-pool). */
    private static final String ISSUER = "https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_test";
    /** The pool's regional issuer: what its tokens carried before the pool had a replica. */
    private static final String REGIONAL_ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_test";
    private static final String CLIENT = "storefront-client";
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private static final KeyPair FIRST = rsa();
    private static final KeyPair SECOND = rsa();
    private final List<Map<String, Object>> published = new ArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile int jwksStatus = 200;
    private HttpServer jwks;
    private JwtAuthorizer authorizer;

    @BeforeEach
    void publishFirstKey() throws IOException {
        published.add(jwk("first", FIRST));
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new Gson().toJson(Map.of("keys", published)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(jwksStatus, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        URI uri = URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json");
        authorizer = new JwtAuthorizer(ISSUER, Set.of(CLIENT), new JsonWebKeySet(uri, null, clock), clock);
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    @Test
    void expiryIsExclusiveAtTheSecond() throws Exception {
        String token = token("first", FIRST, claims(Map.of("exp", NOW.getEpochSecond() + 1)));

        assertEquals(CLIENT, authorizer.authorize("Bearer " + token).get("aud"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("token expired or without exp", refusal(token));
    }

    @Test
    void aMissingOrNonNumericExpIsRefused() {
        Map<String, Object> noExp = claims(Map.of());
        noExp.remove("exp");

        assertEquals("token expired or without exp", refusal(token("first", FIRST, noExp)));
        assertEquals("exp is not a number", refusal(token("first", FIRST, claims(Map.of("exp", "tomorrow")))));
        assertEquals("exp is not a number", refusal(token("first", FIRST, claims(Map.of("exp", true)))));
    }

    @Test
    void notBeforeAndIssuedAtInTheFutureAreRefusedAndTheCurrentSecondIsNot() throws Exception {
        long now = NOW.getEpochSecond();

        assertEquals("token not valid yet (nbf)", refusal(token("first", FIRST, claims(Map.of("nbf", now + 1)))));
        assertEquals("token issued in the future (iat)", refusal(token("first", FIRST, claims(Map.of("iat", now + 1)))));
        authorizer.authorize(token("first", FIRST, claims(Map.of("nbf", now, "iat", now))));
    }

    @Test
    void anAudienceArrayIsAcceptedWhenItNamesTheClientAndRefusedOtherwise() throws Exception {
        assertEquals("[other " + CLIENT + "]",
                authorizer.authorize(token("first", FIRST, claims(Map.of("aud", List.of("other", CLIENT))))).get("aud"));
        assertEquals("aud [other, third] not in [" + CLIENT + "]",
                refusal(token("first", FIRST, claims(Map.of("aud", List.of("other", "third"))))));
        assertEquals("aud is not a string or an array of strings",
                refusal(token("first", FIRST, claims(Map.of("aud", List.of(Map.of("client", CLIENT)))))));
        assertEquals("aud is not a string or an array of strings", refusal(token("first", FIRST, claims(Map.of("aud", 7)))));
    }

    @Test
    void aRotatedKeyIsFetchedOnceTheThrottleAllowsAndNotBefore() throws Exception {
        authorizer.authorize(token("first", FIRST, claims(Map.of())));
        assertEquals(1, fetches.get());
        published.add(jwk("second", SECOND));
        String rotated = token("second", SECOND, claims(Map.of()));

        clock.advance(Duration.ofSeconds(9));
        assertEquals("unknown kid second", refusal(rotated));
        assertEquals(1, fetches.get(), "no refetch within ten seconds of the last one");
        clock.advance(Duration.ofSeconds(1));
        authorizer.authorize(rotated);
        assertEquals(2, fetches.get());
        authorizer.authorize(token("first", FIRST, claims(Map.of())));
        assertEquals(2, fetches.get(), "known keys need no fetch");
    }

    @Test
    void aJwksEndpointThatFailsOrIsGoneRefusesWithTheReason() {
        String token = token("first", FIRST, claims(Map.of()));
        jwksStatus = 503;

        assertEquals("JWKS endpoint answered 503", refusal(token));
        jwks.stop(0);
        assertTrue(refusal(token).startsWith("JWKS endpoint unreachable: "));
    }

    @Test
    void aTokenOfThePoolsRegionalIssuerIsRefusedSignedByTheSameKey() throws Exception {
        assertEquals(CLIENT, authorizer.authorize("Bearer " + token("first", FIRST, claims(Map.of()))).get("aud"));

        assertEquals("issuer " + REGIONAL_ISSUER + " is not " + ISSUER,
                refusal(token("first", FIRST, claims(Map.of("iss", REGIONAL_ISSUER)))));
        assertEquals("issuer https://issuer-cognito-idp.ap-southeast-1.amazonaws.com/eu-west-1_test is not " + ISSUER,
                refusal(token("first", FIRST, claims(Map.of("iss",
                        "https://issuer-cognito-idp.ap-southeast-1.amazonaws.com/eu-west-1_test")))),
                "the updated issuer names the pool's primary region, whichever replica signed");
    }

    @Test
    void aTokenWithoutKidOrWithAnotherAlgorithmIsRefused() {
        Map<String, Object> claims = claims(Map.of());

        assertEquals("unknown kid null", refusal(sign(Map.of("alg", "RS256"), claims, FIRST)));
        assertEquals("unsupported alg HS256", refusal(sign(Map.of("alg", "HS256", "kid", "first"), claims, FIRST)));
    }

    private String refusal(String token) {
        return assertThrows(UnauthorizedException.class, () -> authorizer.authorize("Bearer " + token)).getMessage();
    }

    /** A valid ID token's claims for this pool and client, with {@code overrides} applied. */
    private static Map<String, Object> claims(Map<String, Object> overrides) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "3f2a0c1e-0000-4000-8000-000000000001");
        claims.put("iss", ISSUER);
        claims.put("aud", CLIENT);
        claims.put("token_use", "id");
        claims.put("iat", NOW.getEpochSecond() - 60);
        claims.put("exp", NOW.getEpochSecond() + 3600);
        claims.putAll(overrides);
        return claims;
    }

    private static String token(String kid, KeyPair key, Map<String, Object> claims) {
        return sign(Map.of("alg", "RS256", "kid", kid), claims, key);
    }

    private static String sign(Map<String, Object> header, Map<String, Object> claims, KeyPair key) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signed = base64.encodeToString(new Gson().toJson(header).getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(new Gson().toJson(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key.getPrivate());
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + base64.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> jwk(String kid, KeyPair key) {
        RSAPublicKey rsa = (RSAPublicKey) key.getPublic();
        return Map.of("kty", "RSA", "alg", "RS256", "use", "sig", "kid", kid,
                "n", unsigned(rsa.getModulus()), "e", unsigned(rsa.getPublicExponent()));
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOfRange(bytes, skip, bytes.length));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock the test moves forward by hand. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
