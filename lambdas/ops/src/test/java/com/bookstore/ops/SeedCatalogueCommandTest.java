package com.bookstore.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.ops.aws.RegionalClients;
import com.bookstore.engines.MotoExtension;
import com.bookstore.platform.TableNames;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code bookstore-ops seed-catalogue} against a real moto server: the deployed stacks' catalogue step. */
class SeedCatalogueCommandTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return OpsCommand.seedCatalogue(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new RegionalClients(MOTO.endpoint()));
    }

    @Test
    void seedsTheTableTheArnNamesInItsRegionAndASecondRunWritesNothing() {
        String prefix = "seed" + System.nanoTime();
        try (DynamoDbClient dynamo = new RegionalClients(MOTO.endpoint()).dynamoDb("eu-west-1")) {
            new TableSetup(dynamo).ensure(TableNames.withPrefix(prefix + "-"));
        }
        String arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/" + prefix + "-books";

        assertEquals(0, run("seed-catalogue", "--table-arn", arn), err.toString(StandardCharsets.UTF_8));
        assertEquals(0, run("seed-catalogue", "--table-arn", arn), err.toString(StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("loading " + prefix + "-books in eu-west-1"), printed);
        assertTrue(printed.contains("catalogue: 56 books, 56 inserted, 0 updated, 0 unchanged, 56 verified"), printed);
        assertTrue(printed.contains("catalogue: 56 books, 0 inserted, 0 updated, 56 unchanged, 56 verified"), printed);
    }

    @Test
    void aTableInAnotherRegionIsNotFoundThereAndTheCommandFails() {
        String prefix = "elsewhere" + System.nanoTime();
        try (DynamoDbClient dynamo = new RegionalClients(MOTO.endpoint()).dynamoDb("eu-west-1")) {
            new TableSetup(dynamo).ensure(TableNames.withPrefix(prefix + "-"));
        }

        int exit = run("seed-catalogue", "--table-arn", "arn:aws:dynamodb:ap-southeast-1:123456789012:table/" + prefix + "-books");

        assertEquals(1, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("seed-catalogue: "), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aWrongOrMissingArnIsACommandLineError() {
        assertEquals(2, run("seed-catalogue"));
        assertEquals(2, run("seed-catalogue", "--table-arn", "bookstore-books"));
        assertEquals(2, run("seed-catalogue", "--table", "bookstore-books"));

        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("missing --table-arn"), printed);
        assertTrue(printed.contains("--table-arn is not a DynamoDB table ARN"), printed);
        assertTrue(printed.contains("unknown option --table for seed-catalogue"), printed);
    }
}
