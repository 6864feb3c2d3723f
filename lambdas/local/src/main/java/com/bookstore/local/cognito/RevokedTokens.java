package com.bookstore.local.cognito;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The refresh tokens signed-out shoppers revoked (Cognito's RevokeToken), which moto 5.2.5 does not implement:
 * the local Cognito endpoint records them here and refuses them afterwards, as Cognito does
 * (docs/security.md#sessions-and-csp). Held in memory, like moto's own tokens.
 */
public final class RevokedTokens {
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    public void revoke(String refreshToken) {
        revoked.add(refreshToken);
    }

    public boolean isRevoked(String refreshToken) {
        return refreshToken != null && revoked.contains(refreshToken);
    }
}
