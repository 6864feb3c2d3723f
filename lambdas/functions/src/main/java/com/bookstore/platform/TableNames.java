package com.bookstore.platform;

import java.util.Map;

/** The three DynamoDB tables of the bookstore, named by the stack (BOOKS_TABLE, CART_TABLE, ORDERS_TABLE). */
public record TableNames(String books, String cart, String orders) {

    public static TableNames from(Map<String, String> env) {
        return new TableNames(Environment.required(env, "BOOKS_TABLE"), Environment.required(env, "CART_TABLE"),
                Environment.required(env, "ORDERS_TABLE"));
    }

    /** Names for one isolated set of tables, e.g. {@code withPrefix("t1-")} in a test. */
    public static TableNames withPrefix(String prefix) {
        return new TableNames(prefix + "books", prefix + "cart", prefix + "orders");
    }
}
