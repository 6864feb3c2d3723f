package com.bookstore.api.http;

import com.bookstore.api.errors.BookstoreException;
import com.bookstore.api.errors.ErrorKind;
import java.util.Map;

/** One matched request: the request, the values of the path's {placeholders}, and the caller. */
public record Call(HttpRequest request, Map<String, String> pathParameters) {

    public String path(String name) {
        return pathParameters.get(name);
    }

    /** The signed-in customer; the router has already refused anonymous calls to CUSTOMER routes. */
    public String customerId() {
        return request.customerId().orElseThrow(() -> new BookstoreException(ErrorKind.UNAUTHENTICATED,
                "unauthenticated", "sign in to use this route"));
    }
}
