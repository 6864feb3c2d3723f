package com.bookstore.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the payload format 2.0 event an HTTP API sends to a Lambda proxy integration: header names
 * lower-cased and repeated values comma-joined, cookies moved to {@code cookies}, query parameters
 * decoded and comma-joined, the body base64-encoded unless it is text.
 */
public final class HttpApiEventFactory {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Set<String> TEXT_TYPES = Set.of(
            "application/json", "application/xml", "application/javascript", "application/x-www-form-urlencoded");

    private final String apiId;
    private final String domainName;

    public HttpApiEventFactory(String apiId, String domainName) {
        this.apiId = apiId;
        this.domainName = domainName;
    }

    /** What the gateway knows about one incoming request, already stripped of the local /api prefix. */
    public record IncomingRequest(String method, String rawPath, String rawQueryString, Headers headers,
                                  byte[] body, String sourceIp, String requestId, Instant receivedAt) {
    }

    public APIGatewayV2HTTPEvent build(IncomingRequest request, ApiRoutes.Match match, Map<String, String> claims) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(value -> {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.strip());
                        }
                    }
                });
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });

        RequestContext.Http http = RequestContext.Http.builder()
                .withMethod(request.method())
                .withPath(request.rawPath())
                .withProtocol("HTTP/1.1")
                .withSourceIp(request.sourceIp())
                .withUserAgent(headers.getOrDefault("user-agent", ""))
                .build();
        RequestContext.RequestContextBuilder context = RequestContext.builder()
                .withAccountId("000000000000")
                .withApiId(apiId)
                .withDomainName(domainName)
                .withDomainPrefix(domainName.split("[.:]")[0])
                .withHttp(http)
                .withRequestId(request.requestId())
                .withRouteKey(match.route().routeKey())
                .withStage("$default")
                .withTime(REQUEST_TIME.format(request.receivedAt()))
                .withTimeEpoch(request.receivedAt().toEpochMilli());
        if (claims != null) {
            context.withAuthorizer(RequestContext.Authorizer.builder()
                    .withJwt(RequestContext.Authorizer.JWT.builder()
                            .withClaims(claims)
                            .withScopes(null)
                            .build())
                    .build());
        }

        APIGatewayV2HTTPEvent.APIGatewayV2HTTPEventBuilder event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(match.route().routeKey())
                .withRawPath(request.rawPath())
                .withRawQueryString(request.rawQueryString() == null ? "" : request.rawQueryString())
                .withHeaders(headers)
                .withRequestContext(context.build());
        if (!cookies.isEmpty()) {
            event.withCookies(cookies);
        }
        Map<String, String> query = queryParameters(request.rawQueryString());
        if (!query.isEmpty()) {
            event.withQueryStringParameters(query);
        }
        if (!match.pathParameters().isEmpty()) {
            event.withPathParameters(match.pathParameters());
        }
        if (request.body().length > 0) {
            boolean text = isText(headers.get("content-type"));
            event.withIsBase64Encoded(!text)
                    .withBody(text ? new String(request.body(), StandardCharsets.UTF_8)
                            : Base64.getEncoder().encodeToString(request.body()));
        } else {
            event.withIsBase64Encoded(false);
        }
        return event.build();
    }

    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            // API Gateway treats a body without a content type as text.
            return true;
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.endsWith("+json") || type.endsWith("+xml") || TEXT_TYPES.contains(type);
    }
}
