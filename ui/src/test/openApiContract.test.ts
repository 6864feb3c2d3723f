import { describe, expect, it } from 'vitest';
import { FakeBackend, json, takeContractViolations } from './fakeBackend';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDocument, requestProblems, responseProblems } from './openApiContract';

const LINE = { bookId: 'b-1', name: 'Spaghetti', author: 'Richard Labadie', quantity: 2, unitPrice: 20.99, lineTotal: 41.98 };
const ORDER = {
  orderId: `ord-${'a'.repeat(32)}`,
  createdAt: '2026-11-27T20:00:00.123456Z',
  status: 'PLACED',
  items: [LINE],
  itemCount: 2,
  total: 41.98,
  region: 'eu-west-1',
};

describe('the fake backend is held to openapi.yaml', () => {
  it('accepts an answer the document allows', () => {
    expect(responseProblems('GET', `/orders/${ORDER.orderId}`, 200, ORDER)).toEqual([]);
  });

  it('names the field and the schema rule an invented order line breaks', () => {
    // The shape the storefront's old mapper expected: `price` where the API sends unitPrice and lineTotal.
    const invented = { ...ORDER, items: [{ bookId: 'b-1', name: 'Spaghetti', quantity: 2, price: 20.99 }] };
    const [problem] = responseProblems('GET', `/orders/${ORDER.orderId}`, 200, invented);
    expect(problem).toContain("GET /orders/{orderId} 200: /items/0 must have required property 'author'");
    expect(problem).toContain("/items/0 must have required property 'unitPrice'");
    expect(problem).toContain('(openapi.yaml#/components/schemas/OrderLine/required)');
  });

  it('refuses a status the operation does not declare, and a body where there is none', () => {
    expect(responseProblems('DELETE', '/cart/b-1', 204, null)).toEqual([
      'DELETE /cart/{bookId} does not declare status 204 (declared: 200, 401, 429, 503)',
    ]);
  });

  it('reads null where the document allows it and nowhere else', () => {
    const fallback = { items: [{ book: { id: 'b', name: 'n', author: 'a', category: 'c', price: 1, rating: 4, cover: '/c.svg' }, sold: null }], stale: true };
    expect(responseProblems('GET', '/bestsellers', 200, fallback)).toEqual([]);
    expect(responseProblems('GET', '/books', 200, { items: [], nextCursor: null })).toEqual([]);
    expect(responseProblems('GET', '/books', 200, { items: [], nextCursor: '' })).not.toEqual([]);
    expect(responseProblems('GET', '/bestsellers', 200, { ...fallback, stale: null })[0]).toContain('/stale must be boolean');
  });

  it('checks what the storefront sends: operation, token, parameters and body', () => {
    const url = (path: string) => new URL(`http://api.test/api${path}`);
    const bearer = new Headers({ Authorization: 'Bearer t' });
    expect(requestProblems('POST', url('/cart'), '/cart', bearer, { bookId: 'b-1', quantity: 1 })).toEqual([]);
    expect(requestProblems('POST', url('/cart'), '/cart', bearer, { bookId: 'b-1', quantity: 0 })).toEqual([
      'POST /cart request body: /quantity must be >= 1 (openapi.yaml#/components/schemas/CartLineInput/properties/quantity/minimum)',
    ]);
    expect(requestProblems('POST', url('/cart'), '/cart', new Headers(), { bookId: 'b-1', quantity: 1 })).toEqual([
      'POST /cart needs a bearer token and was sent without one',
    ]);
    expect(requestProblems('GET', url('/books?limit=500'), '/books', new Headers(), undefined)[0]).toMatch(
      /^GET \/books: query parameter limit="500" must be <= 100/,
    );
    expect(requestProblems('POST', url('/orders'), '/orders', bearer, {})).toEqual([
      'POST /orders: required header parameter Idempotency-Key is missing',
      'POST /orders takes no request body, and one was sent',
    ]);
    expect(requestProblems('GET', url('/wishlist'), '/wishlist', bearer, undefined)).toEqual([
      'the storefront called GET /wishlist, which is not an operation of openapi.yaml',
    ]);
  });

  it('records a violating fake answer, which fails the test that served it', async () => {
    const backend = new FakeBackend().install();
    backend.api('GET', '/region', () => json(200, { region: 'eu-west-1', role: 'leader' }));
    await fetch('http://api.test/api/region');
    expect(takeContractViolations()).toEqual([
      'fake answer: GET /region 200: /role must be equal to one of the allowed values ["primary","secondary"] (openapi.yaml#/components/schemas/Region/properties/role/enum)',
    ]);
  });

  it('reads the repository\'s one document also from a copy of ui/ nested in it (Stryker\'s sandbox)', () => {
    const ui = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const document = path.join(path.dirname(ui), 'lambdas/api-contract/src/main/resources/openapi.yaml');
    expect(findDocument(path.join(ui, 'src/test'))).toBe(document);
    expect(findDocument(path.join(ui, '.stryker-tmp/sandbox-a1b2/src/test'))).toBe(document);
    expect(() => findDocument(path.parse(ui).root)).toThrow('lambdas/api-contract/src/main/resources/openapi.yaml not found');
  });
});
