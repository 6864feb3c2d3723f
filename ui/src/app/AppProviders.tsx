import type { ReactNode } from 'react';
import { Provider } from 'react-redux';
import { I18nProvider } from '../i18n/I18nProvider';
import type { Language } from '../i18n/i18n';
import type { AppStore } from './store';

export function AppProviders({ store, language, children }: { store: AppStore; language: Language; children: ReactNode }) {
  return (
    <Provider store={store}>
      <I18nProvider initial={language} storage={localStorage}>
        {children}
      </I18nProvider>
    </Provider>
  );
}
