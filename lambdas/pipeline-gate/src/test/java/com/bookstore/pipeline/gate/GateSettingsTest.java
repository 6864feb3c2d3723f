package com.bookstore.pipeline.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.pipeline.gate.settings.GateSettings;
import com.bookstore.pipeline.gate.settings.InvalidSettingsException;
import com.bookstore.pipeline.gate.settings.ReplicationRoute;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateSettingsTest {
    @Test
    void minimalParametersTakeTheDocumentedDefaults() {
        GateSettings settings = GateSettings.parse(
                "{\"stack\":\"secondary\",\"apiBaseUrl\":\"https://api.example.com/prod/\",\"expectedRegion\":\"ap-southeast-1\"}");

        assertEquals(Duration.ofSeconds(5), settings.requestTimeout());
        assertEquals(Duration.ofSeconds(15), settings.pollInterval());
        assertEquals(Duration.ofMinutes(20), settings.maxWait());
        assertTrue(settings.replication().isEmpty());
        assertEquals(URI.create("https://api.example.com/prod/books?limit=1"), settings.route("/books?limit=1"));
    }

    @Test
    void replicationSectionIsReadWithItsRoutes() {
        GateSettings settings = GateSettings.parse("""
                {"stack": "primary", "apiBaseUrl": "https://api.example.com", "expectedRegion": "eu-west-1",
                 "replication": {"tables": ["bookstore-books"], "maxLatencyMillis": 2500, "requireDatapoints": true,
                                 "routes": [{"sourceRegion": "eu-west-1", "receivingRegion": "ap-southeast-1"}]}}
                """);

        var replication = settings.replication().orElseThrow();
        assertEquals(new ReplicationRoute("eu-west-1", "ap-southeast-1"), replication.routes().get(0));
        assertEquals(Duration.ofMillis(2500), replication.maxLatency());
        assertEquals(Duration.ofMinutes(10), replication.lookback());
        assertTrue(replication.requireDatapoints());
    }

    @Test
    void documentedUserParametersParseOnceThePipelineFillsInItsVariables() throws IOException {
        String readme = Files.readString(Path.of("../../pipeline/README.md"));
        Matcher block = Pattern.compile("<!-- gate-user-parameters[^>]*-->\\s*```json\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertTrue(block.find(), "pipeline/README.md lost its user-parameters example");
        String filled = block.group(1)
                .replace("#{DeployPrimary.API_BASE_URL}", "https://abc123.execute-api.eu-west-1.amazonaws.com")
                .replace("#{DeployPrimary.STACK_REGION}", "eu-west-1");

        GateSettings settings = GateSettings.parse(filled);

        assertEquals("eu-west-1", settings.expectedRegion());
        assertEquals(3, settings.replication().orElseThrow().tables().size());
        assertEquals(Duration.ofSeconds(1200), settings.maxWait());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json at all                                                                  | user parameters are not valid JSON",
        "[1,2]                                                                            | user parameters must be a JSON object",
        "{\"apiBaseUrl\":\"https://a.example\",\"expectedRegion\":\"eu-west-1\"}          | stack is required",
        "{\"stack\":\"p\",\"apiBaseUrl\":\"ftp://a.example\",\"expectedRegion\":\"x\"}    | apiBaseUrl must be an http(s) URL with a host: ftp://a.example",
        "{\"stack\":\"p\",\"apiBaseUrl\":\"https://a.example\",\"expectedRegion\":\"x\",\"maxWaitSeconds\":1.5} | maxWaitSeconds must be a positive whole number",
        "{\"stack\":\"p\",\"apiBaseUrl\":\"https://a.example\",\"expectedRegion\":\"x\",\"replication\":{\"tables\":[],\"routes\":[]}} | replication.tables must be a non-empty array",
        "{\"stack\":\"p\",\"apiBaseUrl\":\"https://a.example\",\"expectedRegion\":\"x\",\"replication\":{\"tables\":[\"t\"],\"routes\":[{\"sourceRegion\":\"a\"}]}} | replication.routes[0].receivingRegion is required",
    })
    void invalidParametersSayWhatToFix(String json, String expectedMessage) {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> GateSettings.parse(json));
        assertTrue(e.getMessage().startsWith(expectedMessage), e.getMessage());
    }
}
