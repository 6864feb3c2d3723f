package com.bookstore.infra.dns;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key algorithms as each serving service documents them, and one owner per ACM validation record. */
class CertificatesTest {

    private static final String CERTIFICATE = "aws:acm/certificate:Certificate";
    private static final String RECORD = "aws:route53/record:Record";

    @Test
    void apiGatewayGetsRsaWhileTheLoadBalancerAndCloudFrontKeepEcdsa() {
        for (Plan plan : List.of(Plans.primary(), Plans.secondary())) {
            assertEquals("RSA_2048", input(Plans.named(plan, CERTIFICATE, "bookstore-api-certificate"), "keyAlgorithm"));
            assertEquals("EC_prime256v1", input(Plans.named(plan, CERTIFICATE, "bookstore-blog-certificate"), "keyAlgorithm"));
        }
        assertEquals("EC_prime256v1",
                input(Plans.named(Plans.primary(), CERTIFICATE, "bookstore-storefront-certificate"), "keyAlgorithm"));
    }

    @Test
    void thePrimaryOwnsEveryValidationRecordAndTheSecondaryOnlyWaitsForItsCertificates() {
        Plan primary = Plans.primary();
        Plan secondary = Plans.secondary();

        List<String> primaryValidations = primary.ofType(RECORD).stream()
                .filter(r -> r.name().endsWith("-certificate-validation")).map(r -> r.name()).sorted().toList();
        assertEquals(List.of("bookstore-api-certificate-validation", "bookstore-blog-certificate-validation",
                "bookstore-storefront-certificate-validation"), primaryValidations);
        assertTrue(primary.ofType(RECORD).stream().noneMatch(r -> r.inputs().containsKey("allowOverwrite")),
                "no record may be written over another stack's");
        assertTrue(secondary.ofType(RECORD).stream().noneMatch(r -> r.name().endsWith("-certificate-validation")));

        // The secondary's certificates validate through the primary's records: same name, as ACM hands out.
        for (String host : List.of("api", "blog")) {
            var validation = Plans.named(secondary, "aws:acm/certificateValidation:CertificateValidation",
                    "bookstore-" + host + "-certificate");
            var record = Plans.named(primary, RECORD, "bookstore-" + host + "-certificate-validation");
            assertEquals(List.of(String.valueOf(input(record, "name")).replaceAll("\\.$", "")),
                    input(validation, "validationRecordFqdns"));
        }
    }
}
