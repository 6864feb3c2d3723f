package com.bookstore.api.status;

/** Which region answered and its role (primary or secondary): what GET /region returns. */
public record RegionInfo(String region, String role) {
}
