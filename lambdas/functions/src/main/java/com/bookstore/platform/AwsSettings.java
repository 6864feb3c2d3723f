package com.bookstore.platform;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where the AWS APIs are: the region Lambda runs in and, for local engines only, an endpoint override
 * (moto). On AWS {@code AWS_ENDPOINT_URL} is unset and the SDK resolves the regional endpoints.
 */
public record AwsSettings(String region, Optional<URI> endpoint) {

    public static AwsSettings from(Map<String, String> env) {
        String endpoint = env.get("AWS_ENDPOINT_URL");
        return new AwsSettings(Environment.required(env, "AWS_REGION"),
                endpoint == null || endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint.trim())));
    }

    public static AwsSettings local(String region, URI endpoint) {
        return new AwsSettings(region, Optional.of(endpoint));
    }
}
