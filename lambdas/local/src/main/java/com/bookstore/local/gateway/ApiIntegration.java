package com.bookstore.local.gateway;

import static com.bookstore.platform.telemetry.RequestLog.customerHash;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.bookstore.local.auth.JwtAuthorizer;
import com.bookstore.local.auth.UnauthorizedException;
import com.bookstore.local.lambda.LocalFunction;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The HTTP API in front of the API function: route matching, the JWT authorizer on protected routes,
 * the payload 2.0 event in, the proxy response out. Gateway-level errors have API Gateway's bodies
 * ({@code {"message":"Unauthorized"}}, {@code {"message":"Not Found"}}, ...).
 */
final class ApiIntegration implements HttpHandler {
    /** HTTP API's maximum request payload. */
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final String prefix;
    private final ApiRoutes routes;
    private final JwtAuthorizer authorizer;
    private final HttpApiEventFactory events;
    private final LocalFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function;

    ApiIntegration(String prefix, ApiRoutes routes, JwtAuthorizer authorizer, HttpApiEventFactory events,
                   LocalFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function) {
        this.prefix = prefix;
        this.routes = routes;
        this.authorizer = authorizer;
        this.events = events;
        this.function = function;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        exchange.getResponseHeaders().set("apigw-requestid", requestId);
        String rawPath = exchange.getRequestURI().getRawPath().substring(prefix.length());
        if (rawPath.isEmpty()) {
            rawPath = "/";
        }
        Optional<ApiRoutes.Match> match = routes.find(exchange.getRequestMethod(), rawPath);
        if (match.isEmpty()) {
            Responses.json(exchange, 404, "{\"message\":\"Not Found\"}");
            return;
        }
        Map<String, String> claims = null;
        if (match.get().route().signedIn()) {
            try {
                claims = authorizer.authorize(exchange.getRequestHeaders().getFirst("Authorization"));
            } catch (UnauthorizedException rejected) {
                RequestLog.note(exchange, "jwt rejected: " + rejected.getMessage());
                exchange.getResponseHeaders().set("www-authenticate", "Bearer");
                Responses.json(exchange, 401, "{\"message\":\"Unauthorized\"}");
                return;
            }
            // As the functions' request log: the customer by hash, never the id (docs/observability.md).
            RequestLog.note(exchange, "customer=" + customerHash(String.valueOf(claims.get("sub"))));
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            Responses.json(exchange, 413, "{\"message\":\"Request Entity Too Large\"}");
            return;
        }
        HttpApiEventFactory.IncomingRequest request = new HttpApiEventFactory.IncomingRequest(
                exchange.getRequestMethod(), rawPath, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getAddress().getHostAddress(),
                requestId, Instant.now());
        APIGatewayV2HTTPResponse response;
        try {
            response = function.invoke(events.build(request, match.get(), claims), requestId);
        } catch (RuntimeException | Error failure) {
            // The function failed: API Gateway answers 500 and the details only reach the function's log.
            RequestLog.note(exchange, "function error: " + failure);
            failure.printStackTrace();
            Responses.json(exchange, 500, "{\"message\":\"Internal Server Error\"}");
            return;
        }
        if (response == null || response.getStatusCode() < 100 || response.getStatusCode() > 599) {
            RequestLog.note(exchange, "malformed function response");
            Responses.json(exchange, 500, "{\"message\":\"Internal Server Error\"}");
            return;
        }
        writeProxyResponse(exchange, response);
    }

    private static void writeProxyResponse(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> exchange.getResponseHeaders().put(name, List.copyOf(values)));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
        }
        String body = response.getBody() == null ? "" : response.getBody();
        byte[] bytes = response.getIsBase64Encoded()
                ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        Responses.send(exchange, response.getStatusCode(), null, bytes);
    }
}
