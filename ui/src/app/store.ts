import { combineReducers, configureStore } from '@reduxjs/toolkit';
import { api } from '../api/apiSlice';
import { authSlice } from '../auth/authSlice';
import { loadSession, saveSession } from '../auth/session';
import type { RuntimeConfig } from '../config/runtimeConfig';
import { regionSlice } from '../region/regionSlice';

export function createAppStore(config: RuntimeConfig, storage: Storage) {
  const rootReducer = combineReducers({
    config: (state: RuntimeConfig = config) => state,
    auth: authSlice.reducer,
    region: regionSlice.reducer,
    [api.reducerPath]: api.reducer,
  });
  const store = configureStore({
    reducer: rootReducer,
    preloadedState: { auth: { session: loadSession(storage) } },
    middleware: (getDefault) => getDefault().concat(api.middleware),
  });

  // Keep the stored session in step with the store (sign in, refresh, sign out).
  let lastSession = store.getState().auth.session;
  store.subscribe(() => {
    const { session } = store.getState().auth;
    if (session === lastSession) return;
    const shopperChanged = session?.sub !== lastSession?.sub;
    lastSession = session;
    saveSession(storage, session);
    // Another shopper's cart and orders must never stay in the cache.
    if (shopperChanged) store.dispatch(api.util.invalidateTags(['Cart', 'Orders']));
  });
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;
export type RootState = ReturnType<AppStore['getState']>;
export type AppDispatch = AppStore['dispatch'];
