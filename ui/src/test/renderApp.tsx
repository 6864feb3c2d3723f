import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../app/AppProviders';
import { routes } from '../app/routes';
import { createAppStore } from '../app/store';
import { saveSession, type Session } from '../auth/session';
import type { RuntimeConfig } from '../config/runtimeConfig';
import type { Language } from '../i18n/i18n';
import { fakeIdToken, TEST_CONFIG } from './fakeBackend';

export const SHOPPER = { sub: 'shopper-1', email: 'reader@example.com' };

/** A stored session as a previous sign-in would have left it; lifetime in seconds from now. */
export function signedInSession(lifetimeSeconds = 3600, shopper = SHOPPER): Session {
  const exp = Math.floor(Date.now() / 1000) + lifetimeSeconds;
  return {
    idToken: fakeIdToken({ ...shopper, exp }),
    refreshToken: `refresh-${shopper.sub}`,
    expiresAt: exp * 1000,
    ...shopper,
  };
}

interface Options {
  session?: Session;
  language?: Language;
  config?: RuntimeConfig;
}

/** The whole app (store, i18n, routes) at `path`, as a shopper's browser would load it. */
export function renderApp(path: string, { session, language = 'en', config = TEST_CONFIG }: Options = {}) {
  if (session) saveSession(localStorage, session);
  const store = createAppStore(config, localStorage);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup({ delay: null }); // no timer between keystrokes: faster, same events
  const view = render(
    <AppProviders store={store} language={language}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, store, router, user };
}
