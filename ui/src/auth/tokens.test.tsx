import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cognitoTokens, FakeBackend, json, networkFailure, TEST_CONFIG } from '../test/fakeBackend';
import { renderApp, SHOPPER, signedInSession } from '../test/renderApp';
import { createAppStore } from '../app/store';
import { obtainIdToken, REFRESH_MARGIN_MS } from './authSlice';
import { loadSession, saveSession, type Session } from './session';

const ORDERS = { items: [] };

describe('tokens', () => {
  let backend: FakeBackend;
  beforeEach(() => {
    backend = new FakeBackend().withQuietHome().install();
    backend.api('GET', '/orders', () => json(200, ORDERS));
    backend.api('GET', '/cart', () => json(200, { items: [], total: 0 }));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('refreshes an id token that is about to expire before calling the API, and sends the new one', async () => {
    const expiring = signedInSession(REFRESH_MARGIN_MS / 1000 / 2);
    const fresh = cognitoTokens(SHOPPER.sub, SHOPPER.email, 3600);
    backend.cognito('InitiateAuth', () => json(200, fresh));

    renderApp('/orders', { session: expiring });
    expect(await screen.findByTestId('orders-empty')).toBeInTheDocument();

    const refresh = backend.requests.find((r) => r.headers.get('X-Amz-Target')?.endsWith('InitiateAuth'));
    expect(refresh?.body).toEqual({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: 'test-client',
      AuthParameters: { REFRESH_TOKEN: expiring.refreshToken },
    });
    expect(backend.calls('GET', '/orders')[0]?.headers.get('Authorization')).toBe(`Bearer ${fresh.AuthenticationResult.IdToken}`);
    // The refresh answer has no refresh token: the stored session keeps the old one.
    expect(loadSession(localStorage)).toMatchObject({ idToken: fresh.AuthenticationResult.IdToken, refreshToken: expiring.refreshToken });
  });

  it('does not refresh a token with time to spare', async () => {
    const session = signedInSession(3600);
    renderApp('/orders', { session });
    expect(await screen.findByTestId('orders-empty')).toBeInTheDocument();
    expect(backend.requests.filter((r) => r.url.host === 'cognito.test')).toHaveLength(0);
    expect(backend.calls('GET', '/orders')[0]?.headers.get('Authorization')).toBe(`Bearer ${session.idToken}`);
  });

  it('retries once with a refreshed token when the API rejects the current one', async () => {
    const session = signedInSession(3600);
    const fresh = cognitoTokens(SHOPPER.sub, SHOPPER.email, 7200); // a different token from the stored one
    backend.cognito('InitiateAuth', () => json(200, fresh));
    backend.api('GET', '/orders', (request) =>
      request.headers.get('Authorization') === `Bearer ${session.idToken}`
        ? json(401, { error: 'unauthorized', message: 'token revoked' })
        : json(200, ORDERS),
    );
    renderApp('/orders', { session });
    expect(await screen.findByTestId('orders-empty')).toBeInTheDocument();
    const sent = backend.calls('GET', '/orders').map((r) => r.headers.get('Authorization'));
    expect(sent).toEqual([`Bearer ${session.idToken}`, `Bearer ${fresh.AuthenticationResult.IdToken}`]);
  });

  it('signs the shopper out when the refresh token is no longer accepted', async () => {
    backend.cognito('InitiateAuth', () => json(400, { __type: 'NotAuthorizedException', message: 'Refresh Token has expired' }));
    const { router } = renderApp('/orders', { session: signedInSession(1) });
    await screen.findByTestId('nav-sign-in');
    await waitFor(() => expect(router.state.location.pathname).toBe('/signin'));
    expect(loadSession(localStorage)).toBeNull();
  });

  it('shares one refresh between requests that find the token stale at the same time', async () => {
    backend.cognito('InitiateAuth', () => json(200, cognitoTokens(SHOPPER.sub, SHOPPER.email, 3600)));
    const store = createAppStore(TEST_CONFIG, saveAndReturn(signedInSession(1)));

    const tokens = await Promise.all([store.dispatch(obtainIdToken()), store.dispatch(obtainIdToken())]);

    expect(backend.requests.filter((r) => r.url.host === 'cognito.test')).toHaveLength(1);
    expect(tokens[0]).toBe(tokens[1]);
    expect(tokens[0]).toBe(store.getState().auth.session?.idToken);
  });
  it('refreshes a token that expires within the margin, to the millisecond', async () => {
    const now = Date.parse('2026-12-06T10:00:00Z');
    vi.spyOn(Date, 'now').mockReturnValue(now);
    const fresh = cognitoTokens(SHOPPER.sub, SHOPPER.email, 3600);
    backend.cognito('InitiateAuth', () => json(200, fresh));

    const spare = { ...signedInSession(), expiresAt: now + REFRESH_MARGIN_MS + 1 };
    expect(await createAppStore(TEST_CONFIG, saveAndReturn(spare)).dispatch(obtainIdToken())).toBe(spare.idToken);
    expect(backend.requests.filter((r) => r.url.host === 'cognito.test')).toHaveLength(0);

    const due = { ...signedInSession(), expiresAt: now + REFRESH_MARGIN_MS };
    expect(await createAppStore(TEST_CONFIG, saveAndReturn(due)).dispatch(obtainIdToken())).toBe(fresh.AuthenticationResult.IdToken);
    expect(backend.requests.filter((r) => r.url.host === 'cognito.test')).toHaveLength(1);
  });

  it('keeps the session while Cognito cannot be reached, sending the token as long as it is valid', async () => {
    backend.cognito('InitiateAuth', networkFailure);
    const now = Date.now();
    const valid = { ...signedInSession(), expiresAt: now + 30_000 };
    const store = createAppStore(TEST_CONFIG, saveAndReturn(valid));
    expect(await store.dispatch(obtainIdToken())).toBe(valid.idToken);
    expect(store.getState().auth.session).toEqual(valid);

    vi.spyOn(Date, 'now').mockReturnValue(now);
    const expired = { ...valid, expiresAt: now }; // expired at this very millisecond
    const later = createAppStore(TEST_CONFIG, saveAndReturn(expired));
    expect(await later.dispatch(obtainIdToken())).toBeNull();
    expect(later.getState().auth.session).toEqual(expired); // still signed in: the refresh is tried again next time
  });

  it('forces a refresh of a token with time to spare when the API has rejected it', async () => {
    const fresh = cognitoTokens(SHOPPER.sub, SHOPPER.email, 7200);
    backend.cognito('InitiateAuth', () => json(200, fresh));
    const store = createAppStore(TEST_CONFIG, saveAndReturn(signedInSession(3600)));
    expect(await store.dispatch(obtainIdToken({ forceRefresh: true }))).toBe(fresh.AuthenticationResult.IdToken);
  });

  it('has no token for a shopper who is signed out', async () => {
    expect(await createAppStore(TEST_CONFIG, localStorage).dispatch(obtainIdToken())).toBeNull();
    expect(backend.requests).toHaveLength(0);
  });
});

function saveAndReturn(session: Session): Storage {
  saveSession(localStorage, session);
  return localStorage;
}
