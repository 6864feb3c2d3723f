package com.bookstore.local.cognito;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sign-up codes Cognito would e-mail. moto 5.2.5 neither generates nor checks them (ConfirmSignUp
 * accepts any code), so the local front of Cognito issues them here and checks them before moto confirms.
 */
public final class ConfirmationCodes {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> pending = new ConcurrentHashMap<>();
    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();

    /** A fresh six-digit code for this user, replacing any earlier one (as ResendConfirmationCode does). */
    public String issue(String username) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        pending.put(key(username), code);
        return code;
    }

    public Optional<String> pendingFor(String username) {
        return Optional.ofNullable(pending.get(key(username)));
    }

    public boolean matches(String username, String code) {
        String expected = pending.get(key(username));
        return expected != null && expected.equals(code);
    }

    public void confirmed(String username) {
        pending.remove(key(username));
        confirmed.add(key(username));
    }

    /** Whether this user confirmed a code issued here (Cognito then refuses to resend one). */
    public boolean isConfirmed(String username) {
        return confirmed.contains(key(username));
    }

    // Cognito usernames (and e-mail aliases) are case-insensitive in pools created today.
    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
