package com.bookstore.local.auth;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates bearer tokens the way an HTTP API JWT authorizer does: RS256 signature against the issuer's
 * JWKS, {@code iss} equal to the configured issuer, {@code aud} (ID tokens) or {@code client_id} (access
 * tokens) in the configured audience, {@code exp} in the future, {@code nbf}/{@code iat} not in the future.
 * The claims come back flattened to strings, as API Gateway hands them to the integration.
 */
public final class JwtAuthorizer {
    private static final String BEARER = "Bearer ";

    private final String issuer;
    private final Set<String> audience;
    private final JsonWebKeySet keys;
    private final Clock clock;

    public JwtAuthorizer(String issuer, Set<String> audience, JsonWebKeySet keys, Clock clock) {
        this.issuer = issuer;
        this.audience = Set.copyOf(audience);
        this.keys = keys;
        this.clock = clock;
    }

    /** The token's claims, or {@link UnauthorizedException} with the reason API Gateway would refuse it. */
    public Map<String, String> authorize(String authorizationHeader) throws UnauthorizedException {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw new UnauthorizedException("no Authorization header");
        }
        String token = authorizationHeader.strip();
        // API Gateway accepts the token with or without the Bearer scheme.
        if (token.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            token = token.substring(BEARER.length()).strip();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new UnauthorizedException("not a JWS compact token");
        }
        JsonObject header = decodeJson(parts[0], "header");
        JsonObject claims = decodeJson(parts[1], "payload");

        if (!"RS256".equals(stringClaim(header, "alg"))) {
            throw new UnauthorizedException("unsupported alg " + stringClaim(header, "alg"));
        }
        String keyId = stringClaim(header, "kid");
        PublicKey key = keys.rsaKey(keyId == null ? "" : keyId)
                .orElseThrow(() -> new UnauthorizedException("unknown kid " + keyId));
        verifySignature(key, parts);

        if (!issuer.equals(stringClaim(claims, "iss"))) {
            throw new UnauthorizedException("issuer " + stringClaim(claims, "iss") + " is not " + issuer);
        }
        checkAudience(claims);
        long now = clock.instant().getEpochSecond();
        Long expiry = numericClaim(claims, "exp");
        if (expiry == null || expiry <= now) {
            throw new UnauthorizedException("token expired or without exp");
        }
        Long notBefore = numericClaim(claims, "nbf");
        if (notBefore != null && notBefore > now) {
            throw new UnauthorizedException("token not valid yet (nbf)");
        }
        Long issuedAt = numericClaim(claims, "iat");
        if (issuedAt != null && issuedAt > now) {
            throw new UnauthorizedException("token issued in the future (iat)");
        }
        return flatten(claims);
    }

    private void checkAudience(JsonObject claims) throws UnauthorizedException {
        JsonElement aud = claims.get("aud");
        if (aud != null && !aud.isJsonNull()) {
            List<JsonElement> elements = aud.isJsonArray() ? aud.getAsJsonArray().asList() : List.of(aud);
            // RFC 7519 4.1.3: a string or an array of strings; anything else is no audience at all.
            if (elements.stream().anyMatch(e -> !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString())) {
                throw new UnauthorizedException("aud is not a string or an array of strings");
            }
            List<String> values = elements.stream().map(JsonElement::getAsString).toList();
            if (values.stream().noneMatch(audience::contains)) {
                throw new UnauthorizedException("aud " + values + " not in " + audience);
            }
            return;
        }
        // Cognito access tokens carry the app client in client_id instead of aud.
        String clientId = stringClaim(claims, "client_id");
        if (clientId == null || !audience.contains(clientId)) {
            throw new UnauthorizedException("client_id " + clientId + " not in " + audience);
        }
    }

    private static void verifySignature(PublicKey key, String[] parts) throws UnauthorizedException {
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new UnauthorizedException("bad signature");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnauthorizedException("bad signature: " + e.getMessage());
        }
    }

    private static JsonObject decodeJson(String part, String what) throws UnauthorizedException {
        try {
            String json = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
            return JsonParser.parseString(json).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new UnauthorizedException("malformed token " + what);
        }
    }

    private static String stringClaim(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }

    private static Long numericClaim(JsonObject claims, String name) throws UnauthorizedException {
        JsonElement value = claims.get(name);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new UnauthorizedException(name + " is not a number");
        }
        return value.getAsLong();
    }

    /** API Gateway passes every claim as a string; arrays appear as {@code [a b c]}. */
    private static Map<String, String> flatten(JsonObject claims) {
        Map<String, String> flat = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> claim : claims.entrySet()) {
            JsonElement value = claim.getValue();
            if (value.isJsonArray()) {
                JsonArray array = value.getAsJsonArray();
                StringBuilder joined = new StringBuilder("[");
                for (int i = 0; i < array.size(); i++) {
                    joined.append(i == 0 ? "" : " ").append(array.get(i).isJsonPrimitive() ? array.get(i).getAsString() : array.get(i).toString());
                }
                flat.put(claim.getKey(), joined.append(']').toString());
            } else if (value.isJsonPrimitive()) {
                flat.put(claim.getKey(), value.getAsString());
            } else if (!value.isJsonNull()) {
                flat.put(claim.getKey(), value.toString());
            }
        }
        return flat;
    }
}
