package com.bookstore.local.auth;

/** A request the JWT authorizer refuses; the reason is logged, the client only sees 401 Unauthorized. */
public final class UnauthorizedException extends Exception {
    public UnauthorizedException(String reason) {
        super(reason);
    }
}
