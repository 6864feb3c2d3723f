package com.bookstore.ops.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * SDK clients for a given region: against AWS with the operator's credentials, or, when
 * {@code localEndpoint} is set, against the local AWS (moto) with the dummy credentials it accepts.
 */
public record RegionalClients(URI localEndpoint) {

    public static final RegionalClients AWS = new RegionalClients(null);

    public SsmClient ssm(String region) {
        var builder = SsmClient.builder().region(Region.of(region)).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create());
        if (localEndpoint != null) {
            builder.endpointOverride(localEndpoint);
        }
        return builder.build();
    }

    public CognitoIdentityProviderClient cognito(String region) {
        var builder = CognitoIdentityProviderClient.builder().region(Region.of(region)).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create());
        if (localEndpoint != null) {
            builder.endpointOverride(localEndpoint);
        }
        return builder.build();
    }

    private AwsCredentialsProvider credentials() {
        return localEndpoint == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
}
