package com.bookstore.infra.web;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorefrontSiteTest {

    @Test
    void cloudFrontFailsOverFromThePrimaryBucketToTheSecondarysBucketForReads() {
        Plan primary = Plans.primary();
        Plan secondary = Plans.secondary();

        var distribution = Plans.one(primary, "aws:cloudfront/distribution:Distribution");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> origins = (List<Map<String, Object>>) input(distribution, "origins");

        assertEquals(List.of("bookstore-ui-123456789012-eu-west-1.s3.eu-west-1.amazonaws.com",
                        secondary.outputs().get("uiBucketName") + ".s3.ap-southeast-1.amazonaws.com",
                        "api.shop.example.org"),
                origins.stream().map(o -> o.get("domainName")).toList());
        String accessControl = Plans.one(primary, "aws:cloudfront/originAccessControl:OriginAccessControl").id();
        assertTrue(origins.subList(0, 2).stream().allMatch(o -> accessControl.equals(o.get("originAccessControlId"))));
        assertEquals(List.of(Map.of("originId", "ui-eu-west-1"), Map.of("originId", "ui-ap-southeast-1")),
                input(distribution, "originGroups.members"));
        assertEquals("ui-failover", input(distribution, "defaultCacheBehavior.targetOriginId"));
        assertEquals(List.of("GET", "HEAD", "OPTIONS"), input(distribution, "defaultCacheBehavior.allowedMethods"));
        assertEquals("redirect-to-https", input(distribution, "defaultCacheBehavior.viewerProtocolPolicy"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void withADomainCloudFrontPassesApiUncachedToTheApisFailoverNameWithoutItsHost() {
        Plan plan = Plans.primary();

        var distribution = Plans.one(plan, "aws:cloudfront/distribution:Distribution");
        var behaviors = (List<Map<String, Object>>) input(distribution, "orderedCacheBehaviors");
        var api = behaviors.stream().filter(b -> "/api/*".equals(b.get("pathPattern"))).findFirst().orElseThrow();
        var origins = (List<Map<String, Object>>) input(distribution, "origins");
        var apiOrigin = origins.stream().filter(o -> "api".equals(o.get("originId"))).findFirst().orElseThrow();
        var prefix = Plans.named(plan, "aws:cloudfront/function:Function", "bookstore-storefront-api-prefix");

        assertEquals("api", api.get("targetOriginId"));
        assertEquals("4135ea2d-6df8-44a3-9df3-4b5a84be39ad", api.get("cachePolicyId"), "CachingDisabled");
        assertEquals("b689b0a8-53d0-40ab-baf2-68738e2966ac", api.get("originRequestPolicyId"), "AllViewerExceptHostHeader");
        assertEquals(List.of("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"), api.get("allowedMethods"));
        assertEquals(List.of(Map.of("eventType", "viewer-request",
                "functionArn", "arn:aws:cloudfront::123456789012:function/bookstore-storefront-api-prefix")),
                api.get("functionAssociations"));
        assertEquals("cloudfront-js-2.0", input(prefix, "runtime"));
        assertEquals("api.shop.example.org", apiOrigin.get("domainName"), "Route 53's failover name, not a region's");
        assertEquals("https-only", ((Map<String, Object>) apiOrigin.get("customOriginConfig")).get("originProtocolPolicy"));
    }

    @Test
    void withoutADomainThereIsNoApiBehaviourAndTheUiCallsTheRegionsEndpoint() {
        Plan noDomain = Plans.run(Plans.primaryConfig(Map.of("bookstore:domain", "", "bookstore:hostedZoneId", "")), Map.of());

        var distribution = Plans.one(noDomain, "aws:cloudfront/distribution:Distribution");
        var config = Plans.named(noDomain, "aws:s3/bucketObjectv2:BucketObjectv2", "bookstore-storefront-config");
        JsonObject json = JsonParser.parseString((String) input(config, "content")).getAsJsonObject();

        assertEquals(List.of("/config.json"), ((List<?>) input(distribution, "orderedCacheBehaviors")).stream()
                .map(b -> ((Map<?, ?>) b).get("pathPattern")).toList());
        assertEquals(noDomain.outputs().get("apiEndpoint"), json.get("apiBaseUrl").getAsString());
    }

    @Test
    void withADomainTheStorefrontIsServedAtWwwWithAUsEast1Certificate() {
        Plan plan = Plans.primary();

        var distribution = Plans.one(plan, "aws:cloudfront/distribution:Distribution");
        var certificate = Plans.named(plan, "aws:acm/certificate:Certificate", "bookstore-storefront-certificate");
        var alias = Plans.named(plan, "aws:route53/record:Record", "bookstore-storefront-a");

        assertEquals(List.of("www.shop.example.org"), input(distribution, "aliases"));
        assertEquals("us-east-1", certificate.region());
        assertEquals("www.shop.example.org", input(certificate, "domainName"));
        assertEquals("sni-only", input(distribution, "viewerCertificate.sslSupportMethod"));
        assertEquals("Z2FDTNDATAQYW2", input(alias, "aliases.zoneId"));
        assertEquals("https://www.shop.example.org", plan.outputs().get("storefrontUrl"));
        assertEquals("https://www.shop.example.org", Plans.secondary().outputs().get("storefrontUrl"));
    }

    @Test
    void secondaryBucketIsReadableByThePrimarysDistributionOnlyAndOnlyOverTls() {
        Plan primary = Plans.primary();
        Plan secondary = Plans.secondary();

        var policy = Plans.named(secondary, "aws:s3/bucketPolicy:BucketPolicy", "bookstore-storefront");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> statements = (List<Map<String, Object>>) new Gson()
                .fromJson((String) input(policy, "policy"), Map.class).get("Statement");

        assertTrue(secondary.ofType("aws:cloudfront/distribution:Distribution").isEmpty());
        assertEquals(Map.of("Bool", Map.of("aws:SecureTransport", "false")), statements.get(0).get("Condition"));
        assertEquals("Deny", statements.get(0).get("Effect"));
        assertEquals(Map.of("StringEquals", Map.of("AWS:SourceArn", primary.outputs().get("distributionArn"))),
                statements.get(1).get("Condition"));
        var block = Plans.named(secondary, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                "bookstore-storefront");
        for (String setting : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertEquals(true, input(block, setting), setting);
        }
    }

    @Test
    void runtimeConfigJsonTellsTheUiItsApiRegionAndUserPool() {
        Plan primary = Plans.primary();
        Plan secondary = Plans.secondary();

        var config = Plans.named(secondary, "aws:s3/bucketObjectv2:BucketObjectv2", "bookstore-storefront-config");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = new Gson().fromJson((String) input(config, "content"), Map.class);

        assertEquals("config.json", input(config, "key"));
        assertEquals("no-cache", input(config, "cacheControl"));
        assertEquals("https://www.shop.example.org/api", json.get("apiBaseUrl"), "the storefront's own origin");
        assertEquals("ap-southeast-1", json.get("region"));
        assertEquals("secondary", json.get("role"));
        assertEquals("https://blog.shop.example.org", json.get("blogUrl"));
        @SuppressWarnings("unchecked")
        Map<String, Object> cognito = new java.util.LinkedHashMap<>((Map<String, Object>) json.get("cognito"));
        cognito.remove("passwordPolicy"); // the next test
        // The replica answers for the same pool id in the secondary's region: its own endpoint first.
        assertEquals(Map.of("region", "eu-west-1", "userPoolId", primary.outputs().get("userPoolId"),
                "clientId", primary.outputs().get("userPoolClientId"),
                "endpoint", "https://cognito-idp.ap-southeast-1.amazonaws.com/",
                "endpoints", List.of("https://cognito-idp.ap-southeast-1.amazonaws.com/",
                        "https://cognito-idp.eu-west-1.amazonaws.com/")), cognito);
    }

    @Test
    void eachStacksConfigNamesBothRegionsCognitoEndpointsItsOwnFirst() {
        for (Plan plan : List.of(Plans.primary(), Plans.secondary())) {
            String own = (String) plan.outputs().get("region");
            String other = own.equals("eu-west-1") ? "ap-southeast-1" : "eu-west-1";
            var config = Plans.named(plan, "aws:s3/bucketObjectv2:BucketObjectv2", "bookstore-storefront-config");
            JsonObject cognito = JsonParser.parseString((String) input(config, "content")).getAsJsonObject()
                    .getAsJsonObject("cognito");

            List<String> endpoints = new Gson().fromJson(cognito.get("endpoints"), List.class);
            assertEquals(List.of("https://cognito-idp." + own + ".amazonaws.com/",
                    "https://cognito-idp." + other + ".amazonaws.com/"), endpoints, plan.stack());
            assertEquals(endpoints.get(0), cognito.get("endpoint").getAsString(), plan.stack() + ": endpoint is endpoints[0]");
        }
    }

    @Test
    void withoutADomainThePlainHttpBlogIsLeftOutSoTheHttpsStorefrontHidesIt() {
        Plan noDomain = Plans.run(Plans.primaryConfig(Map.of("bookstore:domain", "", "bookstore:hostedZoneId", "")), Map.of());

        var config = Plans.named(noDomain, "aws:s3/bucketObjectv2:BucketObjectv2", "bookstore-storefront-config");
        JsonObject json = JsonParser.parseString((String) input(config, "content")).getAsJsonObject();

        assertFalse(json.has("blogUrl"), json.toString());
        assertTrue(String.valueOf(noDomain.outputs().get("blogUrl")).startsWith("http://"), "the blog itself is still served");
    }

    @Test
    void runtimeConfigJsonGivesTheUiThePasswordPolicyTheUserPoolEnforcesInBothRegions() {
        var pool = Plans.cloudControl(Plans.primary(), "AWS::Cognito::UserPool");

        for (Plan plan : List.of(Plans.primary(), Plans.secondary())) {
            var config = Plans.named(plan, "aws:s3/bucketObjectv2:BucketObjectv2", "bookstore-storefront-config");
            JsonObject policy = JsonParser.parseString((String) input(config, "content")).getAsJsonObject()
                    .getAsJsonObject("cognito").getAsJsonObject("passwordPolicy");

            assertEquals(List.of("minimumLength", "requireUppercase", "requireLowercase", "requireNumbers",
                    "requireSymbols"), List.copyOf(policy.keySet()), plan.stack());
            assertEquals(((Number) Plans.desired(pool, "Policies.PasswordPolicy.MinimumLength")).intValue(),
                    policy.get("minimumLength").getAsInt(), plan.stack());
            for (String rule : List.of("requireUppercase", "requireLowercase", "requireNumbers", "requireSymbols")) {
                String cloudFormation = Character.toUpperCase(rule.charAt(0)) + rule.substring(1);
                assertEquals(Plans.desired(pool, "Policies.PasswordPolicy." + cloudFormation), policy.get(rule).getAsBoolean(),
                        plan.stack() + " " + rule);
            }
        }
    }

    @Test
    void builtUiFilesAreUploadedWithTheirContentTypesAndCaching(@TempDir Path dist) throws IOException {
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(dist.resolve("index.html"), "<!doctype html>");
        Files.writeString(dist.resolve("assets/app-1a2b.js"), "console.log(1)");
        Files.writeString(dist.resolve("config.json"), "{\"from\":\"the dev build\"}");
        Files.write(dist.resolve("assets/app-1a2b.js.br"), new byte[] {0x0b, 0x06}); // the local gateway's copy

        Plan plan = Plans.run(Plans.primaryConfig(Map.of("bookstore:uiDist", dist.toString())), Map.of());

        Map<Object, PlannedResource> byKey = new java.util.HashMap<>();
        plan.ofType("aws:s3/bucketObjectv2:BucketObjectv2").forEach(o -> byKey.put(input(o, "key"), o));
        assertEquals(java.util.Set.of("index.html", "assets/app-1a2b.js", "config.json"), byKey.keySet());
        assertEquals("text/html; charset=utf-8", input(byKey.get("index.html"), "contentType"));
        assertEquals("no-cache", input(byKey.get("index.html"), "cacheControl"));
        assertEquals("text/javascript; charset=utf-8", input(byKey.get("assets/app-1a2b.js"), "contentType"));
        assertEquals("public, max-age=31536000, immutable", input(byKey.get("assets/app-1a2b.js"), "cacheControl"));
        assertFalse(String.valueOf(input(byKey.get("config.json"), "content")).contains("dev build"));
    }

    @Test
    void cloudFrontsPolicyAllowsTheBuiltPagesInlineStyleByItsHash(@TempDir Path dist) throws IOException {
        // printf 'body{margin:0}' | openssl dgst -sha256 -binary | base64
        Files.writeString(dist.resolve("index.html"), "<!doctype html><style>body{margin:0}</style>");

        Plan plan = Plans.run(Plans.primaryConfig(Map.of("bookstore:uiDist", dist.toString())), Map.of());

        String policy = (String) input(Plans.one(plan, "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy"),
                "securityHeadersConfig.contentSecurityPolicy.contentSecurityPolicy");
        assertTrue(policy.contains("style-src 'self' 'sha256-IAdwN3biDCQ3brrgp1m8kBEsPQYyqfREKOEfeoREopc=';"), policy);
    }

    @Test
    void withoutABuiltUiOnlyTheRuntimeConfigIsUploaded() {
        Plan plan = Plans.run(Plans.primaryConfig(Map.of("bookstore:uiDist", "does/not/exist")), Map.of());

        assertEquals(List.of("config.json"),
                plan.ofType("aws:s3/bucketObjectv2:BucketObjectv2").stream().map(o -> input(o, "key")).toList());
    }

    @Test
    void cloudFrontSendsTheSharedContentSecurityPolicyNamingTheApiCognitoInBothRegionsAndTheBlog() throws IOException {
        Plan plan = Plans.primary();
        Path builtPage = Path.of("ui/dist/index.html"); // the stack's default bookstore:uiDist, when built
        String page = Files.isRegularFile(builtPage) ? Files.readString(builtPage) : "";

        var headers = Plans.one(plan, "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy");
        var distribution = Plans.one(plan, "aws:cloudfront/distribution:Distribution");
        String policy = (String) input(headers, "securityHeadersConfig.contentSecurityPolicy.contentSecurityPolicy");

        assertEquals(headers.id(), input(distribution, "defaultCacheBehavior.responseHeadersPolicyId"));
        assertEquals(true, input(headers, "securityHeadersConfig.contentSecurityPolicy.override"));
        assertTrue(policy.contains("script-src 'self';"), policy);
        assertTrue(policy.contains("connect-src 'self' https://www.shop.example.org "
                + "https://cognito-idp.eu-west-1.amazonaws.com https://cognito-idp.ap-southeast-1.amazonaws.com "
                + "https://blog.shop.example.org;"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertEquals(com.bookstore.contract.SiteHeaders.load().contentSecurityPolicy(
                new com.bookstore.contract.SiteHeaders.Origins(List.of("https://www.shop.example.org"),
                        List.of("https://cognito-idp.eu-west-1.amazonaws.com",
                                "https://cognito-idp.ap-southeast-1.amazonaws.com"),
                        List.of("https://blog.shop.example.org")), page), policy, "the definition the local gateway sends");
        assertEquals(31_536_000, ((Number) input(headers, "securityHeadersConfig.strictTransportSecurity.accessControlMaxAgeSec")).intValue());
    }
}
