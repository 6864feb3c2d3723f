package com.bookstore.api.http;

/** The code behind one route. */
@FunctionalInterface
public interface RouteHandler {
    HttpResponse handle(Call call);
}
