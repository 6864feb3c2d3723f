package com.bookstore.infra.blog;

import com.google.gson.GsonBuilder;
import com.google.gson.annotations.SerializedName;

import java.util.List;

/**
 * The part of an ECS container definition the blog's tasks use, named as in the ECS API. Typed records rather
 * than maps because ECS takes the definitions as one JSON string: Gson writes record components in declaration
 * order, so the same program always renders the same string. (With {@code Map.of} the key order changed with
 * every JVM start, so every plan diff showed both blog task definitions as changed.) Gson leaves
 * out null components, so the seeding task simply has no ports or mounts.
 */
record ContainerDefinition(String name, String image, boolean essential, List<PortMapping> portMappings,
                           List<Variable> environment, List<Secret> secrets, List<MountPoint> mountPoints,
                           LogConfiguration logConfiguration, List<String> command) {

    record PortMapping(int containerPort, String protocol) {
    }

    record Variable(String name, String value) {
    }

    /** An environment variable ECS fills from Secrets Manager ({@code <secret arn>:<json key>::}). */
    record Secret(String name, String valueFrom) {
    }

    record MountPoint(String sourceVolume, String containerPath, boolean readOnly) {
    }

    record LogConfiguration(String logDriver, AwsLogsOptions options) {

        static LogConfiguration awsLogs(String group, String region, String streamPrefix) {
            return new LogConfiguration("awslogs", new AwsLogsOptions(group, region, streamPrefix));
        }
    }

    record AwsLogsOptions(@SerializedName("awslogs-group") String group,
                          @SerializedName("awslogs-region") String region,
                          @SerializedName("awslogs-stream-prefix") String streamPrefix) {
    }

    /** The {@code containerDefinitions} string of a task of these containers. */
    static String json(ContainerDefinition... containers) {
        return new GsonBuilder().disableHtmlEscaping().create().toJson(List.of(containers));
    }
}
