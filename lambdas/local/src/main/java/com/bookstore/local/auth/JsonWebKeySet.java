package com.bookstore.local.auth;

import com.bookstore.local.aws.MotoHost;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The user pool's signing keys, fetched from its JWKS document and cached. An unknown key id triggers
 * one refetch (at most every {@link #REFRESH_INTERVAL}), as API Gateway does when a pool rotates keys.
 */
public final class JsonWebKeySet {
    private static final Duration REFRESH_INTERVAL = Duration.ofSeconds(10);


    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI jwksUri;
    private final String hostHeader;
    private final Clock clock;
    private Map<String, PublicKey> keys = Map.of();
    private Instant fetchedAt = Instant.EPOCH;

    /**
     * @param jwksUri    where the JWKS document is served (locally: moto's {@code /<poolId>/.well-known/jwks.json})
     * @param hostHeader the Host the document is published under, or null to use the URI's host
     */
    public JsonWebKeySet(URI jwksUri, String hostHeader) {
        this(jwksUri, hostHeader, Clock.systemUTC());
    }

    /** @param clock what the refetch throttle measures time with */
    public JsonWebKeySet(URI jwksUri, String hostHeader, Clock clock) {
        this.jwksUri = jwksUri;
        this.hostHeader = hostHeader;
        this.clock = clock;
    }

    /** The RSA key with this id, refetching the set once if it is not known yet. */
    public synchronized Optional<PublicKey> rsaKey(String keyId) throws UnauthorizedException {
        PublicKey key = keys.get(keyId);
        if (key == null && Duration.between(fetchedAt, clock.instant()).compareTo(REFRESH_INTERVAL) >= 0) {
            keys = fetch();
            fetchedAt = clock.instant();
            key = keys.get(keyId);
        }
        return Optional.ofNullable(key);
    }

    private Map<String, PublicKey> fetch() throws UnauthorizedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(jwksUri).timeout(Duration.ofSeconds(5)).GET();
        if (hostHeader != null && MotoHost.headerAllowed()) {
            request.header("Host", hostHeader);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new UnauthorizedException("JWKS endpoint answered " + response.statusCode());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new UnauthorizedException("JWKS endpoint unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnauthorizedException("interrupted while fetching JWKS");
        }
    }

    static Map<String, PublicKey> parse(String jwksJson) throws UnauthorizedException {
        Map<String, PublicKey> parsed = new HashMap<>();
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            for (JsonElement element : JsonParser.parseString(jwksJson).getAsJsonObject().getAsJsonArray("keys")) {
                JsonObject jwk = element.getAsJsonObject();
                if (!"RSA".equals(string(jwk, "kty")) || string(jwk, "kid") == null) {
                    continue;
                }
                BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(string(jwk, "n")));
                BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(string(jwk, "e")));
                parsed.put(string(jwk, "kid"), rsa.generatePublic(new RSAPublicKeySpec(modulus, exponent)));
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new UnauthorizedException("malformed JWKS document: " + e.getMessage());
        }
        return Map.copyOf(parsed);
    }

    private static String string(JsonObject object, String member) {
        JsonElement value = object.get(member);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
