import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../app/store';
import { saveSession } from '../auth/session';
import { book, cartOf } from '../test/apiFixtures';
import { cognitoTokens, FakeBackend, json, takeContractViolations, TEST_CONFIG } from '../test/fakeBackend';
import { SHOPPER, signedInSession } from '../test/renderApp';
import { api, asApiError } from './apiSlice';

// The storefront's one way to the API (bookstoreBaseQuery), driven through the store as the pages drive it.
describe('API transport', () => {
  let backend: FakeBackend;
  const EMPTY_CART = cartOf([]);

  beforeEach(() => {
    backend = new FakeBackend().install();
  });

  function store(signedIn = true) {
    if (signedIn) saveSession(localStorage, signedInSession());
    return createAppStore(TEST_CONFIG, localStorage);
  }

  it('asks for JSON, and says it sends JSON only when it sends a body', async () => {
    backend.api('GET', '/region', () => json(200, { region: 'eu-west-1', role: 'primary' }));
    backend.api('POST', '/cart', () => json(200, cartOf([{ book: book('b-1'), quantity: 1 }])));
    const shop = store();

    await shop.dispatch(api.endpoints.getRegion.initiate());
    await shop.dispatch(api.endpoints.addToCart.initiate({ bookId: 'b-1', quantity: 1 }));

    const [read] = backend.calls('GET', '/region');
    expect(read?.headers.get('Accept')).toBe('application/json');
    expect(read?.headers.has('Content-Type')).toBe(false);
    const [write] = backend.calls('POST', '/cart');
    expect(write?.headers.get('Content-Type')).toBe('application/json');
    expect(write?.body).toEqual({ bookId: 'b-1', quantity: 1 });
  });

  it('lists books without the parameters it was not given', async () => {
    backend.api('GET', '/books', () => json(200, { items: [], nextCursor: null }));
    await store(false).dispatch(api.endpoints.listBooks.initiate({}));
    expect(backend.calls('GET', '/books')[0]?.url.search).toBe('');
  });

  it('signs the shopper out when the retried request is refused too', async () => {
    backend.cognito('InitiateAuth', () => json(200, cognitoTokens(SHOPPER.sub, SHOPPER.email, 7200)));
    backend.api('GET', '/cart', () => json(401, { message: 'Unauthorized' }));
    const shop = store();

    const result = await shop.dispatch(api.endpoints.getCart.initiate());

    expect(backend.calls('GET', '/cart')).toHaveLength(2);
    expect(result.error).toEqual({ kind: 'unauthorized', message: 'Unauthorized' });
    expect(shop.getState().auth.session).toBeNull();
  });

  it('answers "not signed in" without calling the API when there is no token', async () => {
    const result = await store(false).dispatch(api.endpoints.getCart.initiate());
    expect(result.error).toEqual({ kind: 'unauthorized', message: 'Not signed in' });
    expect(backend.requests).toHaveLength(0);
  });

  it('keeps an error body only when its message is text (a proxy in front of the API may answer anything)', async () => {
    backend.api('GET', '/cart', () => json(500, { error: 'internal', message: 42 }));
    const result = await store().dispatch(api.endpoints.getCart.initiate());
    expect(result.error).toEqual({ kind: 'http', status: 500, code: 'error', message: 'HTTP 500' });
    expect(takeContractViolations()).toHaveLength(1); // not the API's Error on purpose
  });

  it('reads the shop as it answered when nothing failed', async () => {
    backend.api('GET', '/cart', () => json(200, EMPTY_CART));
    expect((await store().dispatch(api.endpoints.getCart.initiate())).data).toEqual(EMPTY_CART);
  });
});

describe('asApiError', () => {
  it('keeps an ApiError, and turns anything else thrown into a network error with its message', () => {
    expect(asApiError(undefined)).toBeNull();
    expect(asApiError({ kind: 'notFound', message: 'gone' })).toEqual({ kind: 'notFound', message: 'gone' });
    expect(asApiError(new Error('aborted'))).toEqual({ kind: 'network', message: 'aborted' });
    expect(asApiError('offline')).toEqual({ kind: 'network', message: 'offline' });
  });
});
