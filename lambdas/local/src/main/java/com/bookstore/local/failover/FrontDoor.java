package com.bookstore.local.failover;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Route 53 failover routing on one loopback port: probes each region's health path every
 * {@code interval}, marks a region unhealthy after {@code threshold} consecutive failed probes (and
 * healthy after as many good ones), and proxies every request (API, storefront, config.json) to the
 * primary while it is healthy, to the secondary otherwise. When both are unhealthy it sends traffic to
 * the primary, as Route 53 does when no record is healthy. A probe succeeds on a 2xx or 3xx answer
 * within the probe timeout, as Route 53's HTTP checks do.
 *
 * <p>Unlike DNS, a proxy switches every client at once: there is no TTL and no client-side cache, so
 * the local RTO is the detection time (interval x threshold) plus the application's own recovery.
 */
public final class FrontDoor implements AutoCloseable {

    public record Settings(int port, URI primary, URI secondary, String healthPath, Duration interval, int threshold,
                           Duration probeTimeout) {
        public static final String DEFAULT_HEALTH_PATH = "/api/health";
    }

    /** How long a proxied request may take: API Gateway's own integration limit. */
    static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(30);

    /** A change of where traffic goes, for logs, tests and the drill. */
    public record Switch(Instant at, String from, String to, String reason) {}

    /** Headers the JDK client refuses to set or that belong to one hop only. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer",
            "transfer-encoding", "date");

    private final Settings settings;
    private final PrintStream log;
    private final HttpClient client;
    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService prober;
    private final HealthCheckState primaryCheck;
    private final HealthCheckState secondaryCheck;
    private final List<Switch> switches = new CopyOnWriteArrayList<>();
    private volatile String target = "primary";

    private FrontDoor(Settings settings, PrintStream log) throws IOException {
        this.settings = settings;
        this.log = log;
        this.client = HttpClient.newBuilder().connectTimeout(settings.probeTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.primaryCheck = new HealthCheckState(settings.threshold());
        this.secondaryCheck = new HealthCheckState(settings.threshold());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 128);
        this.workers = Executors.newFixedThreadPool(32, daemon("front-door"));
        this.prober = Executors.newSingleThreadScheduledExecutor(daemon("front-door-probe"));
        server.createContext("/", this::proxy);
        server.setExecutor(workers);
    }

    /** Starts serving and probing; the first probes run at once. */
    public static FrontDoor start(Settings settings, PrintStream log) throws IOException {
        FrontDoor door = new FrontDoor(settings, log);
        door.server.start();
        // Firing a round does not wait for answers, so fixed delay keeps Route 53's steady clock
        // without fixed rate's catch-up bursts after a stall (three probes in a moment would fail over early).
        door.prober.scheduleWithFixedDelay(door::probeInBackground, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
        log.printf("front door: http://127.0.0.1:%d -> primary %s, secondary %s (probe %s every %d ms, threshold %d)%n",
                door.port(), settings.primary(), settings.secondary(), settings.healthPath(),
                settings.interval().toMillis(), settings.threshold());
        return door;
    }

    /** For tests that drive the probes themselves: serves, but never probes on its own. */
    static FrontDoor startWithoutProbing(Settings settings, PrintStream log) throws IOException {
        FrontDoor door = new FrontDoor(settings, log);
        door.server.start();
        return door;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** "primary" or "secondary": where requests go now. */
    public String target() {
        return target;
    }

    public List<Switch> switches() {
        return List.copyOf(switches);
    }

    /** One round of probes of both regions, waited for, then the routing decision (tests drive this). */
    void probe() {
        CompletableFuture<Boolean> primaryProbe = healthy(settings.primary());
        CompletableFuture<Boolean> secondaryProbe = healthy(settings.secondary());
        boolean primaryOk = primaryProbe.join();
        boolean secondaryOk = secondaryProbe.join();
        synchronized (this) {
            record("primary", primaryCheck, primaryOk);
            record("secondary", secondaryCheck, secondaryOk);
            route();
        }
    }

    /**
     * Probes on the clock without waiting for the answers: like Route 53's checkers, a slow or frozen
     * region costs its probes their timeout, not the next probes their start.
     */
    private void probeInBackground() {
        healthy(settings.primary()).thenAccept(ok -> recordAndRoute("primary", primaryCheck, ok));
        healthy(settings.secondary()).thenAccept(ok -> recordAndRoute("secondary", secondaryCheck, ok));
    }

    private synchronized void recordAndRoute(String region, HealthCheckState check, boolean ok) {
        try {
            record(region, check, ok);
            route();
        } catch (RuntimeException e) {
            log.printf("front door: probe handling failed: %s%n", e);
        }
    }

    private void record(String region, HealthCheckState check, boolean ok) {
        if (check.record(ok)) {
            log.printf("front door: %s is now %s%n", region, check.healthy() ? "healthy" : "unhealthy");
        }
    }

    private void route() {
        String next = primaryCheck.healthy() || !secondaryCheck.healthy() ? "primary" : "secondary";
        if (!next.equals(target)) {
            String reason = next.equals("secondary")
                    ? "primary failed " + settings.threshold() + " consecutive health checks"
                    : secondaryCheck.healthy()
                            ? "primary passed " + settings.threshold() + " consecutive health checks"
                            : "no region is healthy: Route 53 answers with the primary";
            Switch change = new Switch(Instant.now(), target, next, reason);
            switches.add(change);
            target = next;
            log.printf("front door: %s traffic %s -> %s (%s)%n", change.at(), change.from(), change.to(), reason);
        }
    }

    /** A probe answers healthy on 2xx/3xx within the timeout; both regions are probed at once. */
    private CompletableFuture<Boolean> healthy(URI region) {
        return client.sendAsync(HttpRequest.newBuilder(region.resolve(settings.healthPath()))
                        .timeout(settings.probeTimeout()).GET().build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(answer -> answer.statusCode() >= 200 && answer.statusCode() < 400)
                .exceptionally(failure -> false);
    }

    private void proxy(HttpExchange exchange) throws IOException {
        URI upstream = "primary".equals(target) ? settings.primary() : settings.secondary();
        try (exchange; InputStream requestBody = exchange.getRequestBody()) {
            URI incoming = exchange.getRequestURI();
            URI destination = upstream.resolve(incoming.getRawPath()
                    + (incoming.getRawQuery() == null ? "" : "?" + incoming.getRawQuery()));
            byte[] body = requestBody.readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(destination).timeout(UPSTREAM_TIMEOUT)
                    .method(exchange.getRequestMethod(), body.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            copyHeaders(exchange.getRequestHeaders(), request);
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (java.net.http.HttpTimeoutException e) {
                reply(exchange, 504, "{\"error\":\"upstream_timeout\",\"message\":\"" + target + " did not answer in time\"}");
                return;
            } catch (IOException e) {
                // What a client sees when DNS points at a region that does not answer.
                reply(exchange, 502, "{\"error\":\"upstream_unreachable\",\"message\":\"" + target + " did not answer\"}");
                return;
            }
            Headers headers = exchange.getResponseHeaders();
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    headers.put(name, values);
                }
            });
            byte[] responseBody = answer.body();
            boolean noBody = responseBody.length == 0 || exchange.getRequestMethod().equals("HEAD")
                    || answer.statusCode() == 204 || answer.statusCode() == 304;
            exchange.sendResponseHeaders(answer.statusCode(), noBody ? -1 : responseBody.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(responseBody);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void copyHeaders(Headers from, HttpRequest.Builder to) {
        for (Map.Entry<String, List<String>> header : from.entrySet()) {
            if (HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String value : header.getValue()) {
                to.header(header.getKey(), value);
            }
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
        server.stop(0);
        workers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
