package com.bookstore.infra.web;

import com.bookstore.infra.auth.UserPoolRef;
import com.google.gson.GsonBuilder;
import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The storefront's runtime {@code /config.json} (docs/interfaces.md), built from stack outputs. */
public final class SiteConfig {

    /** The blog URL of a stack without the blog: left out of the config like any non-HTTPS one. */
    public static final String NO_BLOG = "";
    /**
     * With a domain, the storefront reaches the API on its own origin, {@code https://www.<domain>/api}: CloudFront
     * passes {@code /api/*} to the API's failover name behind the edge web ACL (docs/security.md#edge-waf).
     */
    public static final String API_PATH = "/api";

    private SiteConfig() {
    }

    /**
     * @param region     this stack's region: the API's, and the first Cognito endpoint the storefront tries
     * @param peerRegion the other stack's region: the second Cognito endpoint (the pool's replica or its primary)
     */
    public static Output<String> json(Output<String> apiBaseUrl, String region, String peerRegion, String role,
                                      UserPoolRef userPool, Output<String> blogUrl) {
        return Output.tuple(apiBaseUrl, userPool.userPoolId(), userPool.clientId(), blogUrl).applyValue(values -> {
            Map<String, Object> cognito = new LinkedHashMap<>();
            cognito.put("region", userPool.region());
            cognito.put("userPoolId", values.t2);
            cognito.put("clientId", values.t3);
            // Multi-Region replication serves sign-in and token refresh for the same pool id in both regions
            // (docs/architecture.md#the-user-pool): this region's endpoint first, the other's as the fallback.
            List<String> endpoints = List.of(UserPoolRef.endpoint(region), UserPoolRef.endpoint(peerRegion));
            cognito.put("endpoint", endpoints.get(0));
            cognito.put("endpoints", endpoints);
            cognito.put("passwordPolicy", userPool.passwordPolicy().asConfig());
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("apiBaseUrl", values.t1);
            config.put("region", region);
            config.put("role", role);
            config.put("cognito", cognito);
            // The storefront is HTTPS: a browser blocks fetching a plain-HTTP blog (mixed content), so without a
            // domain (and its certificate) the key is left out and the UI hides the blog (docs/configuration.md).
            if (values.t4 != null && values.t4.startsWith("https://")) {
                config.put("blogUrl", values.t4);
            }
            return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(config);
        });
    }
}
