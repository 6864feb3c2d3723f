package com.bookstore.infra.api;

import com.bookstore.contract.ApiContract;
import com.bookstore.contract.ApiRoute;
import com.bookstore.infra.auth.UserPoolRef;
import com.bookstore.infra.dns.CustomDomain;
import com.bookstore.infra.dns.ValidatedCertificate;
import com.bookstore.infra.dns.ValidatedCertificateArgs;
import com.bookstore.infra.functions.Functions;
import com.google.gson.Gson;
import com.pulumi.aws.apigatewayv2.Api;
import com.pulumi.aws.apigatewayv2.ApiArgs;
import com.pulumi.aws.apigatewayv2.ApiMapping;
import com.pulumi.aws.apigatewayv2.ApiMappingArgs;
import com.pulumi.aws.apigatewayv2.Authorizer;
import com.pulumi.aws.apigatewayv2.AuthorizerArgs;
import com.pulumi.aws.apigatewayv2.DomainName;
import com.pulumi.aws.apigatewayv2.DomainNameArgs;
import com.pulumi.aws.apigatewayv2.Integration;
import com.pulumi.aws.apigatewayv2.IntegrationArgs;
import com.pulumi.aws.apigatewayv2.Route;
import com.pulumi.aws.apigatewayv2.RouteArgs;
import com.pulumi.aws.apigatewayv2.Stage;
import com.pulumi.aws.apigatewayv2.StageArgs;
import com.pulumi.aws.apigatewayv2.inputs.ApiCorsConfigurationArgs;
import com.pulumi.aws.apigatewayv2.inputs.AuthorizerJwtConfigurationArgs;
import com.pulumi.aws.apigatewayv2.inputs.DomainNameDomainNameConfigurationArgs;
import com.pulumi.aws.apigatewayv2.inputs.StageAccessLogSettingsArgs;
import com.pulumi.aws.apigatewayv2.inputs.StageDefaultRouteSettingsArgs;
import com.pulumi.aws.apigatewayv2.inputs.StageRouteSettingArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.lambda.Permission;
import com.pulumi.aws.lambda.PermissionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The region's HTTP API: every route of the OpenAPI contract ({@link ApiContract}) proxied to the API function's
 * alias (payload 2.0), a JWT authorizer trusting the Cognito pool on the signed-in routes, stage-wide throttling,
 * JSON access logs, and, when a domain is configured, the regional custom domain {@code api.<domain>} that
 * failover DNS points at.
 */
public final class RegionalApi extends ComponentResource {

    private static final int MAX_INTEGRATION_TIMEOUT_MS = 30_000;
    /** The route Route 53's health checks probe (FailoverDns). */
    public static final String HEALTH_ROUTE = "GET /health";

    /** The execute-api endpoint of this region ({@code https://<id>.execute-api.<region>.amazonaws.com}). */
    public final Output<String> endpoint;
    /** The URL clients use: {@code https://api.<domain>} with a domain, else this region's endpoint. */
    public final Output<String> baseUrl;
    /** The host name Route 53 probes: this region's own endpoint, not the failover name. */
    public final Output<String> healthCheckHost;
    /** The regional target of the custom domain, present when a domain is configured. */
    public final Optional<Output<String>> customDomainTarget;
    /** The HTTP API's id: the {@code ApiId} dimension of its CloudWatch metrics. */
    public final Output<String> apiId;

    public RegionalApi(String name, RegionalApiArgs args, ComponentResourceOptions options) {
        super("bookstore:api:RegionalApi", name, options);
        UserPoolRef userPool = args.userPool();

        var api = new Api(name, ApiArgs.builder()
                .name(name)
                .protocolType("HTTP")
                .description("Bookstore HTTP API (" + args.stackRole() + ")")
                // Bearer tokens, no cookies: a wildcard origin cannot act for a signed-in user.
                .corsConfiguration(ApiCorsConfigurationArgs.builder()
                        .allowOrigins("*")
                        .allowMethods("GET", "POST", "PUT", "DELETE", "OPTIONS")
                        .allowHeaders("authorization", "content-type", "idempotency-key")
                        .exposeHeaders("x-bookstore-region")
                        .maxAge(3600)
                        .build())
                .build(), child());

        var accessLogs = new LogGroup(name + "-access", LogGroupArgs.builder()
                .name("/aws/apigateway/" + name)
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(args.logKeyArn())
                .build(), child());

        var authorizer = new Authorizer(name + "-cognito", AuthorizerArgs.builder()
                .apiId(api.id())
                .name("cognito")
                .authorizerType("JWT")
                .identitySources("$request.header.Authorization")
                .jwtConfiguration(AuthorizerJwtConfigurationArgs.builder()
                        .issuer(userPool.issuer())
                        .audiences(userPool.clientId().applyValue(List::of))
                        .build())
                .build(), child());

        var integration = new Integration(name + "-handler", IntegrationArgs.builder()
                .apiId(api.id())
                .integrationType("AWS_PROXY")
                .integrationUri(args.functionAliasArn())
                .payloadFormatVersion("2.0")
                .timeoutMilliseconds(Math.min(MAX_INTEGRATION_TIMEOUT_MS, args.functionTimeoutSeconds() * 1000 + 1000))
                .build(), child());

        Optional<Route> healthRoute = Optional.empty();
        for (ApiRoute route : ApiContract.routes()) {
            var routeArgs = RouteArgs.builder()
                    .apiId(api.id())
                    .routeKey(route.routeKey())
                    .target(integration.id().applyValue(id -> "integrations/" + id));
            if (route.signedIn()) {
                routeArgs.authorizationType("JWT").authorizerId(authorizer.id());
            } else {
                routeArgs.authorizationType("NONE");
            }
            var created = new Route(name + "-" + route.slug(), routeArgs.build(), child());
            if (route.routeKey().equals(HEALTH_ROUTE)) {
                healthRoute = Optional.of(created);
            }
        }

        var stage = new Stage(name + "-default", StageArgs.builder()
                .apiId(api.id())
                .name("$default")
                .autoDeploy(true)
                .defaultRouteSettings(StageDefaultRouteSettingsArgs.builder()
                        .throttlingRateLimit((double) args.throttleRateLimit())
                        .throttlingBurstLimit(args.throttleBurstLimit())
                        .detailedMetricsEnabled(true)
                        .build())
                // Route 53 probes GET /health on this stage: route-level limits of its own, from config, instead of
                // the stage's defaults that the shop's routes get (docs/security.md#edge-waf).
                .routeSettings(StageRouteSettingArgs.builder()
                        .routeKey(HEALTH_ROUTE)
                        .throttlingRateLimit((double) args.healthThrottle().rateLimit())
                        .throttlingBurstLimit(args.healthThrottle().burstLimit())
                        .detailedMetricsEnabled(true)
                        .build())
                .accessLogSettings(StageAccessLogSettingsArgs.builder()
                        .destinationArn(accessLogs.arn())
                        .format(accessLogFormat())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this)
                .dependsOn(healthRoute.orElseThrow(() -> new IllegalStateException(
                        "the API contract has no " + HEALTH_ROUTE + ", which Route 53 probes"))).build());

        new Permission(name + "-invoke", PermissionArgs.builder()
                .action("lambda:InvokeFunction")
                .function(args.functionName())
                .qualifier(Functions.ALIAS)
                .principal("apigateway.amazonaws.com")
                .sourceArn(api.executionArn().applyValue(arn -> arn + "/*/*"))
                .build(), child());

        this.endpoint = api.apiEndpoint();
        this.apiId = api.id();
        this.healthCheckHost = api.apiEndpoint().applyValue(url -> url.replaceFirst("^https://", ""));
        if (args.customDomain().isPresent()) {
            CustomDomain custom = args.customDomain().get();
            String host = custom.host();
            // RSA: AWS documents ECDSA for ALB and CloudFront, not for API Gateway (docs/infrastructure.md, "Certificates").
            var certificate = new ValidatedCertificate(name + "-certificate", new ValidatedCertificateArgs(host,
                    custom.hostedZoneId(), ValidatedCertificate.RSA_2048, custom.writesValidationRecord()),
                    ComponentResourceOptions.builder().parent(this).build());
            var domain = new DomainName(name + "-domain", DomainNameArgs.builder()
                    .domainName(host)
                    .domainNameConfiguration(DomainNameDomainNameConfigurationArgs.builder()
                            .certificateArn(certificate.arn)
                            .endpointType("REGIONAL")
                            .securityPolicy("TLS_1_2")
                            .build())
                    .build(), CustomResourceOptions.builder().parent(this).build());
            new ApiMapping(name + "-mapping", ApiMappingArgs.builder()
                    .apiId(api.id())
                    .domainName(domain.id())
                    .stage(stage.id())
                    .build(), child());
            this.customDomainTarget = Optional.of(domain.domainNameConfiguration()
                    .applyValue(config -> config.targetDomainName().orElseThrow()));
            this.baseUrl = Output.of("https://" + host);
        } else {
            this.customDomainTarget = Optional.empty();
            this.baseUrl = endpoint;
        }
        registerOutputs(Map.of("endpoint", endpoint, "baseUrl", baseUrl));
    }

    private static String accessLogFormat() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("requestId", "$context.requestId");
        fields.put("time", "$context.requestTime");
        fields.put("routeKey", "$context.routeKey");
        fields.put("status", "$context.status");
        fields.put("latencyMs", "$context.responseLatency");
        fields.put("integrationError", "$context.integrationErrorMessage");
        fields.put("authorizerError", "$context.authorizer.error");
        fields.put("sourceIp", "$context.identity.sourceIp");
        return new Gson().toJson(fields);
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }
}
