package com.bookstore.api.catalogue;

import com.bookstore.api.http.Access;
import com.bookstore.api.http.HttpResponse;
import com.bookstore.api.http.Route;
import java.util.List;

/** GET /books and GET /books/{id}. */
public final class CatalogueRoutes {

    private CatalogueRoutes() {
    }

    public static List<Route> of(Catalogue catalogue) {
        return List.of(
                Route.of("GET", "/books", Access.PUBLIC, call -> HttpResponse.ok(catalogue.browse(
                        call.request().queryParameter("category"), call.request().queryParameter("limit"),
                        call.request().queryParameter("cursor")))),
                Route.of("GET", "/books/{id}", Access.PUBLIC, call -> HttpResponse.ok(catalogue.book(call.path("id")))));
    }
}
