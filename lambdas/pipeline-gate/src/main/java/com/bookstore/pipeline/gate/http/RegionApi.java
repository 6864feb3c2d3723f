package com.bookstore.pipeline.gate.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Read-only GETs against one region's public API with the JDK's HTTP client: the gate makes a handful of calls per
 * round, so no HTTP library earns its place in the jar.
 */
public final class RegionApi {
    public static final String REGION_HEADER = "X-Bookstore-Region";

    private final HttpClient client;
    private final Duration requestTimeout;

    public RegionApi(HttpClient client, Duration requestTimeout) {
        this.client = client;
        this.requestTimeout = requestTimeout;
    }

    /**
     * @throws IOException when the region cannot be reached or does not answer within the request timeout
     *                     ({@link java.net.http.HttpTimeoutException}); both mean "not healthy yet".
     */
    public ApiResponse get(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", "bookstore-pipeline-gate")
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.headers().firstValue(REGION_HEADER),
                    response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + uri, e);
        }
    }
}
