package com.bookstore.pipeline.gate;

import com.bookstore.pipeline.gate.settings.GateSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;

/**
 * The SDK clients of one Lambda container, built once and shared by its invocations: CodePipeline in the
 * function's own region (where the pipeline lives) and CloudWatch per source region of replication, both on the
 * JDK's URL connection so the jar carries no Apache or Netty stack.
 */
final class GateClients {
    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final Map<String, CloudWatchClient> cloudWatch = new ConcurrentHashMap<>();

    CodePipelineClient codePipeline() {
        return CodePipelineClient.builder().httpClient(http).build();
    }

    CloudWatchClient cloudWatchIn(String region) {
        return cloudWatch.computeIfAbsent(region, r -> CloudWatchClient.builder()
                .httpClient(http)
                .region(Region.of(r))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(GateSettings.CLOUDWATCH_CALL_TIMEOUT)
                        .build())
                .build());
    }
}
