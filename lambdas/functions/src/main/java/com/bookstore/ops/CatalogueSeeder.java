package com.bookstore.ops;

import com.bookstore.api.catalogue.Book;
import com.bookstore.api.catalogue.BookTable;
import com.bookstore.platform.AwsClients;
import com.bookstore.platform.AwsSettings;
import com.bookstore.platform.Environment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Loads the shipped catalogue into the Books table. Each book is a conditional put that only writes when
 * the book is missing or differs, so a second run writes nothing and says so; at the end every book is
 * read back before the seeder reports success.
 *
 * <p>Run: {@code BOOKS_TABLE=... AWS_REGION=... [AWS_ENDPOINT_URL=...] java -cp bookstore-functions.jar
 * com.bookstore.ops.CatalogueSeeder}
 */
public final class CatalogueSeeder {

    private static final List<String> FIELDS = List.of("name", "author", "category", "price", "rating");

    private final DynamoDbClient dynamo;
    private final String table;

    public CatalogueSeeder(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** What a seeding run did; {@code verified} counts the books read back afterwards. */
    public record Report(int total, int inserted, int updated, int unchanged, int verified) {
        @Override
        public String toString() {
            return "catalogue: " + total + " books, " + inserted + " inserted, " + updated + " updated, " + unchanged
                    + " unchanged, " + verified + " verified";
        }
    }

    public Report seed(List<Book> books) {
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        for (Book book : books) {
            Map<String, AttributeValue> item = item(book);
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            StringBuilder differs = new StringBuilder("attribute_not_exists(id)");
            for (String field : FIELDS) {
                names.put("#" + field, field);
                values.put(":" + field, item.get(field));
                differs.append(" OR #").append(field).append(" <> :").append(field);
            }
            try {
                var previous = dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression(differs.toString())
                        .expressionAttributeNames(names).expressionAttributeValues(values).returnValues(ReturnValue.ALL_OLD));
                if (previous.hasAttributes() && !previous.attributes().isEmpty()) {
                    updated++;
                } else {
                    inserted++;
                }
            } catch (ConditionalCheckFailedException same) {
                unchanged++;
            }
        }
        int verified = new BookTable(dynamo, table).findAll(books.stream().map(Book::id).toList()).size();
        if (verified != books.size()) {
            throw new IllegalStateException("seeded " + books.size() + " books but read back " + verified);
        }
        return new Report(books.size(), inserted, updated, unchanged, verified);
    }

    static Map<String, AttributeValue> item(Book book) {
        return Map.of("id", AttributeValue.fromS(book.id()),
                "name", AttributeValue.fromS(book.name()),
                "author", AttributeValue.fromS(book.author()),
                "category", AttributeValue.fromS(book.category()),
                "price", AttributeValue.fromN(book.price().toPlainString()),
                "rating", AttributeValue.fromN(Integer.toString(book.rating())));
    }

    public static void main(String[] args) {
        try (var dynamo = AwsClients.dynamoDb(AwsSettings.from(System.getenv()))) {
            System.out.println(new CatalogueSeeder(dynamo, Environment.required("BOOKS_TABLE")).seed(CatalogueFile.books()));
        }
    }
}
