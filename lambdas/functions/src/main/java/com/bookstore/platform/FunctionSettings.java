package com.bookstore.platform;

import java.util.Map;

/** Everything a function reads from its environment, parsed once at init (names in docs/interfaces.md). */
public record FunctionSettings(TableNames tables, AwsSettings aws, String redisUrl, String role, String faultParameter,
                               CheckoutLimits checkoutLimits) {

    /** The SSM parameter of the drill's fault switch when FAULT_PARAMETER is not set (docs/interfaces.md). */
    public static final String DEFAULT_FAULT_PARAMETER = "/bookstore/fault-injection";

    public FunctionSettings(TableNames tables, AwsSettings aws, String redisUrl, String role) {
        this(tables, aws, redisUrl, role, DEFAULT_FAULT_PARAMETER);
    }

    public FunctionSettings(TableNames tables, AwsSettings aws, String redisUrl, String role, String faultParameter) {
        this(tables, aws, redisUrl, role, faultParameter, CheckoutLimits.DEFAULT);
    }

    /** The same settings with other checkout limits (the drill's and tests' raised ones). */
    public FunctionSettings withCheckoutLimits(CheckoutLimits limits) {
        return new FunctionSettings(tables, aws, redisUrl, role, faultParameter, limits);
    }

    public static FunctionSettings fromEnvironment() {
        return from(System.getenv());
    }

    public static FunctionSettings from(Map<String, String> env) {
        return new FunctionSettings(TableNames.from(env), AwsSettings.from(env),
                Environment.required(env, "REDIS_URL"), Environment.required(env, "BOOKSTORE_ROLE"),
                env.getOrDefault("FAULT_PARAMETER", DEFAULT_FAULT_PARAMETER), CheckoutLimits.from(env));
    }

    public String region() {
        return aws.region();
    }
}
