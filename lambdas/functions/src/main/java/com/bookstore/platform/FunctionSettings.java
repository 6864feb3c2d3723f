package com.bookstore.platform;

import java.util.Map;

/** Everything a function reads from its environment, parsed once at init (names in docs/interfaces.md). */
public record FunctionSettings(TableNames tables, AwsSettings aws, String redisUrl, String role) {

    public static FunctionSettings fromEnvironment() {
        return from(System.getenv());
    }

    public static FunctionSettings from(Map<String, String> env) {
        return new FunctionSettings(TableNames.from(env), AwsSettings.from(env),
                Environment.required(env, "REDIS_URL"), Environment.required(env, "BOOKSTORE_ROLE"));
    }

    public String region() {
        return aws.region();
    }
}
