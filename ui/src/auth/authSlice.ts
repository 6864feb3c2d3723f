import { createSlice, type PayloadAction, type ThunkAction, type UnknownAction } from '@reduxjs/toolkit';
import type { RuntimeConfig } from '../config/runtimeConfig';
import { CognitoError, createCognitoClient, type CodeDeliveryDetails } from './cognitoClient';
import { sessionFrom, type Session } from './session';

/** Refresh this long before the id token expires, so no request ever carries an expired token. */
export const REFRESH_MARGIN_MS = 60_000;

export interface AuthState {
  session: Session | null;
}

export const authSlice = createSlice({
  name: 'auth',
  initialState: { session: null } as AuthState,
  reducers: {
    sessionStarted(state, action: PayloadAction<Session>) {
      state.session = action.payload;
    },
    signedOut(state) {
      state.session = null;
    },
  },
  selectors: {
    selectSession: (state) => state.session,
    selectIsSignedIn: (state) => state.session !== null,
  },
});

export const { sessionStarted, signedOut } = authSlice.actions;
export const { selectSession, selectIsSignedIn } = authSlice.selectors;

interface AuthRootState {
  auth: AuthState;
  config: RuntimeConfig;
}
type AuthThunk<R> = ThunkAction<R, AuthRootState, unknown, UnknownAction>;

export function signIn(email: string, password: string): AuthThunk<Promise<Session>> {
  return async (dispatch, getState) => {
    const result = await createCognitoClient(getState().config.cognito).signIn(email, password);
    const session = sessionFrom(result);
    dispatch(sessionStarted(session));
    return session;
  };
}

/**
 * Signs out here and at Cognito: the session is forgotten at once, then its refresh token is revoked so a copy
 * taken from this browser stops working (docs/ui.md#where-the-tokens-live). A failed revocation (Cognito
 * unreachable) still leaves the shopper signed out here; the token then lapses at its validity.
 */
export function signOut(): AuthThunk<Promise<void>> {
  return async (dispatch, getState) => {
    const { session } = getState().auth;
    dispatch(signedOut());
    if (!session?.refreshToken) return;
    try {
      await createCognitoClient(getState().config.cognito).revokeToken(session.refreshToken);
    } catch {
      // best effort: nothing more the shopper can do
    }
  };
}

export function signUp(email: string, password: string): AuthThunk<Promise<void>> {
  return (_dispatch, getState) => createCognitoClient(getState().config.cognito).signUp(email, password);
}

export function confirmSignUp(email: string, code: string): AuthThunk<Promise<void>> {
  return (_dispatch, getState) => createCognitoClient(getState().config.cognito).confirmSignUp(email, code);
}

export function resendConfirmationCode(email: string): AuthThunk<Promise<CodeDeliveryDetails>> {
  return (_dispatch, getState) => createCognitoClient(getState().config.cognito).resendConfirmationCode(email);
}

// Several queries may find the token stale at once; they share one refresh call per refresh token.
const refreshesInFlight = new Map<string, Promise<Session>>();

/**
 * The id token to send as `Authorization: Bearer`, refreshed first when it expires within
 * REFRESH_MARGIN_MS (or when the API has just rejected it: `forceRefresh`). Null when signed out.
 */
export function obtainIdToken(options: { forceRefresh?: boolean } = {}): AuthThunk<Promise<string | null>> {
  return async (dispatch, getState) => {
    const { session } = getState().auth;
    if (!session) return null;
    if (!options.forceRefresh && session.expiresAt - Date.now() > REFRESH_MARGIN_MS) return session.idToken;

    let refresh = refreshesInFlight.get(session.refreshToken);
    if (!refresh) {
      refresh = createCognitoClient(getState().config.cognito)
        .refresh(session.refreshToken)
        .then((result) => sessionFrom(result, session.refreshToken))
        .finally(() => refreshesInFlight.delete(session.refreshToken));
      refreshesInFlight.set(session.refreshToken, refresh);
    }
    try {
      const refreshed = await refresh;
      dispatch(sessionStarted(refreshed));
      return refreshed.idToken;
    } catch (error) {
      if (error instanceof CognitoError && error.code === 'network') {
        // Cognito unreachable (its region may be down): keep the session, use the token while it lasts.
        return session.expiresAt > Date.now() ? session.idToken : null;
      }
      dispatch(signedOut()); // refresh token revoked or expired: the shopper must sign in again
      return null;
    }
  };
}
