package com.bookstore.local.engines;

import com.bookstore.local.cognito.LocalUserPool;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/** Real tokens from the local Cognito, and forgeries of them for the authorizer's refusal cases. */
public final class CognitoTokens {
    public static final String PASSWORD = "Test-passw0rd!";

    private CognitoTokens() {
    }

    /** Signs in (USER_PASSWORD_AUTH, as the storefront does) and returns the ID, access and refresh tokens. */
    public static AuthenticationResultType signIn(CognitoIdentityProviderClient cognito, String clientId, String email) {
        return cognito.initiateAuth(request -> request
                .clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", PASSWORD))).authenticationResult();
    }

    /** A pool with a confirmed user {@code email}, signed in: its tokens. */
    public static AuthenticationResultType userOf(CognitoIdentityProviderClient cognito, LocalUserPool pool, String email) {
        pool.createConfirmedUser(cognito, email, PASSWORD);
        return signIn(cognito, pool.clientId(), email);
    }

    /** The same header and claims, signed with a key the pool never published (same kid). */
    public static String resignedWithForeignKey(String token) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey foreign = generator.generateKeyPair().getPrivate();
        String[] parts = token.split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(foreign);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    /** The token with one claim's text replaced, keeping the original signature. */
    public static String withTamperedClaims(String token, String find, String replace) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace(find, replace);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** An unsigned token ({@code alg: none}) carrying the original claims. */
    public static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"kid\":\"dummy\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }
}
