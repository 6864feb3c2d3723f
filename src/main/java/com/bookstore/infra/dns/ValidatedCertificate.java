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
 */
public final class ValidatedCertificate extends ComponentResource {

    /** The ARN once validation succeeded, so consumers never attach a pending certificate. */
    public final Output<String> arn;

    public ValidatedCertificate(String name, String hostName, String hostedZoneId, ComponentResourceOptions options) {
        super("bookstore:dns:ValidatedCertificate", name, options);
        var certificate = new Certificate(name, CertificateArgs.builder()
                .domainName(hostName)
                .validationMethod("DNS")
                .keyAlgorithm("EC_prime256v1")
                .build(), CustomResourceOptions.builder().parent(this).build());
        Output<CertificateDomainValidationOption> option =
                certificate.domainValidationOptions().applyValue(all -> all.get(0));
        var validation = new Record(name + "-validation", RecordArgs.builder()
                .zoneId(hostedZoneId)
                .name(option.applyValue(field(CertificateDomainValidationOption::resourceRecordName)))
                .type("CNAME") // ACM's DNS validation is always a CNAME
                .records(option.applyValue(field(CertificateDomainValidationOption::resourceRecordValue))
                        .applyValue(List::of))
                .ttl(300)
                // ACM asks for the same record for the same name in every region: both stacks may write it.
                .allowOverwrite(true)
                .build(), CustomResourceOptions.builder().parent(this).build());
        var validated = new CertificateValidation(name, CertificateValidationArgs.builder()
                .certificateArn(certificate.arn())
                .validationRecordFqdns(validation.fqdn().applyValue(List::of))
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
