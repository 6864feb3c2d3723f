package com.bookstore.ops.regionswitch;

import com.bookstore.ops.failover.Sleeper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan's workflow rehearsed in the local two-region mode (docs/failover.md "Rehearsing the plan locally"): each
 * step of {@link WorkflowSteps} maps to what the drill does on this machine. The fault switch is the same code as the
 * step's Lambda function, against moto's SSM; the local front door plays Route 53, so "traffic" waits until it
 * serves the activated region; "verify" checks that region's /health and that the front door answers from it. The
 * blog steps have nothing to act on locally (one MariaDB, no EFS) and say so.
 */
public final class LocalRegionSwitch {

    /** The two local regions, each region's own API, and the front door that plays the failover names. */
    public record Topology(String primaryRegion, URI primaryApi, String secondaryRegion, URI secondaryApi, URI frontDoor) {

        URI api(String region) {
            return region.equals(primaryRegion) ? primaryApi : secondaryApi;
        }
    }

    /** What one step did: {@code done} or {@code skipped}, and a line for people. */
    public record Outcome(String step, String result, String detail) {}

    private final Topology topology;
    private final FaultSwitchStep faultSwitches;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final PrintStream out;
    private final Duration trafficTimeout;

    public LocalRegionSwitch(Topology topology, FaultSwitchStep faultSwitches, HttpClient http, Sleeper sleeper,
                             PrintStream out, Duration trafficTimeout) {
        this.topology = topology;
        this.faultSwitches = faultSwitches;
        this.http = http;
        this.sleeper = sleeper;
        this.out = out;
        this.trafficTimeout = trafficTimeout;
    }

    /** Runs the workflow activating {@code target}; throws {@link RegionSwitchException} naming the step that failed. */
    public List<Outcome> activate(String target, boolean graceful, WorkflowSteps steps) {
        if (!target.equals(topology.primaryRegion()) && !target.equals(topology.secondaryRegion())) {
            throw new IllegalArgumentException("--to must be " + topology.primaryRegion() + " or "
                    + topology.secondaryRegion() + ", got " + target);
        }
        boolean toSecondary = target.equals(topology.secondaryRegion());
        String leaving = toSecondary ? topology.primaryRegion() : topology.secondaryRegion();
        out.println("Region switch (local rehearsal): activating " + target + ", " + (graceful ? "planned" : "unplanned"));
        List<Outcome> outcomes = new ArrayList<>();
        for (String step : steps.activating(target, topology.secondaryRegion())) {
            Outcome outcome = switch (step) {
                case "approve" -> new Outcome(step, "done", "approved here; on AWS a person approves in Region switch");
                case "fault-switch" -> {
                    if (toSecondary && !graceful) {
                        yield new Outcome(step, "skipped", "unplanned: the region being left may not answer (as on AWS)");
                    }
                    faultSwitches.apply(toSecondary ? List.of(leaving) : List.of(), List.of(target));
                    yield new Outcome(step, "done", toSecondary ? leaving + " on, " + target + " off" : target + " off");
                }
                case "blog-database" -> new Outcome(step, "skipped", "the local blog has one MariaDB, nothing to promote");
                case "blog-uploads" -> new Outcome(step, "skipped", "the local blog keeps uploads on one disk, no replica");
                case "traffic" -> new Outcome(step, "done", awaitFrontDoor(target));
                case "verify" -> new Outcome(step, "done", verify(target));
                default -> throw new RegionSwitchException("the plan has a step '" + step
                        + "' the local rehearsal does not know: map it in LocalRegionSwitch");
            };
            out.println("  " + String.format("%-15s ", step) + outcome.result() + ": " + outcome.detail());
            outcomes.add(outcome);
        }
        out.println("Region switch (local rehearsal) done: " + target + " is active.");
        return outcomes;
    }

    private String awaitFrontDoor(String target) {
        Instant deadline = Instant.now().plus(trafficTimeout);
        Optional<String> serving = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            serving = get(health(topology.frontDoor())).map(LocalRegionSwitch::header);
            if (serving.filter(target::equals).isPresent()) {
                return "the front door serves " + target;
            }
            try {
                sleeper.sleep(Duration.ofMillis(250));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new RegionSwitchException("traffic: the front door still serves " + serving.orElse("nothing") + " after "
                + trafficTimeout.toSeconds() + " s, not " + target);
    }

    private String verify(String target) {
        for (URI health : List.of(health(topology.api(target)), health(topology.frontDoor()))) {
            HttpResponse<String> answer = get(health).orElseThrow(() ->
                    new RegionSwitchException("verify: " + health + " does not answer"));
            if (answer.statusCode() != 200 || !target.equals(header(answer))) {
                throw new RegionSwitchException("verify: " + health + " answered " + answer.statusCode() + " from "
                        + header(answer) + ": " + answer.body());
            }
        }
        return target + " /health 200, and the front door answers from " + target;
    }

    private static URI health(URI api) {
        String base = api.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "health");
    }

    private static String header(HttpResponse<?> response) {
        return response.headers().firstValue("X-Bookstore-Region").orElse("no region");
    }

    private Optional<HttpResponse<String>> get(URI uri) {
        try {
            return Optional.of(http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** One JSON line per workflow run, for the drill's report. */
    public static String jsonLine(String target, boolean graceful, List<Outcome> outcomes) {
        return new com.google.gson.Gson().toJson(Map.of("activated", target, "mode", graceful ? "planned" : "unplanned",
                "steps", outcomes.stream().map(o -> Map.of("name", o.step(), "result", o.result(), "detail", o.detail()))
                        .toList()));
    }
}
