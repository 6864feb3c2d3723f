package com.bookstore.infra.security;

import com.pulumi.core.Output;

/**
 * Whose roles a {@link PermissionsBoundary} caps. Every field is required.
 *
 * @param project   the project prefix: the boundary allows IAM on {@code <project>-*} roles and policies only
 * @param accountId the account the roles live in; assuming roles outside it is denied
 */
public record PermissionsBoundaryArgs(String project, Output<String> accountId) {
}
