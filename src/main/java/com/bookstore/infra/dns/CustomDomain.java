package com.bookstore.infra.dns;

/**
 * A public host name a component serves on, with the hosted zone that validates its certificate.
 *
 * @param host                   the full name ({@code api.<domain>}, {@code blog.<domain>}, the storefront's domain)
 * @param hostedZoneId           the public Route 53 zone of the domain
 * @param writesValidationRecord true in the one stack that owns the ACM validation record of {@code host}
 *                               (docs/infrastructure.md, "ACM validation records have one owner")
 */
public record CustomDomain(String host, String hostedZoneId, boolean writesValidationRecord) {
}
