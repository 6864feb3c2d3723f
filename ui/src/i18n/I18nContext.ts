import { createContext, useContext } from 'react';
import type { Language, MessageKey, MessageParams } from './i18n';

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
  formatPrice: (amount: number) => string;
  formatDateTime: (when: Date) => string;
  formatDate: (when: Date) => string;
  /** "a, b and c" in the current language. */
  formatList: (items: string[]) => string;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
