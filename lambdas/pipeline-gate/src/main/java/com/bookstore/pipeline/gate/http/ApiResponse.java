package com.bookstore.pipeline.gate.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Optional;

/** One answer of the region's API: what the smoke checks look at. */
public record ApiResponse(int status, Optional<String> regionHeader, String body) {

    /** The body as JSON, or empty when it does not parse (an HTML error page, a truncated payload). */
    public Optional<JsonElement> json() {
        try {
            JsonElement element = JsonParser.parseString(body);
            return element.isJsonNull() ? Optional.empty() : Optional.of(element);
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }
}
