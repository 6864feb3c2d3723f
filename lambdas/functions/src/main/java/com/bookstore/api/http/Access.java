package com.bookstore.api.http;

/** Who may call a route; API Gateway's JWT authorizer mirrors this for the CUSTOMER routes. */
public enum Access {
    PUBLIC,
    CUSTOMER
}
