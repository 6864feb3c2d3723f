package com.bookstore.api.orders;

/**
 * How the checkout transaction ended, in checkout's terms rather than DynamoDB's cancellation reasons: only
 * what checkout does next tells them apart.
 */
public enum PlacementOutcome {
    /** The order was written and the cart lines deleted, together. */
    PLACED,
    /** The customer's rate window changed since it was read (another order, a new window): read it again. */
    RATE_WINDOW_CHANGED,
    /**
     * Nothing was written because the order exists (this key won elsewhere), a cart line changed or vanished, or
     * another transaction held the items: read the cart and the order again.
     */
    CANCELLED
}
