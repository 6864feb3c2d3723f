package com.bookstore.pipeline.gate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.Optional;

/**
 * What the gate remembers between invocations of one job, carried by CodePipeline as the continuation token:
 * when the first attempt started (the max wait counts from there) and how many invocations have run.
 */
public record Continuation(Instant firstAttempt, int invocations) {

    public static Continuation start(Instant now) {
        return new Continuation(now, 1);
    }

    public Continuation next() {
        return new Continuation(firstAttempt, invocations + 1);
    }

    public String toToken() {
        JsonObject token = new JsonObject();
        token.addProperty("firstAttempt", firstAttempt.toString());
        token.addProperty("invocations", invocations);
        return token.toString();
    }

    /** Empty when the token is absent or not one this gate wrote: the job then starts its wait afresh. */
    public static Optional<Continuation> fromToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonObject json = JsonParser.parseString(token).getAsJsonObject();
            return Optional.of(new Continuation(Instant.parse(json.get("firstAttempt").getAsString()),
                    json.get("invocations").getAsInt()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
