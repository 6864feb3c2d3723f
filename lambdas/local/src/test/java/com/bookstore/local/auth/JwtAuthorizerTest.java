package com.bookstore.local.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.local.cognito.LocalUserPool;
import com.bookstore.local.engines.CognitoTokens;
import com.bookstore.engines.MotoServer;
import com.bookstore.local.aws.LocalAws;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/** The authorizer against tokens issued by moto's Cognito, accepted and refused as API Gateway would. */
class JwtAuthorizerTest {
    private static MotoServer moto;
    private static CognitoIdentityProviderClient cognito;
    private static LocalUserPool pool;
    private static AuthenticationResultType tokens;

    @BeforeAll
    static void startCognito() throws Exception {
        moto = MotoServer.start();
        cognito = new LocalAws(moto.endpoint(), MotoServer.REGION).cognito();
        pool = LocalUserPool.create(cognito, MotoServer.REGION, "authorizer-test");
        tokens = CognitoTokens.userOf(cognito, pool, "reader@example.com");
    }

    @AfterAll
    static void stopCognito() throws Exception {
        if (cognito != null) {
            cognito.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    private static JwtAuthorizer authorizerFor(LocalUserPool pool, Clock clock) {
        JsonWebKeySet keys = new JsonWebKeySet(
                moto.endpoint().resolve("/" + pool.userPoolId() + "/.well-known/jwks.json"), pool.host());
        return new JwtAuthorizer(pool.issuer(), Set.of(pool.clientId()), keys, clock);
    }

    private static JwtAuthorizer authorizer() {
        return authorizerFor(pool, Clock.systemUTC());
    }

    @Test
    void idTokenIsAcceptedAndItsClaimsPassedOnAsStrings() throws Exception {
        Map<String, String> claims = authorizer().authorize("Bearer " + tokens.idToken());

        assertEquals("reader@example.com", claims.get("email"));
        assertEquals(pool.clientId(), claims.get("aud"));
        assertEquals(pool.issuer(), claims.get("iss"));
        assertEquals("https://issuer-cognito-idp." + MotoServer.REGION + ".amazonaws.com/" + pool.userPoolId(), claims.get("iss"),
                "the pool's updated issuer, not its regional one (" + pool.regionalIssuer() + ")");
        assertTrue(claims.get("sub").matches("[0-9a-f-]{36}"), claims.get("sub"));
        assertTrue(claims.get("exp").matches("\\d+"), "numbers become strings: " + claims.get("exp"));
    }

    @Test
    void accessTokenIsAcceptedThroughItsClientIdClaim() throws Exception {
        Map<String, String> claims = authorizer().authorize("Bearer " + tokens.accessToken());

        assertEquals(pool.clientId(), claims.get("client_id"));
        assertEquals("access", claims.get("token_use"));
    }

    @Test
    void tokenWithoutBearerSchemeIsAcceptedAsApiGatewayDoes() throws Exception {
        assertEquals("id", authorizer().authorize(tokens.idToken()).get("token_use"));
    }

    @Test
    void missingOrMalformedTokenIsRefused() {
        assertThrows(UnauthorizedException.class, () -> authorizer().authorize(null));
        assertThrows(UnauthorizedException.class, () -> authorizer().authorize("Bearer "));
        assertThrows(UnauthorizedException.class, () -> authorizer().authorize("Bearer not.a-token"));
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() throws Exception {
        String forged = CognitoTokens.resignedWithForeignKey(tokens.idToken());

        UnauthorizedException refused = assertThrows(UnauthorizedException.class, () -> authorizer().authorize("Bearer " + forged));
        assertTrue(refused.getMessage().contains("signature"), refused.getMessage());
    }

    @Test
    void tokenWithAlteredClaimsIsRefused() {
        String tampered = CognitoTokens.withTamperedClaims(tokens.idToken(), "reader@example.com", "admin@example.com");

        assertThrows(UnauthorizedException.class, () -> authorizer().authorize("Bearer " + tampered));
    }

    @Test
    void unsignedTokenIsRefused() {
        assertThrows(UnauthorizedException.class, () -> authorizer().authorize("Bearer " + CognitoTokens.unsigned(tokens.idToken())));
    }

    @Test
    void tokenOfAnotherAppClientIsRefused() {
        String otherClient = cognito.createUserPoolClient(request -> request
                .userPoolId(pool.userPoolId()).clientName("other-app")
                .explicitAuthFlowsWithStrings("ALLOW_USER_PASSWORD_AUTH")).userPoolClient().clientId();
        AuthenticationResultType other = CognitoTokens.signIn(cognito, otherClient, "reader@example.com");

        UnauthorizedException idRefused = assertThrows(UnauthorizedException.class, () -> authorizer().authorize("Bearer " + other.idToken()));
        assertTrue(idRefused.getMessage().startsWith("aud"), idRefused.getMessage());
        UnauthorizedException accessRefused = assertThrows(UnauthorizedException.class, () -> authorizer().authorize("Bearer " + other.accessToken()));
        assertTrue(accessRefused.getMessage().startsWith("client_id"), accessRefused.getMessage());
    }

    @Test
    void tokenOfAnotherUserPoolIsRefusedForItsIssuer() {
        // moto signs every pool's tokens with the same key, so only the issuer tells them apart.
        LocalUserPool otherPool = LocalUserPool.create(cognito, MotoServer.REGION, "other-pool");
        AuthenticationResultType foreign = CognitoTokens.userOf(cognito, otherPool, "reader@example.com");

        UnauthorizedException refused = assertThrows(UnauthorizedException.class, () -> authorizer().authorize("Bearer " + foreign.idToken()));
        assertTrue(refused.getMessage().startsWith("issuer"), refused.getMessage());
    }

    @Test
    void expiredTokenIsRefused() {
        // moto's tokens live an hour: look at them from two hours later.
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));

        UnauthorizedException refused = assertThrows(UnauthorizedException.class,
                () -> authorizerFor(pool, later).authorize("Bearer " + tokens.idToken()));
        assertTrue(refused.getMessage().contains("expired"), refused.getMessage());
    }

    @Test
    void tokenIssuedInTheFutureIsRefused() {
        Clock earlier = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5));

        assertThrows(UnauthorizedException.class, () -> authorizerFor(pool, earlier).authorize("Bearer " + tokens.idToken()));
    }
}
