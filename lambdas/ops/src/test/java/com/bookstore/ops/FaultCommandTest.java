package com.bookstore.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.ops.aws.RegionalClients;
import com.bookstore.engines.MotoExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code bookstore-ops fault ...} against a real moto SSM. */
class FaultCommandTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> clientRegions = new ArrayList<>();

    private int run(String... args) {
        out.reset();
        return OpsCommand.runDrillCommands(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), region -> {
                    clientRegions.add(region);
                    return new RegionalClients(MOTO.endpoint()).ssm(region);
                });
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    @Test
    void onAndOffFlipTheNamedRegionsSwitchAndSayWhereItStands() {
        String parameter = "/bookstore/fault-cli-" + System.nanoTime();

        assertEquals(0, run("fault", "on", "--region", "ap-southeast-1", "--parameter", parameter));
        assertEquals(parameter + " in ap-southeast-1 is on", printed());
        assertEquals(0, run("fault", "status", "--region", "eu-west-1", "--parameter", parameter));
        assertEquals(parameter + " in eu-west-1 is off", printed());
        assertEquals(0, run("fault", "off", "--region", "ap-southeast-1", "--parameter", parameter));
        assertEquals(parameter + " in ap-southeast-1 is off", printed());

        assertEquals(List.of("ap-southeast-1", "eu-west-1", "ap-southeast-1"), clientRegions);
    }

    @Test
    void aFaultWithoutARegionIsACommandLineError() {
        assertEquals(2, run("fault", "on"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: bookstore-ops fault"));
        assertTrue(clientRegions.isEmpty());
    }

    @Test
    void aDrillWithoutItsEndpointsIsACommandLineError() {
        assertEquals(2, run("drill", "--front-door", "http://127.0.0.1:1/api"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing --primary-region"));
    }
}
