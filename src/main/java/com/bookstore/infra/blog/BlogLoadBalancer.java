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
import com.pulumi.aws.lb.inputs.ListenerDefaultActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHttpHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHttpRequestMethodArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionQueryStringArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionSourceIpArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Optional;

import static com.bookstore.infra.blog.BlogSecurityGroups.HTTP;
import static com.bookstore.infra.blog.BlogSecurityGroups.HTTPS;

/**
 * The blog's internet-facing Application Load Balancer: HTTPS for {@code blog.<domain>} with HTTP redirected, or
 * plain HTTP on its own name without a domain (for trying the stack out only).
 * <p>
 * An allow-list, not a deny-list (docs/security.md#blog-admin; {@link BlogPublicPaths}, shared with the local blog): the admin networks
 * reach everything; from anywhere else only GET/HEAD of the public read paths reach WordPress, minus requests that
 * would turn them into something else (REST routes by query string, method overrides, dot segments). Everything
 * else, {@code xmlrpc.php}, {@code /wp-login.php/x}, {@code //wp-admin/} and the users endpoint included, gets the
 * listener's default action: 403.
 */
final class BlogLoadBalancer {

    static final String REFUSAL = "The blog answers its public read paths only; the rest is reachable from its admin networks.";
    static final int ADMIN_PRIORITY = 1;
    static final int FIRST_REFUSAL_PRIORITY = 10;
    static final int FIRST_PUBLIC_PRIORITY = 100;
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
        // Default 403: what no rule lets through (the admin networks, the public read paths) never reaches WordPress.
        ListenerDefaultActionArgs refuseByDefault = ListenerDefaultActionArgs.builder().type("fixed-response")
                .fixedResponse(ListenerDefaultActionFixedResponseArgs.builder()
                        .contentType("text/plain").statusCode("403").messageBody(REFUSAL).build())
                .build();
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
                    .defaultActions(refuseByDefault)
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
                    .defaultActions(refuseByDefault)
                    .build(), owner.child());
        }
        allowList(name, adminCidrs, BlogPublicPaths.load(), owner);
    }

    private void allowList(String name, List<String> adminCidrs, BlogPublicPaths paths, ResourceOwner owner) {
        ListenerRuleActionArgs toWordPress = ListenerRuleActionArgs.builder().type("forward").targetGroupArn(targets.arn()).build();
        if (!adminCidrs.isEmpty()) {
            // source-ip is the address the load balancer sees the request come from, never X-Forwarded-For
            rule(name + "-admin-allowed", ADMIN_PRIORITY, toWordPress, List.of(ListenerRuleConditionArgs.builder()
                    .sourceIp(ListenerRuleConditionSourceIpArgs.builder().values(adminCidrs).build()).build()), owner);
        }
        ListenerRuleActionArgs refuse = ListenerRuleActionArgs.builder().type("fixed-response")
                .fixedResponse(ListenerRuleActionFixedResponseArgs.builder()
                        .contentType("text/plain").statusCode("403").messageBody(REFUSAL).build())
                .build();
        int priority = FIRST_REFUSAL_PRIORITY;
        int index = 0;
        for (List<String> patterns : paths.refusedPathRules()) {
            rule(name + "-refused-path-" + index++, priority++, refuse, List.of(ListenerRuleConditionArgs.builder()
                    .pathPattern(ListenerRuleConditionPathPatternArgs.builder().values(patterns).build()).build()), owner);
        }
        index = 0;
        for (List<String> keys : paths.refusedQueryRules()) {
            rule(name + "-refused-query-" + index++, priority++, refuse, List.of(ListenerRuleConditionArgs.builder()
                    .queryStrings(keys.stream().map(key -> ListenerRuleConditionQueryStringArgs.builder()
                            .key(key).value("*").build()).toList()).build()), owner);
        }
        index = 0;
        for (String header : paths.refusedHeaders) {
            rule(name + "-refused-header-" + index++, priority++, refuse, List.of(ListenerRuleConditionArgs.builder()
                    .httpHeader(ListenerRuleConditionHttpHeaderArgs.builder().httpHeaderName(header).values("*").build())
                    .build()), owner);
        }
        priority = FIRST_PUBLIC_PRIORITY;
        index = 0;
        for (List<String> patterns : paths.publicPathRules()) {
            rule(name + "-public-" + index++, priority++, toWordPress, List.of(
                    ListenerRuleConditionArgs.builder().httpRequestMethod(
                            ListenerRuleConditionHttpRequestMethodArgs.builder().values(paths.methods).build()).build(),
                    ListenerRuleConditionArgs.builder().pathPattern(
                            ListenerRuleConditionPathPatternArgs.builder().values(patterns).build()).build()), owner);
        }
    }

    private void rule(String name, int priority, ListenerRuleActionArgs action, List<ListenerRuleConditionArgs> conditions,
                      ResourceOwner owner) {
        new ListenerRule(name, ListenerRuleArgs.builder()
                .listenerArn(listener.arn())
                .priority(priority)
                .actions(action)
                .conditions(conditions)
                .build(), owner.child());
    }
}
