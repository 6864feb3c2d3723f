package com.bookstore.infra.dns;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.acm.outputs.CertificateDomainValidationOption;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An ACM certificate for one host name, validated through a record in the configured hosted zone. The
 * certificate lives in the region of the provider it is given: the API's region for a regional custom domain,
 * us-east-1 for anything CloudFront serves.
 *
 * <p>ACM asks for the same validation CNAME for the same name in every region of an account, so exactly one
 * stack writes it (the primary, {@link ValidatedCertificateArgs#writesValidationRecord}); the other only waits for its certificate
 * to be issued through that record (docs/infrastructure.md, "ACM validation records have one owner").
 */
public final class ValidatedCertificate extends ComponentResource {

    /** RSA 2048: what every ACM-integrated service and every client accepts (API Gateway custom domains). */
    public static final String RSA_2048 = "RSA_2048";
    /** ECDSA P-256: smaller and faster; documented for Application Load Balancers and CloudFront. */
    public static final String EC_P256 = "EC_prime256v1";

    /** The ARN once validation succeeded, so consumers never attach a pending certificate. */
    public final Output<String> arn;

    public ValidatedCertificate(String name, ValidatedCertificateArgs args, ComponentResourceOptions options) {
        super("bookstore:dns:ValidatedCertificate", name, options);
        var certificate = new Certificate(name, CertificateArgs.builder()
                .domainName(args.hostName())
                .validationMethod("DNS")
                .keyAlgorithm(args.keyAlgorithm())
                .build(), CustomResourceOptions.builder().parent(this).build());
        Output<CertificateDomainValidationOption> option =
                certificate.domainValidationOptions().applyValue(all -> all.get(0));
        Output<String> recordName = option.applyValue(field(CertificateDomainValidationOption::resourceRecordName));
        Output<String> fqdn;
        if (args.writesValidationRecord()) {
            var validation = new Record(name + "-validation", RecordArgs.builder()
                    .zoneId(args.hostedZoneId())
                    .name(recordName)
                    .type("CNAME") // ACM's DNS validation is always a CNAME
                    .records(option.applyValue(field(CertificateDomainValidationOption::resourceRecordValue))
                            .applyValue(List::of))
                    .ttl(300)
                    .build(), CustomResourceOptions.builder().parent(this).build());
            fqdn = validation.fqdn();
        } else {
            // The owner's record already answers for this name; ACM issues (and renews) through it. The provider checks
            // only that the names given cover the certificate's validation records, then waits for ISSUED.
            fqdn = recordName.applyValue(n -> n.endsWith(".") ? n.substring(0, n.length() - 1) : n);
        }
        var validated = new CertificateValidation(name, CertificateValidationArgs.builder()
                .certificateArn(certificate.arn())
                .validationRecordFqdns(fqdn.applyValue(List::of))
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.arn = validated.certificateArn();
        registerOutputs(Map.of("arn", arn));
    }

    private static Function<CertificateDomainValidationOption, String> field(
            Function<CertificateDomainValidationOption, java.util.Optional<String>> getter) {
        return option -> getter.apply(option).orElseThrow(
                () -> new IllegalStateException("ACM returned a validation option without its DNS record"));
    }
}
