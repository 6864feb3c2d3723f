package com.bookstore.ops.regionswitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.ops.aws.RegionalClients;
import com.bookstore.ops.drill.FaultSwitchWriter;
import com.bookstore.engines.MotoExtension;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The local rehearsal against moto's SSM and two stand-in regions whose /health answers 503 while their fault switch
 * (read from moto) is on, behind a stand-in front door that serves the primary while its /health passes: the
 * behaviour of the local runtime and LocalFailover that the drill runs for real (make drill-test).
 */
class LocalRegionSwitchTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();
    static final String PRIMARY = "eu-west-1";
    static final String SECONDARY = "ap-southeast-1";

    private final String parameter = "/bookstore/fault-local-" + System.nanoTime();
    private final RegionalClients clients = new RegionalClients(MOTO.endpoint());
    private final List<HttpServer> servers = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    private final java.util.Map<String, software.amazon.awssdk.services.ssm.SsmClient> ssm =
            new java.util.concurrent.ConcurrentHashMap<>();

    private software.amazon.awssdk.services.ssm.SsmClient ssm(String region) {
        return ssm.computeIfAbsent(region, clients::ssm);
    }

    private boolean switchedOn(String region) {
        return new FaultSwitchWriter(ssm(region), region, parameter).isOn();
    }

    private URI serve(java.util.function.Supplier<String> servingRegion) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/health", exchange -> {
            String region = servingRegion.get();
            int status = switchedOn(region) ? 503 : 200;
            exchange.getResponseHeaders().add("X-Bookstore-Region", region);
            byte[] body = (status == 200 ? "{\"status\":\"ok\"}" : "{\"error\":\"fault_injected\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
    }

    private LocalRegionSwitch rehearsal(Duration trafficTimeout) throws IOException {
        // Both switches exist and are off, as each stack creates them (docs/interfaces.md, "Fault switch").
        for (String region : List.of(PRIMARY, SECONDARY)) {
            new FaultSwitchWriter(ssm(region), region, parameter).heal();
        }
        URI primary = serve(() -> PRIMARY);
        URI secondary = serve(() -> SECONDARY);
        URI frontDoor = serve(() -> switchedOn(PRIMARY) ? SECONDARY : PRIMARY);
        return new LocalRegionSwitch(new LocalRegionSwitch.Topology(PRIMARY, primary, SECONDARY, secondary, frontDoor),
                new FaultSwitchStep(this::ssm, parameter, line -> { }), HttpClient.newHttpClient(),
                duration -> Thread.sleep(duration.toMillis()), new PrintStream(out, true, StandardCharsets.UTF_8),
                trafficTimeout);
    }

    @Test
    void aPlannedSwitchAndTheFailbackRunThePlansStepsInOrder() throws IOException {
        var rehearsal = rehearsal(Duration.ofSeconds(10));
        WorkflowSteps steps = WorkflowSteps.shipped();

        var there = rehearsal.activate(SECONDARY, true, steps);
        assertEquals(steps.toSecondary(), there.stream().map(LocalRegionSwitch.Outcome::step).toList());
        assertEquals(List.of("done", "done", "skipped", "skipped", "done", "done"),
                there.stream().map(LocalRegionSwitch.Outcome::result).toList());
        assertTrue(switchedOn(PRIMARY));

        var back = rehearsal.activate(PRIMARY, true, steps);
        assertEquals(steps.toPrimary(), back.stream().map(LocalRegionSwitch.Outcome::step).toList());
        assertFalse(switchedOn(PRIMARY));
        assertEquals("eu-west-1 /health 200, and the front door answers from eu-west-1", back.get(back.size() - 1).detail());
    }

    @Test
    void anUnplannedSwitchSkipsTheFaultSwitchAndWaitsForTheFrontDoorAsDnsWould() throws IOException {
        var rehearsal = rehearsal(Duration.ofSeconds(5));

        var error = assertThrows(RegionSwitchException.class,
                () -> rehearsal.activate(SECONDARY, false, WorkflowSteps.shipped()));

        assertEquals("traffic: the front door still serves eu-west-1 after 5 s, not ap-southeast-1", error.getMessage());
        assertFalse(switchedOn(PRIMARY), "ungraceful: the switch of the region being left is not touched");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(
                "  fault-switch    skipped: unplanned: the region being left may not answer (as on AWS)"));
    }

    @Test
    void theShippedStepsAreThePlansWorkflows() {
        WorkflowSteps steps = WorkflowSteps.shipped();

        assertEquals(List.of("approve", "fault-switch", "blog-database", "blog-uploads", "traffic", "verify"), steps.toSecondary());
        assertEquals(List.of("approve", "fault-switch", "blog-database", "traffic", "verify"), steps.toPrimary());
    }
}
