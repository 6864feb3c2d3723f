package com.bookstore.ops.catalogue;

/**
 * The Books table as the primary stack names it in its {@code booksTableArn} output: the ARN carries both the
 * region and the table name, so the seeding command cannot be pointed at a table in one region and a client in
 * another.
 */
public record BooksTable(String region, String name) {

    /** {@code arn:aws:dynamodb:<region>:<account>:table/<name>}. */
    public static BooksTable fromArn(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("dynamodb")
                || !parts[3].matches("[a-z]{2}(-[a-z]+)+-\\d") || !parts[5].matches("table/[A-Za-z0-9_.-]{3,255}")) {
            throw new IllegalArgumentException("--table-arn is not a DynamoDB table ARN (arn:aws:dynamodb:<region>:"
                    + "<account>:table/<name>): '" + arn + "'");
        }
        return new BooksTable(parts[3], parts[5].substring("table/".length()));
    }
}
