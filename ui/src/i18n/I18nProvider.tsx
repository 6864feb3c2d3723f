import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18n } from './I18nContext';
import { rememberLanguage, translate, type Language, type MessageKey, type MessageParams } from './i18n';

// Prices come from the catalogue in a single currency; the locale only changes how they are written.
const CURRENCY = 'USD';

interface Props {
  initial: Language;
  storage: Storage;
  children: ReactNode;
}

export function I18nProvider({ initial, storage, children }: Props) {
  const [language, setLanguageState] = useState<Language>(initial);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback(
    (next: Language) => {
      rememberLanguage(storage, next);
      setLanguageState(next);
    },
    [storage],
  );

  const value = useMemo<I18n>(() => {
    const money = new Intl.NumberFormat(language, { style: 'currency', currency: CURRENCY });
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'long' });
    const list = new Intl.ListFormat(language, { type: 'conjunction' });
    return {
      language,
      setLanguage,
      t: (key: MessageKey, params?: MessageParams) => translate(language, key, params),
      formatPrice: (amount: number) => money.format(amount),
      formatDateTime: (when: Date) => dateTime.format(when),
      formatDate: (when: Date) => date.format(when),
      formatList: (items: string[]) => list.format(items),
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
