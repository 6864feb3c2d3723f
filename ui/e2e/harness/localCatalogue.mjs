/**
 * The local bookstore's catalogue table, written the way an operator's price change would be: one
 * DynamoDB UpdateItem against the local moto server the bookstore runs on (its port from the launcher's
 * output). moto checks no signature, so a well-formed but unsigned Authorization header is enough.
 */
export class LocalCatalogue {
  constructor(motoPort, { table = 'bookstore-books', region = 'eu-west-1' } = {}) {
    this.endpoint = `http://127.0.0.1:${motoPort}/`;
    this.table = table;
    this.region = region;
  }

  async setPrice(bookId, price) {
    await this.call('UpdateItem', {
      TableName: this.table,
      Key: { id: { S: bookId } },
      UpdateExpression: 'SET price = :price',
      ConditionExpression: 'attribute_exists(id)',
      ExpressionAttributeValues: { ':price': { N: String(price) } },
    });
  }

  async call(operation, body) {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Target': `DynamoDB_20120810.${operation}`,
        Authorization: `AWS4-HMAC-SHA256 Credential=local/20260101/${this.region}/dynamodb/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`DynamoDB ${operation}: ${response.status} ${text}`);
    return JSON.parse(text);
  }
}
