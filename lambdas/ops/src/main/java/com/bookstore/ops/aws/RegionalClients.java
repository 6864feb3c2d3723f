package com.bookstore.ops.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * SDK clients for a given region: against AWS with the operator's credentials, or, when
 * {@code localEndpoint} is set, against the local AWS (moto) with the dummy credentials it accepts.
 */
public record RegionalClients(URI localEndpoint) {

    public static final RegionalClients AWS = new RegionalClients(null);

    public SsmClient ssm(String region) {
        return build(SsmClient.builder(), region);
    }

    public CognitoIdentityProviderClient cognito(String region) {
        return build(CognitoIdentityProviderClient.builder(), region);
    }

    public RdsClient rds(String region) {
        return build(RdsClient.builder(), region);
    }

    public EfsClient efs(String region) {
        return build(EfsClient.builder(), region);
    }

    public DynamoDbClient dynamoDb(String region) {
        return build(DynamoDbClient.builder(), region);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String region) {
        builder.region(Region.of(region)).credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create());
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
