package com.bookstore.local.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.bookstore.engines.MotoServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;

/**
 * The local AWS as every harness and the local mode start it (scripts/moto/atomic_moto_server.py): one
 * request at a time, yet never held up by a client that stalls. The rollback side is tested where it
 * matters, by the stream readers (TableReplicatorTest, BestSellerStreamingTest).
 */
class AtomicMotoServerTest {

    private static MotoServer moto;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start();
    }

    @AfterAll
    static void stopMoto() throws Exception {
        moto.close();
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    /**
     * A client thread interrupted after it sent its headers (an executor's shutdownNow does that) never sends
     * the body. If the server waited for it while holding its one-request lock, nobody else would get an
     * answer: that once hung a test run for minutes.
     */
    @Test
    void aClientThatStallsMidRequestDoesNotHoldUpTheOthers() throws Exception {
        try (Socket stalled = new Socket(moto.endpoint().getHost(), moto.endpoint().getPort());
             DynamoDbClient dynamoDb = new LocalAws(moto.endpoint(), MotoServer.REGION).dynamoDb()) {
            OutputStream out = stalled.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: dynamodb." + MotoServer.REGION + ".amazonaws.com\r\n"
                    + "Content-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
                    + "Expect: 100-continue\r\nContent-Length: 100\r\n\r\n{\"Lim").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The server answers "100 Continue" as it hands the request to moto, which then reads the body:
            // from here on it waits for the rest of a body that never comes.
            stalled.setSoTimeout(10_000);
            assertEquals("HTTP/1.1 100 Continue", firstLine(stalled.getInputStream()));

            ListTablesResponse answer = CompletableFuture.supplyAsync(dynamoDb::listTables).get(10, TimeUnit.SECONDS);

            assertNotNull(answer.tableNames(), "another client's request must be answered while one stalls");
        }
    }
}
