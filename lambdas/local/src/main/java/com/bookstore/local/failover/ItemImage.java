package com.bookstore.local.failover;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A canonical text of an item (or of its key): attributes sorted by name, sets sorted, so two reads
 * of the same item compare equal whatever order the engine lists them in.
 */
final class ItemImage {

    private ItemImage() {}

    static String canonical(Map<String, AttributeValue> item) {
        if (item == null) {
            return "<deleted>";
        }
        return new TreeMap<>(item).entrySet().stream()
                .map(e -> e.getKey() + "=" + canonical(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String canonical(AttributeValue value) {
        return switch (value.type()) {
            case S -> "S:" + value.s();
            case N -> "N:" + new java.math.BigDecimal(value.n()).stripTrailingZeros().toPlainString();
            case B -> "B:" + value.b().asUtf8String();
            case BOOL -> "BOOL:" + value.bool();
            case NUL -> "NULL";
            case SS -> "SS:" + value.ss().stream().sorted().toList();
            case NS -> "NS:" + value.ns().stream().map(n -> new java.math.BigDecimal(n).stripTrailingZeros().toPlainString())
                    .sorted().toList();
            case BS -> "BS:" + value.bs().stream().map(b -> b.asUtf8String()).sorted().toList();
            case L -> "L:" + value.l().stream().map(ItemImage::canonical).toList();
            case M -> "M:" + canonical(value.m());
            case UNKNOWN_TO_SDK_VERSION -> "?:" + value;
        };
    }
}
