package com.bookstore.infra.data;

import java.util.Optional;

/** The key design of the bookstore's tables (docs/architecture.md#data-model); the functions rely on these names. */
public enum TableDesign {
    BOOKS("books", "id", Optional.empty(), Optional.of("category")),
    CART("cart", "customerId", Optional.of("bookId"), Optional.empty()),
    ORDERS("orders", "customerId", Optional.of("orderId"), Optional.empty());

    /** Name of the GSI on {@link #indexedAttribute}, as the API queries it. */
    public static final String CATEGORY_INDEX = "category-index";

    public final String logicalName;
    public final String partitionKey;
    public final Optional<String> sortKey;
    public final Optional<String> indexedAttribute;

    TableDesign(String logicalName, String partitionKey, Optional<String> sortKey, Optional<String> indexedAttribute) {
        this.logicalName = logicalName;
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
        this.indexedAttribute = indexedAttribute;
    }
}
