import type { ReactNode } from 'react';
import type { Root } from 'react-dom/client';
import { createBrowserRouter, RouterProvider, type createMemoryRouter } from 'react-router';
import { ConfigErrorPage } from '../config/ConfigErrorPage';
import { loadRuntimeConfig } from '../config/runtimeConfig';
import { I18nProvider } from '../i18n/I18nProvider';
import { initialLanguage } from '../i18n/i18n';
import { AppProviders } from './AppProviders';
import { preloadPage, routes } from './routes';
import { createAppStore } from './store';

type Router = ReturnType<typeof createBrowserRouter> | ReturnType<typeof createMemoryRouter>;

/**
 * Loads /config.json before anything renders (the API and Cognito addresses depend on it), then
 * renders the app, or a clear error page when the configuration cannot be had.
 */
export async function startApp(
  root: Root,
  wrap: (node: ReactNode) => ReactNode = (node) => node,
  makeRouter: (routeList: typeof routes) => Router = createBrowserRouter,
): Promise<void> {
  const language = initialLanguage(localStorage, navigator.languages ?? [navigator.language]);
  preloadPage(window.location.pathname);
  try {
    const config = await loadRuntimeConfig();
    const store = createAppStore(config, localStorage);
    root.render(
      wrap(
        <AppProviders store={store} language={language}>
          <RouterProvider router={makeRouter(routes)} />
        </AppProviders>,
      ),
    );
  } catch (error) {
    console.error(error);
    root.render(
      wrap(
        <I18nProvider initial={language} storage={localStorage}>
          <ConfigErrorPage />
        </I18nProvider>,
      ),
    );
  }
}
