package com.bookstore.platform;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * Reads one SSM parameter with a single signed {@code AmazonSSM.GetParameter} call. The SDK's SSM module
 * is a 6 MB jar for one operation; the signer, credentials and HTTP client already in the jar do it.
 */
public final class SsmParameterReader {

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final String region;

    public SsmParameterReader(AwsSettings aws) {
        this.http = AwsClients.httpClient();
        this.credentials = AwsClients.credentials(aws);
        this.endpoint = aws.endpoint().orElse(URI.create("https://ssm." + aws.region() + ".amazonaws.com"));
        this.region = aws.region();
    }

    /** The parameter's value, empty when it does not exist. */
    public Optional<String> read(String name) {
        JsonObject request = new JsonObject();
        request.addProperty("Name", name);
        byte[] body = request.toString().getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AmazonSSM.GetParameter")
                .build();
        var signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials.resolveCredentials())
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try {
            var response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            String text;
            try (InputStream in = response.responseBody().map(InputStream.class::cast).orElse(InputStream.nullInputStream())) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = response.httpResponse().statusCode();
            if (status == 200) {
                return Optional.of(JsonParser.parseString(text).getAsJsonObject()
                        .getAsJsonObject("Parameter").get("Value").getAsString());
            }
            if (status == 400 && text.contains("ParameterNotFound")) {
                return Optional.empty();
            }
            throw new IllegalStateException("SSM GetParameter " + name + " answered " + status + ": " + text);
        } catch (IOException e) {
            throw new UncheckedIOException("SSM GetParameter " + name + " failed", e);
        }
    }
}
