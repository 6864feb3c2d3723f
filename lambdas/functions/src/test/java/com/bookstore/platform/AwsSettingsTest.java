package com.bookstore.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.bookstore.platform.AwsSettings.CredentialSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

class AwsSettingsTest {

    @Test
    void aFunctionWithoutSnapStartSignsWithTheKeysLambdaPutInItsEnvironment() {
        var aws = AwsSettings.from(Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "AKIA", "AWS_SECRET_ACCESS_KEY", "s"));

        assertEquals(CredentialSource.ENVIRONMENT, aws.credentials());
        assertInstanceOf(EnvironmentVariableCredentialsProvider.class, AwsClients.credentials(aws));
    }

    @Test
    void aSnapStartFunctionWithoutKeysUsesTheContainerCredentialsEndpoint() {
        var aws = AwsSettings.from(Map.of("AWS_REGION", "eu-west-1",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials"));

        assertEquals(CredentialSource.CONTAINER, aws.credentials());
        assertInstanceOf(ContainerCredentialsProvider.class, AwsClients.credentials(aws));
    }

    @Test
    void localEnginesWithoutKeysGetTheDummyKeyAndRealKeysWinWhenGiven() {
        assertEquals(CredentialSource.LOCAL_DUMMY,
                AwsSettings.from(Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:5000")).credentials());
        assertEquals(CredentialSource.ENVIRONMENT, AwsSettings.from(Map.of("AWS_REGION", "eu-west-1",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:5000", "AWS_ACCESS_KEY_ID", "k", "AWS_SECRET_ACCESS_KEY", "s")).credentials());
    }
}
