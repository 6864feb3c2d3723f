package com.bookstore.api.errors;

/**
 * What went wrong, in the domain's words. The HTTP edge (ErrorResponses) is the one place that turns
 * these into status codes.
 */
public enum ErrorKind {
    /** The request is malformed: bad JSON, a missing or mistyped field, a value out of range. */
    INVALID_REQUEST,
    /** The caller is not signed in. */
    UNAUTHENTICATED,
    /** The thing asked for does not exist (for this caller). */
    NOT_FOUND,
    /** The request clashes with the current state (empty cart, idempotency key reused for another cart). */
    CONFLICT,
    /** The body is larger than the API accepts. */
    TOO_LARGE,
    /** Well-formed, but it refers to something that cannot be used (a book that is not in the catalogue). */
    UNPROCESSABLE,
    /** A dependency throttled the request, or the caller passed a rate limit; retrying later helps. */
    THROTTLED,
    /** A dependency (DynamoDB, Redis) is not reachable or failing. */
    UNAVAILABLE
}
