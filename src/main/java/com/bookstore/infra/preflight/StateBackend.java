package com.bookstore.infra.preflight;

import java.util.Optional;

/**
 * Where the stacks' state lives, as far as a stack reference depends on it. A self-managed backend (S3, a local
 * folder) names every stack {@code organization/<project>/<stack>}; Pulumi Cloud names it
 * {@code <org>/<project>/<stack>} with the organization the stacks were created in.
 *
 * @param url          the backend URL {@code pulumi login} was given, when known ({@code s3://...}, {@code https://...})
 * @param organization the organization every stack name starts with
 */
public record StateBackend(Optional<String> url, String organization) {

    /** What Pulumi calls the organization of every stack on a self-managed backend. */
    public static final String SELF_MANAGED_ORGANIZATION = "organization";

    public static StateBackend selfManaged(Optional<String> url) {
        return new StateBackend(url, SELF_MANAGED_ORGANIZATION);
    }

    public static StateBackend pulumiCloud(Optional<String> url, String organization) {
        if (organization.isBlank() || organization.equals(SELF_MANAGED_ORGANIZATION)) {
            throw new IllegalArgumentException("Pulumi Cloud needs the organization the stacks live in, got '"
                    + organization + "'");
        }
        return new StateBackend(url, organization);
    }

    /** The backend a running program is in, from the organization the engine reports. */
    public static StateBackend ofOrganization(String organization) {
        return organization.equals(SELF_MANAGED_ORGANIZATION) ? selfManaged(Optional.empty())
                : pulumiCloud(Optional.empty(), organization);
    }

    /** {@code s3://...}, {@code file://...}: self-managed; {@code https://...} or none: Pulumi Cloud. */
    public static StateBackend of(String url, Optional<String> organization) {
        if (url.startsWith("https://")) {
            return pulumiCloud(Optional.of(url), organization.orElseThrow(() -> new IllegalArgumentException(
                    "Pulumi Cloud (" + url + ") needs the organization of the stacks")));
        }
        if (url.startsWith("s3://") || url.startsWith("file://")) {
            return selfManaged(Optional.of(url));
        }
        throw new IllegalArgumentException("not a Pulumi backend URL (s3://..., file://... or https://...): '" + url + "'");
    }

    public boolean isSelfManaged() {
        return organization.equals(SELF_MANAGED_ORGANIZATION);
    }
}
