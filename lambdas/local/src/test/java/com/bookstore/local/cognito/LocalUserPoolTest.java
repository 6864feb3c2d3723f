package com.bookstore.local.cognito;

import com.bookstore.contract.PasswordPolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.local.LocalBookstore;
import com.bookstore.local.engines.CognitoTokens;
import com.bookstore.engines.MotoServer;
import com.bookstore.local.aws.LocalAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;

/** The local pool against moto, which enforces a pool's password policy on sign-up and password changes. */
class LocalUserPoolTest {
    private static MotoServer moto;
    private static CognitoIdentityProviderClient cognito;
    private static LocalUserPool pool;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        cognito = new LocalAws(moto.endpoint(), MotoServer.REGION).cognito();
        pool = LocalUserPool.create(cognito, MotoServer.REGION, "policy-test");
    }

    @AfterAll
    static void stop() throws Exception {
        if (cognito != null) {
            cognito.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    private static void signUp(String email, String password) {
        cognito.signUp(request -> request.clientId(pool.clientId()).username(email).password(password));
    }

    @Test
    void thePoolHasThePasswordPolicyTheStackDeploys() {
        PasswordPolicyType policy = cognito.describeUserPool(request -> request.userPoolId(pool.userPoolId()))
                .userPool().policies().passwordPolicy();

        // The policy the stack gives the deployed pool (AuthTest checks it there).
        assertEquals(PasswordPolicy.SHOPPERS, new PasswordPolicy(policy.minimumLength(), policy.requireUppercase(),
                policy.requireLowercase(), policy.requireNumbers(), policy.requireSymbols()));
    }

    @Test
    void signUpRefusesWhatTheDeployedPoolRefuses() {
        assertThrows(InvalidPasswordException.class, () -> signUp("nine@example.com", "Short-pw1"), "9 characters");
        assertThrows(InvalidPasswordException.class, () -> signUp("eleven@example.com", "Elevenchar1"), "11 characters");
        assertThrows(InvalidPasswordException.class, () -> signUp("digitless@example.com", "No-digits-at-all"), "no number");
        assertThrows(InvalidPasswordException.class, () -> signUp("lower@example.com", "all-lower-case-1"), "no upper case");
    }

    @Test
    void signUpAcceptsTwelveCharactersWithUpperAndLowerCaseAndANumberButNoSymbol() {
        signUp("twelve@example.com", "Twelvechars1");

        assertEquals("UNCONFIRMED", cognito.adminGetUser(request -> request.userPoolId(pool.userPoolId())
                .username("twelve@example.com")).userStatusAsString());
    }

    @Test
    void theDemoAndTestAccountsPasswordsMeetThePolicy() {
        pool.createConfirmedUser(cognito, "demo@example.com", LocalBookstore.DEFAULT_DEMO_PASSWORD);
        pool.createConfirmedUser(cognito, "tester@example.com", CognitoTokens.PASSWORD);

        assertEquals("CONFIRMED", cognito.adminGetUser(request -> request.userPoolId(pool.userPoolId())
                .username("demo@example.com")).userStatusAsString());
    }

    @Test
    void aDemoAccountWithAWeakPasswordFailsWithTheRulesAndCanBeRetried() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> pool.createConfirmedUser(cognito, "weak@example.com", "Demo-pw1"));
        assertTrue(refused.getMessage().contains("weak@example.com does not meet the user pool's policy"), refused.getMessage());
        assertTrue(refused.getMessage().contains("MinimumLength=12"), refused.getMessage());

        pool.createConfirmedUser(cognito, "weak@example.com", "A-longer-passw0rd");
        assertEquals("CONFIRMED", cognito.adminGetUser(request -> request.userPoolId(pool.userPoolId())
                .username("weak@example.com")).userStatusAsString());
    }
}
