import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Provider } from 'react-redux';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../app/store';
import { cognitoTokens, FakeBackend, json, TEST_CONFIG } from '../test/fakeBackend';
import { SHOPPER, signedInSession } from '../test/renderApp';
import { REFRESH_MARGIN_MS } from './authSlice';
import { saveSession, type Session } from './session';
import { useSessionKeepAlive } from './useSessionKeepAlive';

// An idle tab: nothing calls the API, yet the tokens are renewed a margin before the id token expires.
describe('session keep-alive', () => {
  let backend: FakeBackend;
  // Another lifetime than signedInSession()'s, so the refreshed id token differs from the stored one.
  const fresh = cognitoTokens(SHOPPER.sub, SHOPPER.email, 7200);
  const refreshes = () => backend.requests.filter((r) => r.url.host === 'cognito.test').length;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    backend = new FakeBackend().install();
    backend.cognito('InitiateAuth', () => json(200, fresh));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function keepAlive(session: Session | null) {
    saveSession(localStorage, session);
    const store = createAppStore(TEST_CONFIG, localStorage);
    const wrapper = ({ children }: { children: ReactNode }) => <Provider store={store}>{children}</Provider>;
    return { store, ...renderHook(() => useSessionKeepAlive(), { wrapper }) };
  }

  it('refreshes the margin before expiry, not a millisecond earlier', async () => {
    const { store } = keepAlive({ ...signedInSession(), expiresAt: Date.now() + REFRESH_MARGIN_MS + 10_000 });

    await vi.advanceTimersByTimeAsync(9_999);
    expect(refreshes()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(store.getState().auth.session?.idToken).toBe(fresh.AuthenticationResult.IdToken));
    expect(refreshes()).toBe(1);
  });

  it('waits again for the refreshed token, the margin before its own expiry', async () => {
    const { store } = keepAlive({ ...signedInSession(), expiresAt: Date.now() + REFRESH_MARGIN_MS });
    await vi.waitFor(() => expect(store.getState().auth.session?.idToken).toBe(fresh.AuthenticationResult.IdToken));
    const renewedExpiry = store.getState().auth.session?.expiresAt ?? 0;

    await vi.advanceTimersByTimeAsync(renewedExpiry - Date.now() - REFRESH_MARGIN_MS - 1);
    expect(refreshes()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(refreshes()).toBe(2));
  });

  it('refreshes at once a token already within the margin', async () => {
    const { store } = keepAlive({ ...signedInSession(), expiresAt: Date.now() + 1_000 });
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(store.getState().auth.session?.idToken).toBe(fresh.AuthenticationResult.IdToken));
  });

  it('stops waiting when the page goes, and never waits for a shopper who is signed out', async () => {
    const { unmount } = keepAlive({ ...signedInSession(), expiresAt: Date.now() + REFRESH_MARGIN_MS + 10_000 });
    unmount();
    keepAlive(null);
    await vi.advanceTimersByTimeAsync(REFRESH_MARGIN_MS + 20_000);
    expect(refreshes()).toBe(0);
  });
});
