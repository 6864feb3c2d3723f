package com.bookstore.pipeline.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code java -jar pipeline-gate.jar smoke}: the gate's checks against a region played on 127.0.0.1. */
class SmokeCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SmokeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
    }

    @Test
    void aHealthyRegionIsVerifiedWithEveryRouteTheGateWalks() throws Exception {
        try (FakeRegion region = new FakeRegion("ap-southeast-1")) {
            assertEquals(0, run("smoke", "--region", "ap-southeast-1", "--api", region.baseUrl().toString()),
                    err.toString(StandardCharsets.UTF_8));

            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("smoke (ap-southeast-1) verified"), printed);
            assertEquals(List.of("/health", "/region", "/books?limit=1", "/books/" + FakeRegion.BOOK_ID, "/bestsellers"),
                    region.requests());
        }
    }

    @Test
    void theFailoverNameAnsweringFromTheOtherRegionFailsAtOnce() throws Exception {
        try (FakeRegion region = new FakeRegion("ap-southeast-1")) {
            region.regionHeader("eu-west-1");

            assertEquals(1, run("smoke", "--region", "ap-southeast-1", "--api", region.baseUrl().toString()));

            assertTrue(err.toString(StandardCharsets.UTF_8).contains("X-Bookstore-Region is 'eu-west-1', expected 'ap-southeast-1'"),
                    err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void anEmptyCatalogueFailsSayingSo() throws Exception {
        try (FakeRegion region = new FakeRegion("eu-west-1")) {
            region.answer("/books?limit=1", 200, "{\"items\":[],\"nextCursor\":null}");

            assertEquals(1, run("smoke", "--region", "eu-west-1", "--api", region.baseUrl().toString()));

            assertTrue(err.toString(StandardCharsets.UTF_8).contains("the catalogue is empty"), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aWrongCommandLineIsRefusedBeforeAnyRequest() {
        assertEquals(2, run("smoke", "--api", "https://abc.execute-api.eu-west-1.amazonaws.com"));
        assertEquals(2, run("smoke", "--region", "eu-west-1", "--api", "abc.execute-api.eu-west-1.amazonaws.com"));
        assertEquals(2, run("smoke", "--region", "eu-west-1", "--api", "https://a.example", "--stage", "prod"));

        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("missing --region"), printed);
        assertTrue(printed.contains("apiBaseUrl must be an http(s) URL with a host"), printed);
        assertTrue(printed.contains("unknown option --stage"), printed);
    }
}
