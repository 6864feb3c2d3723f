import type { AuthenticationResult } from './cognitoClient';

// The signed-in shopper as the UI needs it. The id token is what the API receives: its `aud` is the
// app client id, which is the audience the HTTP API's JWT authorizer is configured with.
export interface Session {
  idToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the id token expires. */
  expiresAt: number;
  email: string;
  sub: string;
}

const STORAGE_KEY = 'bookstore.session';

function decodeClaims(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1];
  if (!payload) throw new Error('Malformed token');
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(
    Array.from(atob(base64), (char) => '%' + char.charCodeAt(0).toString(16).padStart(2, '0')).join(''),
  );
  return JSON.parse(json) as Record<string, unknown>;
}

/** Builds a session from Cognito's answer; a refresh answer carries no new refresh token. */
export function sessionFrom(result: AuthenticationResult, refreshToken?: string): Session {
  const claims = decodeClaims(result.IdToken);
  const expiresAt =
    typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + result.ExpiresIn * 1000;
  return {
    idToken: result.IdToken,
    refreshToken: result.RefreshToken ?? refreshToken ?? '',
    expiresAt,
    email: String(claims.email ?? claims['cognito:username'] ?? ''),
    sub: String(claims.sub ?? ''),
  };
}

// localStorage so that a reload or a new tab stays signed in; the tokens are bearer tokens either
// way, and the site serves no third-party script that could read them.
export function loadSession(storage: Storage): Session | null {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    return session.idToken && session.refreshToken ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(storage: Storage, session: Session | null): void {
  if (session) storage.setItem(STORAGE_KEY, JSON.stringify(session));
  else storage.removeItem(STORAGE_KEY);
}
