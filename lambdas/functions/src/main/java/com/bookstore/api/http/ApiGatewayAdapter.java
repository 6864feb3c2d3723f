package com.bookstore.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.bookstore.api.errors.BookstoreException;
import com.bookstore.api.errors.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns HTTP API payload 2.0 events into {@link HttpRequest}s and {@link HttpResponse}s back into
 * payload 2.0 responses. Every response is JSON and names the region that served it.
 */
public final class ApiGatewayAdapter {

    /** Far above any valid body (a cart line is ~60 bytes), far below API Gateway's 10 MB. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private final Router router;
    private final String region;

    public ApiGatewayAdapter(Router router, String region) {
        this.router = router;
        this.region = region;
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        HttpResponse response;
        try {
            response = router.route(toRequest(event));
        } catch (RuntimeException failure) {
            response = ErrorResponses.of(failure);
        }
        return toResponse(response);
    }

    HttpRequest toRequest(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        String method = context != null && context.getHttp() != null ? context.getHttp().getMethod() : null;
        if (method == null || event.getRawPath() == null) {
            throw BookstoreException.invalid("malformed_request", "the request has no method or path");
        }
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
        return new HttpRequest(method, event.getRawPath(), query, headers, body(event), subject(event));
    }

    private static String body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return null;
        }
        // The size check comes before any decoding: base64 only shrinks (4 characters carry 3 bytes) and
        // characters bound the UTF-8 size from below, so a body over the limit in characters is refused
        // without allocating its decoded form.
        if (body.length() > (event.getIsBase64Encoded() ? base64Length(MAX_BODY_BYTES) : MAX_BODY_BYTES)) {
            throw tooLarge();
        }
        byte[] bytes;
        if (event.getIsBase64Encoded()) {
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw BookstoreException.invalid("malformed_body", "the body is not valid base64");
            }
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Characters of padded base64 for {@code bytes} bytes. */
    static int base64Length(int bytes) {
        return 4 * ((bytes + 2) / 3);
    }

    private static BookstoreException tooLarge() {
        return new BookstoreException(ErrorKind.TOO_LARGE, "body_too_large",
                "the body is larger than " + MAX_BODY_BYTES + " bytes");
    }

    /** API Gateway's JWT authorizer has verified the token; its claims arrive here. */
    public static Optional<String> subject(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return Optional.empty();
        }
        String sub = context.getAuthorizer().getJwt().getClaims().get("sub");
        return sub == null || sub.isBlank() ? Optional.empty() : Optional.of(sub);
    }

    private APIGatewayV2HTTPResponse toResponse(HttpResponse response) {
        Map<String, String> headers = new HashMap<>(response.headers());
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("X-Bookstore-Region", region);
        headers.putIfAbsent("Cache-Control", "no-store");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(JsonBodies.write(response.body()))
                .withIsBase64Encoded(false)
                .build();
    }
}
