package com.bookstore.local.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.local.aws.LocalAws;
import com.bookstore.engines.MotoServer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** LocalFailover as drill.sh starts it: from its environment, with its control endpoint. */
class LocalFailoverTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(String method, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void createTable(DynamoDbClient dynamoDb, String name) {
        dynamoDb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(d -> d.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
    }

    private JsonObject replication(URI control) throws Exception {
        return JsonParser.parseString(call("GET", control.resolve("/status")).body()).getAsJsonObject().getAsJsonObject("replication");
    }

    private long primaryPolls(URI control) throws Exception {
        JsonObject polls = replication(control).getAsJsonObject("polls");
        return polls.has("eu-west-1") ? polls.get("eu-west-1").getAsLong() : 0;
    }

    @Test
    void theControlEndpointCutsAndRestoresARegionsReplicationAndReportsTheFrontDoor() throws Exception {
        try (MotoServer moto = MotoServer.start();
             RegionServer primaryGateway = new RegionServer("eu-west-1");
             RegionServer secondaryGateway = new RegionServer("ap-southeast-1")) {
            DynamoDbClient primary = new LocalAws(moto.endpoint(), "eu-west-1").dynamoDb();
            DynamoDbClient secondary = new LocalAws(moto.endpoint(), "ap-southeast-1").dynamoDb();
            for (String table : List.of("b", "c", "o")) {
                createTable(primary, table);
                createTable(secondary, table);
            }
            Map<String, String> env = Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString(),
                    "PRIMARY_REGION", "eu-west-1", "SECONDARY_REGION", "ap-southeast-1",
                    "PRIMARY_URL", primaryGateway.baseUri().toString(), "SECONDARY_URL", secondaryGateway.baseUri().toString(),
                    "BOOKS_TABLE", "b", "CART_TABLE", "c", "ORDERS_TABLE", "o",
                    "REPLICATION_DELAY_MS", "0", "FRONT_DOOR_PORT", "0");
            ByteArrayOutputStream logged = new ByteArrayOutputStream();
            try (LocalFailover failover = LocalFailover.start(env, new PrintStream(logged, true, StandardCharsets.UTF_8))) {
                URI control = URI.create("http://127.0.0.1:" + failover.controlPort());

                assertEquals(200, call("POST", control.resolve("/replication/eu-west-1/isolate")).statusCode());
                primary.putItem(b -> b.tableName("o").item(Map.of("id", AttributeValue.fromS("while-cut"))));
                // the primary's poller has come round twice since the write: it would have read it by now
                long polled = primaryPolls(control);
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (primaryPolls(control) < polled + 2 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertTrue(primaryPolls(control) >= polled + 2, "the primary's poller stopped");
                assertEquals(0, replication(control).get("observed").getAsInt(), "the isolated primary's stream was read");
                assertTrue(secondary.getItem(b -> b.tableName("o").key(Map.of("id", AttributeValue.fromS("while-cut")))).item().isEmpty());

                assertEquals(200, call("POST", control.resolve("/replication/eu-west-1/reconnect")).statusCode());
                deadline = System.nanoTime() + 10_000_000_000L;
                while (secondary.getItem(b -> b.tableName("o").key(Map.of("id", AttributeValue.fromS("while-cut")))).item().isEmpty()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertTrue(secondary.getItem(b -> b.tableName("o").key(Map.of("id", AttributeValue.fromS("while-cut")))).item().containsKey("id"));

                assertEquals(404, call("POST", control.resolve("/replication/us-east-1/isolate")).statusCode());
                JsonObject status = JsonParser.parseString(call("GET", control.resolve("/status")).body()).getAsJsonObject();
                assertEquals("primary", status.get("frontDoorTarget").getAsString());
                assertEquals(1, status.getAsJsonObject("replication").get("applied").getAsInt());
                HttpResponse<String> viaFrontDoor = call("GET", URI.create("http://127.0.0.1:" + failover.frontDoorPort() + "/api/books"));
                assertEquals("eu-west-1", viaFrontDoor.headers().firstValue("X-Bookstore-Region").orElseThrow());
            }
        }
    }
}
