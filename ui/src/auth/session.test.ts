import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSession, saveSession, sessionFrom, type Session } from './session';

// A token as Cognito signs it: base64url without padding, UTF-8 claims. Only the payload is read here;
// the signature is the API's business (its JWT authorizer).
function idToken(claims: Record<string, unknown>): string {
  const base64url = (text: string) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(text)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  return `${base64url('{"alg":"RS256"}')}.${base64url(JSON.stringify(claims))}.signature`;
}

const answer = (token: string, refresh?: string) => ({ IdToken: token, AccessToken: 'access', RefreshToken: refresh, ExpiresIn: 3600 });

describe('session', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the claims of a base64url, UTF-8 token', () => {
    // "?>>" and "~~~" encode to "/" and "+" in plain base64, so the token holds "_" and "-".
    const name = 'Jürgen ?>> ~~~\nÖ';
    const token = idToken({ sub: 'sub-1', email: name, exp: 1_800_000_000 });
    expect(token.split('.')[1]).toMatch(/-/);
    expect(token.split('.')[1]).toMatch(/_/);

    expect(sessionFrom(answer(token, 'refresh-1'))).toEqual({
      idToken: token,
      refreshToken: 'refresh-1',
      expiresAt: 1_800_000_000_000,
      email: name,
      sub: 'sub-1',
    });
  });

  it('takes the expiry from ExpiresIn when the token has no numeric exp', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-06T10:00:00Z'));
    const token = idToken({ sub: 's', email: 'a@example.com', exp: '1800000000' });
    expect(sessionFrom(answer(token)).expiresAt).toBe(Date.parse('2026-12-06T11:00:00Z'));
  });

  it('keeps the refresh token it had when a refresh answer carries none, and the new one when it does', () => {
    const token = idToken({ sub: 's', email: 'a@example.com', exp: 1 });
    expect(sessionFrom(answer(token), 'kept').refreshToken).toBe('kept');
    expect(sessionFrom(answer(token, 'new'), 'kept').refreshToken).toBe('new');
    expect(sessionFrom(answer(token)).refreshToken).toBe('');
  });

  it('falls back to the user name, then to empty strings, for missing claims', () => {
    expect(sessionFrom(answer(idToken({ 'cognito:username': 'ann', exp: 1 }))).email).toBe('ann');
    const bare = sessionFrom(answer(idToken({ exp: 1 })));
    expect(bare.email).toBe('');
    expect(bare.sub).toBe('');
  });

  it('refuses a token without a payload', () => {
    expect(() => sessionFrom(answer('only-a-header'))).toThrow('Malformed token');
  });

  it('stores a session and forgets it', () => {
    const session: Session = { idToken: 'id', refreshToken: 'r', expiresAt: 5, email: 'a@example.com', sub: 's' };
    saveSession(localStorage, session);
    expect(loadSession(localStorage)).toEqual(session);

    saveSession(localStorage, null);
    expect(localStorage.getItem('bookstore.session')).toBeNull();
    expect(loadSession(localStorage)).toBeNull();
  });

  it('treats a stored session that is garbled or lacks a token as signed out', () => {
    const stored = (value: string) => {
      localStorage.setItem('bookstore.session', value);
      return loadSession(localStorage);
    };
    expect(stored('{not json')).toBeNull();
    expect(stored(JSON.stringify({ idToken: 'id', refreshToken: '' }))).toBeNull();
    expect(stored(JSON.stringify({ idToken: '', refreshToken: 'r' }))).toBeNull();
    expect(stored(JSON.stringify({ idToken: 'id', refreshToken: 'r' }))).toEqual({ idToken: 'id', refreshToken: 'r' });
  });
});
