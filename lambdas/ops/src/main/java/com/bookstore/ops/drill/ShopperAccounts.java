package com.bookstore.ops.drill;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

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
            String username = "drill-" + runId + "-" + i + "@example.com";
            // Meets Cognito's default policy: upper, lower, digit, symbol, 8+ characters.
            String password = "Drill-" + HexFormat.of().formatHex(random.generateSeed(8)) + "-Aa1!";
            cognito.adminCreateUser(b -> b.userPoolId(userPoolId).username(username)
                    .messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(AttributeType.builder().name("email").value(username).build(),
                            AttributeType.builder().name("email_verified").value("true").build()));
            cognito.adminSetUserPassword(b -> b.userPoolId(userPoolId).username(username).password(password).permanent(true));
            String idToken = cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", username, "PASSWORD", password)))
                    .authenticationResult().idToken();
            shoppers.add(new Shopper(i, username, idToken));
        }
        return shoppers;
    }

    /** Removes the drill's users; during an outage of Cognito's region this fails and says which remain. */
    public void delete(List<Shopper> shoppers) {
        for (Shopper shopper : shoppers) {
            cognito.adminDeleteUser(b -> b.userPoolId(userPoolId).username(shopper.username()));
        }
    }
}
