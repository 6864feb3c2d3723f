package com.bookstore.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.bookstore.api.catalogue.Book;
import com.bookstore.contract.SiteHeaders;
import com.bookstore.local.auth.JsonWebKeySet;
import com.bookstore.local.auth.JwtAuthorizer;
import com.bookstore.local.cognito.ConfirmationCodes;
import com.bookstore.local.cognito.LocalUserPool;
import com.bookstore.local.lambda.LocalFunction;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local stand-in for CloudFront + HTTP API + Cognito's endpoint on one loopback port:
 * {@code /api/*} is the HTTP API, {@code /cognito/} the Cognito JSON API (moto behind it),
 * {@code /config.json} the storefront's runtime configuration, {@code /covers/} the book covers,
 * everything else the built storefront.
 */
public final class LocalGateway implements AutoCloseable {
    static {
        // Without TCP_NODELAY a small response written as headers then body waits for the client's delayed
        // ACK (~40 ms per request). Read once, when the JDK's server classes load, hence here.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public static final String API_PREFIX = "/api";
    public static final String COGNITO_PREFIX = "/cognito/";
    /** Where config.json points the blog when no WordPress is configured (BOOKSTORE_BLOG_URL empty). */
    public static final String NO_BLOG_PREFIX = "/wordpress/";

    /**
     * What the gateway fronts. {@code port} 0 picks a free port. {@code otherCognitoEndpoints}: the other
     * regions' Cognito endpoints, which config.json lists after this gateway's own (two-region mode).
     */
    public record Settings(int port, URI motoEndpoint, LocalUserPool userPool, Path uiDist,
                           String region, String role, String blogUrl, List<Book> catalogue,
                           List<String> otherCognitoEndpoints) {
        public Settings(int port, URI motoEndpoint, LocalUserPool userPool, Path uiDist,
                        String region, String role, String blogUrl, List<Book> catalogue) {
            this(port, motoEndpoint, userPool, uiDist, region, role, blogUrl, catalogue, List.of());
        }

        /** The pool is another region's: this region's Cognito endpoint plays its replica. */
        public boolean cognitoReplica() {
            return !userPool.region().equals(region);
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final Settings settings;

    private LocalGateway(HttpServer server, ExecutorService workers, Settings settings) {
        this.server = server;
        this.workers = workers;
        this.settings = settings;
    }

    public static LocalGateway start(Settings settings, LocalFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api,
                                     ConfirmationCodes codes, PrintStream log) throws IOException {
        LocalUserPool pool = settings.userPool();
        JsonWebKeySet keys = new JsonWebKeySet(
                settings.motoEndpoint().resolve("/" + pool.userPoolId() + "/.well-known/jwks.json"), pool.host());
        JwtAuthorizer authorizer = new JwtAuthorizer(pool.issuer(), Set.of(pool.clientId()), keys, Clock.systemUTC());

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 64);
        int port = server.getAddress().getPort();
        RequestLog requestLog = new RequestLog(log);
        HttpApiEventFactory events = new HttpApiEventFactory("local", "127.0.0.1:" + port);

        withLog(server.createContext(API_PREFIX + "/",
                new ApiIntegration(API_PREFIX, ApiRoutes.bookstore(), authorizer, events, api)), requestLog);
        withLog(server.createContext(COGNITO_PREFIX,
                new CognitoProxy(settings.motoEndpoint(), pool.host(), codes, log, settings.cognitoReplica())), requestLog);
        String config = runtimeConfig(settings, port).toString();
        withLog(server.createContext("/config.json", exchange -> {
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            Responses.json(exchange, 200, config);
        }), requestLog);
        withLog(server.createContext("/_local/sign-up-code", exchange -> signUpCode(exchange, codes)), requestLog);
        withLog(server.createContext(NO_BLOG_PREFIX, exchange -> Responses.json(exchange, 404,
                "{\"message\":\"no blog in this local bookstore: set BOOKSTORE_BLOG_URL to a WordPress site\"}")), requestLog);
        withLog(server.createContext(CoverImages.PREFIX, new CoverImages(settings.catalogue())), requestLog);
        withLog(server.createContext("/", new StaticSite(settings.uiDist(), pageOrigins(settings, port))), requestLog);

        ExecutorService workers = Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "gateway");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.start();
        return new LocalGateway(server, workers, settings);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public void close() {
        server.stop(1);
        workers.shutdownNow();
    }

    /** The storefront's /config.json (see docs/interfaces.md), pointing at this gateway. */
    static JsonObject runtimeConfig(Settings settings, int port) {
        String base = "http://127.0.0.1:" + port;
        JsonObject cognito = new JsonObject();
        cognito.addProperty("region", settings.userPool().region());
        cognito.addProperty("userPoolId", settings.userPool().userPoolId());
        cognito.addProperty("clientId", settings.userPool().clientId());
        cognito.addProperty("endpoint", base + COGNITO_PREFIX);
        // Every region's Cognito endpoint, this one's first: the storefront asks the next when one does not answer.
        JsonArray endpoints = new JsonArray();
        endpoints.add(base + COGNITO_PREFIX);
        settings.otherCognitoEndpoints().forEach(endpoints::add);
        cognito.add("endpoints", endpoints);
        cognito.add("passwordPolicy", new Gson().toJsonTree(settings.userPool().passwordPolicy().asConfig()));
        JsonObject config = new JsonObject();
        config.addProperty("apiBaseUrl", base + API_PREFIX);
        config.addProperty("region", settings.region());
        config.addProperty("role", settings.role());
        config.add("cognito", cognito);
        boolean blogConfigured = settings.blogUrl() != null && !settings.blogUrl().isBlank();
        config.addProperty("blogUrl", blogConfigured ? settings.blogUrl() : base + NO_BLOG_PREFIX.substring(0, NO_BLOG_PREFIX.length() - 1));
        return config;
    }

    /**
     * What the storefront's pages may reach (their Content-Security-Policy): this gateway for the API and Cognito,
     * named explicitly as config.json names it, the other regions' Cognito endpoints config.json lists after it
     * (the storefront falls back to them), and the configured blog's origin.
     */
    static SiteHeaders.Origins pageOrigins(Settings settings, int port) {
        String base = "http://127.0.0.1:" + port;
        boolean blogConfigured = settings.blogUrl() != null && !settings.blogUrl().isBlank();
        List<String> blog = blogConfigured ? List.of(origin(URI.create(settings.blogUrl()))) : List.of();
        List<String> cognito = new ArrayList<>(List.of(base));
        settings.otherCognitoEndpoints().stream().map(endpoint -> origin(URI.create(endpoint)))
                .filter(other -> !cognito.contains(other)).forEach(cognito::add);
        return new SiteHeaders.Origins(List.of(base), cognito, blog);
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** {@code GET /_local/sign-up-code?username=...}: the pending code, for people and tests without the log. */
    private static void signUpCode(HttpExchange exchange, ConfirmationCodes codes) throws IOException {
        String username = HttpApiEventFactory.queryParameters(exchange.getRequestURI().getRawQuery()).get("username");
        var code = codes.pendingFor(username);
        if (code.isEmpty()) {
            Responses.json(exchange, 404, "{\"message\":\"no pending sign-up for this username\"}");
            return;
        }
        JsonObject body = new JsonObject();
        body.addProperty("username", username);
        body.addProperty("code", code.get());
        Responses.json(exchange, 200, body.toString());
    }

    private static void withLog(HttpContext context, RequestLog log) {
        context.getFilters().add(log);
    }
}
