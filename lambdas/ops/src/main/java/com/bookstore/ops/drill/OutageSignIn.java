package com.bookstore.ops.drill;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in while the primary region is gone, through the secondary region's Cognito endpoint (the user pool's
 * replica, docs/architecture.md#the-user-pool), as the storefront falls back to it: a shopper who never signed in
 * on this device signs in and places an order; a shopper signed in before the fault refreshes their token and
 * keeps shopping; a sign-up is refused with the replica's {@link #REPLICA_REFUSAL}, which the storefront explains.
 * Both accounts were created in the primary before the fault.
 */
public final class OutageSignIn {
    /** What the replica answers for sign-up (Cognito API reference, SignUp > Errors). */
    public static final String REPLICA_REFUSAL = "OperationNotEnabledException";
    private static final int CHECKOUT_ATTEMPTS = 3;

    /** An account and how to sign in as it. */
    public record Account(String username, String password) {}

    /** What happened, by step; statuses are HTTP statuses (0: no answer). */
    public record Result(String cognitoEndpoint, String newcomer, int newcomerSignIn, String newcomerOrderId,
                         String newcomerOrderRegion, String returning, int refresh, int returningAddToCart,
                         String returningRegion, String signUpUsername, int signUp, String signUpError) {

        public boolean newcomerSignedInAndOrdered(String secondary) {
            return newcomerSignIn == 200 && newcomerOrderId != null && secondary.equals(newcomerOrderRegion);
        }

        public boolean returningShopperRefreshedAndKeptShopping(String secondary) {
            return refresh == 200 && returningAddToCart / 100 == 2 && secondary.equals(returningRegion);
        }

        public boolean signUpRefusedClearly() {
            return signUp == 400 && REPLICA_REFUSAL.equals(signUpError);
        }
    }

    private final CognitoEndpoint secondaryCognito;
    private final Account newcomer;
    private final Account returning;
    private final String returningRefreshToken;
    private final Account signUpCandidate;

    /**
     * @param newcomer              an account that has never signed in
     * @param returning             an account signed in before the fault, with that session's refresh token
     * @param signUpCandidate       a username no account has, for the refused sign-up
     */
    public OutageSignIn(CognitoEndpoint secondaryCognito, Account newcomer, Account returning, String returningRefreshToken,
                        Account signUpCandidate) {
        this.secondaryCognito = secondaryCognito;
        this.newcomer = newcomer;
        this.returning = returning;
        this.returningRefreshToken = returningRefreshToken;
        this.signUpCandidate = signUpCandidate;
    }

    /** The three checks, with the shop's API reached through {@code frontDoor} as shoppers reach it. */
    public Result check(ShopperClient frontDoor) {
        CognitoEndpoint.Answer signedIn = secondaryCognito.signIn(newcomer.username(), newcomer.password());
        ShopperClient.Answer order = signedIn.token("IdToken").map(token -> placeOrder(frontDoor, token)).orElse(null);

        CognitoEndpoint.Answer refreshed = secondaryCognito.refresh(returningRefreshToken);
        ShopperClient.Answer added = refreshed.token("IdToken")
                .map(token -> addFirstBookToCart(frontDoor, token)).orElse(null);

        CognitoEndpoint.Answer signUp = secondaryCognito.signUp(signUpCandidate.username(), signUpCandidate.password());

        return new Result(secondaryCognito.uri().toString(), newcomer.username(), signedIn.status(),
                order == null ? null : orderId(order).orElse(null), order == null ? null : order.region(),
                returning.username(), refreshed.status(), added == null ? 0 : added.status(), added == null ? null : added.region(),
                signUpCandidate.username(), signUp.status(), signUp.errorType());
    }

    /** Browse, add a book, check out (the same key on a retry, as the storefront does): the checkout's answer. */
    private static ShopperClient.Answer placeOrder(ShopperClient api, String idToken) {
        ShopperClient.Answer added = addFirstBookToCart(api, idToken);
        if (!added.succeeded()) {
            return added;
        }
        String idempotencyKey = UUID.randomUUID().toString();
        ShopperClient.Answer order = null;
        for (int attempt = 1; attempt <= CHECKOUT_ATTEMPTS; attempt++) {
            order = api.post("/orders", idToken, null, Map.of("Idempotency-Key", idempotencyKey));
            if (order.succeeded() || !VirtualShopper.retryable(order.status())) {
                break;
            }
        }
        return order;
    }

    private static ShopperClient.Answer addFirstBookToCart(ShopperClient api, String idToken) {
        ShopperClient.Answer books = api.get("/books?limit=1", idToken);
        Optional<String> bookId = books.json().filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject)
                .filter(page -> page.has("items") && page.getAsJsonArray("items").size() > 0)
                .map(page -> page.getAsJsonArray("items").get(0).getAsJsonObject().get("id").getAsString());
        if (bookId.isEmpty()) {
            return books.succeeded() ? new ShopperClient.Answer(0, books.region(), "no book to add") : books;
        }
        return api.post("/cart", idToken, "{\"bookId\":\"" + bookId.get() + "\",\"quantity\":1}", Map.of());
    }

    private static Optional<String> orderId(ShopperClient.Answer order) {
        if (!order.succeeded()) {
            return Optional.empty();
        }
        return order.json().filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject)
                .filter(o -> o.has("orderId")).map((JsonObject o) -> o.get("orderId").getAsString());
    }
}
