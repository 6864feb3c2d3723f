package com.bookstore.api.http;

import com.bookstore.contract.PathTemplate;

/** One row of the route table: {@code GET /books/{id}}, who may call it, and what answers it. */
public record Route(String method, PathTemplate path, Access access, RouteHandler handler) {

    public static Route of(String method, String path, Access access, RouteHandler handler) {
        return new Route(method, new PathTemplate(path), access, handler);
    }

    /** The route key as API Gateway and the OpenAPI document spell it. */
    public String key() {
        return method + " " + path.template();
    }
}
