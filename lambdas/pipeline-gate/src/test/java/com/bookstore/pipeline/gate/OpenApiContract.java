package com.bookstore.pipeline.gate;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.bookstore.contract.ApiContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bookstore API's OpenAPI document (the shipped {@code openapi.yaml}, on the test classpath) as a checker for
 * {@link FakeRegion}: an answer is held to its operation's declared statuses, headers and body schema.
 */
final class OpenApiContract {
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(document())
            // The document's servers end in /api; the fake serves the routes at its root, as the gate's base URL does.
            .withBasePathOverride("/")
            .build();

    private OpenApiContract() {
    }

    /**
     * What is wrong with this answer to {@code GET pathAndQuery}, one readable line per problem (with the body path
     * it concerns); empty when the document allows it.
     */
    static List<String> problems(String pathAndQuery, int status, String body, String regionHeader) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status)
                .withContentType("application/json")
                .withBody(body);
        if (regionHeader != null) {
            response.withHeader("X-Bookstore-Region", regionHeader);
        }
        String path = URI.create(pathAndQuery).getPath();
        ValidationReport report = VALIDATOR.validateResponse(path, Request.Method.GET, response.build());
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> "GET " + pathAndQuery + " " + status + ": " + message.getMessage()
                        + " [" + message.getKey() + "]")
                .toList();
    }

    private static String document() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(ApiContract.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is not on the test classpath (it comes with the "
                        + "test-scoped bookstore-api-contract)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
