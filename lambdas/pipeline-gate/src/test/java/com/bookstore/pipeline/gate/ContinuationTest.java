package com.bookstore.pipeline.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The continuation token: what the gate writes it reads back; anything else is no token at all. */
class ContinuationTest {

    @Test
    void aTokenTheGateWroteReadsBackAsTheSameContinuation() {
        Continuation written = new Continuation(Instant.parse("2026-01-01T10:00:00Z"), 3).next();

        assertEquals(Optional.of(new Continuation(Instant.parse("2026-01-01T10:00:00Z"), 4)),
                Continuation.fromToken(written.toToken()));
    }

    @Test
    void garbledTokensAreNoToken() {
        for (String garbled : new String[] {null, "", "  ", "not json", "[]", "{}", "{\"invocations\":2}",
                "{\"firstAttempt\":\"2026-01-01T10:00:00Z\"}", "{\"firstAttempt\":\"yesterday\",\"invocations\":2}",
                "{\"firstAttempt\":\"2026-01-01T10:00:00Z\",\"invocations\":\"two\"}", "{\"firstAttempt\":"}) {
            assertEquals(Optional.empty(), Continuation.fromToken(garbled), String.valueOf(garbled));
        }
    }
}
