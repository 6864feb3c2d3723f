package com.bookstore.pipeline.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake region may only say what the API's OpenAPI document allows: these show the check bites. */
class FakeRegionContractTest {

    @Test
    void bookWithTitleInsteadOfNameIsRefusedNamingTheMissingField() throws IOException {
        try (FakeRegion region = new FakeRegion("eu-west-1")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> region.answer(
                    "/books/b-042", 200, "{\"id\":\"b-042\",\"title\":\"Dune\",\"category\":\"sci-fi\",\"price\":9.99}"));

            String message = refused.getMessage();
            assertTrue(message.startsWith("the fake's answer breaks openapi.yaml:"), message);
            assertTrue(message.contains("GET /books/b-042 200: Object has missing required properties "
                    + "([\"author\",\"cover\",\"name\",\"rating\"])"), message);
            assertTrue(message.contains("[validation.response.body.schema.required]"), message);
        }
    }

    @Test
    void nestedProblemsNameTheirPathInTheBody() {
        List<String> problems = OpenApiContract.problems("/bestsellers", 200,
                "{\"items\":[{\"book\":{\"id\":\"b\"},\"sold\":\"seven\"}],\"stale\":false}", "eu-west-1");

        assertTrue(problems.stream().anyMatch(p -> p.contains("/items/0/book") && p.contains("missing required")),
                String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.contains("/items/0/sold") && p.contains("integer")),
                String.join("\n", problems));
    }

    @Test
    void undeclaredStatusIsRefused() {
        List<String> problems = OpenApiContract.problems("/region", 503, "{\"error\":\"unavailable\",\"message\":\"x\"}",
                "eu-west-1");

        assertEquals(1, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("[validation.response.status.unknown]"), problems.get(0));
    }

    @Test
    void offContractAnswerMustReallyBreakTheContract() throws IOException {
        try (FakeRegion region = new FakeRegion("eu-west-1")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> region.answerOffContract(
                    "/region", 200, "{\"region\":\"eu-west-1\",\"role\":\"primary\"}", "a broken body"));
            assertTrue(refused.getMessage().contains("is valid per openapi.yaml"), refused.getMessage());
        }
    }

    @Test
    void servingAnUndeclaredAnswerFailsWhenTheRegionCloses() throws Exception {
        FakeRegion region = new FakeRegion("eu-west-1");
        HttpClient client = HttpClient.newHttpClient();
        // An unscripted route gets the fake's 404, which GET /region does not declare... once the route is unknown.
        client.send(HttpRequest.newBuilder(region.baseUrl().resolve("/region?x=1")).build(), HttpResponse.BodyHandlers.ofString());

        AssertionError failure = assertThrows(AssertionError.class, region::close);
        assertTrue(failure.getMessage().contains("GET /region?x=1 404"), failure.getMessage());
    }
}
