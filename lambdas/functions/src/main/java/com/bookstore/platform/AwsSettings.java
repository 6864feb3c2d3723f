package com.bookstore.platform;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where the AWS APIs are and whose credentials to sign with: the region Lambda runs in, for local engines
 * only an endpoint override (moto), and the credential source the environment names. On AWS
 * {@code AWS_ENDPOINT_URL} is unset and the SDK resolves the regional endpoints.
 */
public record AwsSettings(String region, Optional<URI> endpoint, CredentialSource credentials) {

    /**
     * Lambda hands credentials over as environment variables, or (with SnapStart) through the container
     * credentials endpoint; the environment says which, so no provider chain has to be built and probed.
     */
    public enum CredentialSource {
        /** {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}. */
        ENVIRONMENT,
        /** {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} (+ token), what SnapStart functions get. */
        CONTAINER,
        /** A fixed dummy key: local engines accept any, and the machine's own AWS setup stays out of it. */
        LOCAL_DUMMY
    }

    public static AwsSettings from(Map<String, String> env) {
        String endpoint = env.get("AWS_ENDPOINT_URL");
        Optional<URI> override = endpoint == null || endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint.trim()));
        boolean keys = env.get("AWS_ACCESS_KEY_ID") != null;
        CredentialSource credentials = keys ? CredentialSource.ENVIRONMENT
                : override.isPresent() ? CredentialSource.LOCAL_DUMMY : CredentialSource.CONTAINER;
        return new AwsSettings(Environment.required(env, "AWS_REGION"), override, credentials);
    }

    public static AwsSettings local(String region, URI endpoint) {
        return new AwsSettings(region, Optional.of(endpoint), CredentialSource.LOCAL_DUMMY);
    }
}
