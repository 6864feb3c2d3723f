package com.bookstore.api.orders;

/** How the checkout transaction ended, in checkout's terms rather than DynamoDB's cancellation reasons. */
public enum PlacementOutcome {
    /** The order was written and the cart lines deleted, together. */
    PLACED,
    /** An order with this id (this idempotency key) already exists: nothing was written. */
    ORDER_EXISTS,
    /** The customer's rate window changed since it was read (another order, a new window): nothing was written. */
    RATE_WINDOW_CHANGED,
    /** A cart line changed or vanished between reading the cart and the transaction: nothing was written. */
    CART_CHANGED,
    /** Another transaction touched the same items at the same moment: nothing was written. */
    CONFLICT
}
