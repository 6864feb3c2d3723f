package com.bookstore.ops.drill;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * The drill's shoppers as real users of the bookstore's Cognito pool: created with the admin API
 * (no e-mail is sent, the password is set permanent) and signed in the way the storefront signs in
 * ({@code USER_PASSWORD_AUTH}). Their ID tokens carry the {@code sub} the API uses as customer id,
 * the same in both regions. Deleted again after the drill.
 */
public final class ShopperAccounts {

    /** One signed-in shopper; {@code index} is its position in the drill. */
    public record Shopper(int index, String username, String idToken) {}

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;
    private final String clientId;
    private final SecureRandom random = new SecureRandom();

    public ShopperAccounts(CognitoIdentityProviderClient cognito, String userPoolId, String clientId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
        this.clientId = clientId;
    }

    /** Creates and signs in {@code count} shoppers named after the drill run. */
    public List<Shopper> create(int count, String runId) {
        List<Shopper> shoppers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OutageSignIn.Account account = createNeverSignedIn("drill-" + runId + "-" + i + "@example.com");
            shoppers.add(new Shopper(i, account.username(), signIn(account).idToken()));
        }
        return shoppers;
    }

    /** A confirmed account with a permanent password that has not signed in yet. */
    public OutageSignIn.Account createNeverSignedIn(String username) {
        // Meets Cognito's default policy: upper, lower, digit, symbol, 8+ characters.
        String password = newPassword();
        cognito.adminCreateUser(b -> b.userPoolId(userPoolId).username(username)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value(username).build(),
                        AttributeType.builder().name("email_verified").value("true").build()));
        cognito.adminSetUserPassword(b -> b.userPoolId(userPoolId).username(username).password(password).permanent(true));
        return new OutageSignIn.Account(username, password);
    }

    /** Signs in as the storefront does ({@code USER_PASSWORD_AUTH}): the ID, access and refresh tokens. */
    public AuthenticationResultType signIn(OutageSignIn.Account account) {
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", account.username(), "PASSWORD", account.password())))
                .authenticationResult();
    }

    public String newPassword() {
        return "Drill-" + HexFormat.of().formatHex(random.generateSeed(8)) + "-Aa1!";
    }

    /** Removes accounts by username (those {@link #createNeverSignedIn} made); a missing one is no error. */
    public void deleteAccounts(List<String> usernames) {
        for (String username : usernames) {
            try {
                cognito.adminDeleteUser(b -> b.userPoolId(userPoolId).username(username));
            } catch (UserNotFoundException gone) {
                // never created (the drill stopped before) or already deleted
            }
        }
    }

    /** Removes the drill's users; during an outage of Cognito's region this fails and says which remain. */
    public void delete(List<Shopper> shoppers) {
        for (Shopper shopper : shoppers) {
            cognito.adminDeleteUser(b -> b.userPoolId(userPoolId).username(shopper.username()));
        }
    }
}
