package com.bookstore.infra.blog;

import com.bookstore.infra.dns.CustomDomain;
import com.bookstore.infra.dns.ValidatedCertificate;
import com.bookstore.infra.dns.ValidatedCertificateArgs;
import com.bookstore.infra.network.PublicEdge;
import com.bookstore.infra.region.ResourceOwner;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionSourceIpArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Optional;

import static com.bookstore.infra.blog.BlogSecurityGroups.HTTP;
import static com.bookstore.infra.blog.BlogSecurityGroups.HTTPS;

/**
 * The blog's internet-facing Application Load Balancer: HTTPS for {@code blog.<domain>} with HTTP redirected, or
 * plain HTTP on its own name without a domain (for trying the stack out only). {@code /wp-admin} and
 * {@code /wp-login.php} answer 403 except from the admin networks.
 */
final class BlogLoadBalancer {

    private static final List<String> ADMIN_PATHS = List.of("/wp-admin/*", "/wp-login.php");
    static final String HEALTH_CHECK_PATH = "/wp-json/";
    /** Installed: 200 from the REST index. Not installed yet: 302 to wp-admin/install.php. */
    static final String HEALTHY_STATUSES = "200,302";

    final LoadBalancer balancer;
    final TargetGroup targets;
    /** The listener that forwards to WordPress; the tasks start only once it exists. */
    final Listener listener;
    /** {@code https://blog.<domain>}, or {@code http://<load balancer name>} without a domain. */
    final Output<String> siteUrl;

    BlogLoadBalancer(String name, Output<String> vpcId, PublicEdge edge, Output<String> securityGroupId,
                     boolean deletionProtection, Optional<CustomDomain> domain, List<String> adminCidrs,
                     ResourceOwner owner) {
        this.balancer = new LoadBalancer(name, LoadBalancerArgs.builder()
                .loadBalancerType("application")
                .internal(false)
                .subnets(Output.all(edge.subnetIds))
                .securityGroups(securityGroupId.applyValue(List::of))
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(deletionProtection)
                .build(), owner.childAfter(edge.internetPath));
        this.siteUrl = domain.map(d -> Output.of("https://" + d.host()))
                .orElseGet(() -> balancer.dnsName().applyValue(dns -> "http://" + dns));
        this.targets = new TargetGroup(name, TargetGroupArgs.builder()
                .targetType("ip")
                .protocol("HTTP")
                .port(HTTP)
                .vpcId(vpcId)
                .deregistrationDelay(30)
                .healthCheck(TargetGroupHealthCheckArgs.builder()
                        // The REST index needs PHP and the database: without the database WordPress answers 500.
                        // A site not installed yet answers 302 (to its installer) and must count as healthy,
                        // or the first deployment never converges (docs/blog.md, "First deploy").
                        .path(HEALTH_CHECK_PATH)
                        .matcher(HEALTHY_STATUSES)
                        .interval(15)
                        .healthyThreshold(2)
                        .unhealthyThreshold(3)
                        .build())
                .build(), owner.child());
        ListenerDefaultActionArgs forward = ListenerDefaultActionArgs.builder()
                .type("forward").targetGroupArn(targets.arn()).build();
        if (domain.isPresent()) {
            // ECDSA P-256: Application Load Balancers accept every key algorithm ACM issues.
            var certificate = new ValidatedCertificate(name + "-certificate", new ValidatedCertificateArgs(
                    domain.get().host(), domain.get().hostedZoneId(), ValidatedCertificate.EC_P256,
                    domain.get().writesValidationRecord()), owner.childComponent());
            this.listener = new Listener(name + "-https", ListenerArgs.builder()
                    .loadBalancerArn(balancer.arn())
                    .port(HTTPS).protocol("HTTPS")
                    .sslPolicy("ELBSecurityPolicy-TLS13-1-2-2021-06")
                    .certificateArn(certificate.arn)
                    .defaultActions(forward)
                    .build(), owner.child());
            new Listener(name + "-http", ListenerArgs.builder()
                    .loadBalancerArn(balancer.arn())
                    .port(HTTP).protocol("HTTP")
                    .defaultActions(ListenerDefaultActionArgs.builder().type("redirect")
                            .redirect(ListenerDefaultActionRedirectArgs.builder()
                                    .protocol("HTTPS").port(String.valueOf(HTTPS)).statusCode("HTTP_301").build())
                            .build())
                    .build(), owner.child());
        } else {
            this.listener = new Listener(name + "-http", ListenerArgs.builder()
                    .loadBalancerArn(balancer.arn())
                    .port(HTTP).protocol("HTTP")
                    .defaultActions(forward)
                    .build(), owner.child());
        }
        guardAdmin(name, adminCidrs, owner);
    }

    private void guardAdmin(String name, List<String> adminCidrs, ResourceOwner owner) {
        var adminPaths = ListenerRuleConditionArgs.builder().pathPattern(
                ListenerRuleConditionPathPatternArgs.builder().values(ADMIN_PATHS).build()).build();
        if (!adminCidrs.isEmpty()) {
            new ListenerRule(name + "-admin-allowed", ListenerRuleArgs.builder()
                    .listenerArn(listener.arn())
                    .priority(10)
                    .actions(ListenerRuleActionArgs.builder().type("forward").targetGroupArn(targets.arn()).build())
                    .conditions(adminPaths, ListenerRuleConditionArgs.builder().sourceIp(
                            ListenerRuleConditionSourceIpArgs.builder().values(adminCidrs).build()).build())
                    .build(), owner.child());
        }
        new ListenerRule(name + "-admin-denied", ListenerRuleArgs.builder()
                .listenerArn(listener.arn())
                .priority(20)
                .actions(ListenerRuleActionArgs.builder().type("fixed-response")
                        .fixedResponse(ListenerRuleActionFixedResponseArgs.builder()
                                .contentType("text/plain").statusCode("403")
                                .messageBody("The blog's admin is reachable from its admin networks only.").build())
                        .build())
                .conditions(adminPaths)
                .build(), owner.child());
    }
}
