package com.bookstore.infra.dns;

/**
 * What a {@link ValidatedCertificate} certifies and who writes its validation record. Every field is required.
 *
 * @param hostName               the certificate's only name
 * @param hostedZoneId           the public zone the validation record lives in
 * @param keyAlgorithm           {@link ValidatedCertificate#RSA_2048} or {@link ValidatedCertificate#EC_P256}, as the serving AWS service supports
 * @param writesValidationRecord true in the one stack that owns the validation record of {@code hostName}
 */
public record ValidatedCertificateArgs(String hostName, String hostedZoneId, String keyAlgorithm, boolean writesValidationRecord) {
    public ValidatedCertificateArgs {
        if (!keyAlgorithm.equals(ValidatedCertificate.RSA_2048) && !keyAlgorithm.equals(ValidatedCertificate.EC_P256)) {
            throw new IllegalArgumentException("unsupported key algorithm " + keyAlgorithm);
        }
    }
}
