package com.bookstore.platform;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Builds the SDK clients the same way everywhere: the JDK's HTTP client (no Netty/Apache on the
 * classpath, nothing for the SDK to discover), explicit region and credentials (no provider-chain
 * probing at cold start), short timeouts so that a failing dependency turns into a 503 quickly.
 */
public final class AwsClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(AwsSettings aws) {
        return dynamoDb(aws, new ExecutionInterceptor[0]);
    }

    /** The same client with interceptors (tests use one to act at an exact point of a request). */
    public static DynamoDbClient dynamoDb(AwsSettings aws, ExecutionInterceptor... interceptors) {
        var builder = DynamoDbClient.builder()
                .httpClient(httpClient())
                .region(Region.of(aws.region()))
                .credentialsProvider(credentials(aws))
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(CALL_TIMEOUT)
                        .executionInterceptors(List.of(interceptors)).build());
        aws.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static DynamoDbStreamsClient dynamoDbStreams(AwsSettings aws) {
        var builder = DynamoDbStreamsClient.builder()
                .httpClient(httpClient())
                .region(Region.of(aws.region()))
                .credentialsProvider(credentials(aws));
        aws.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT).build();
    }

    /** The provider of the source the settings name (see {@link AwsSettings.CredentialSource}). */
    static AwsCredentialsProvider credentials(AwsSettings aws) {
        return switch (aws.credentials()) {
            case ENVIRONMENT -> EnvironmentVariableCredentialsProvider.create();
            // Without its variables it fails at the first call, naming the variables it needs.
            case CONTAINER -> ContainerCredentialsProvider.builder().build();
            case LOCAL_DUMMY -> StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        };
    }
}
