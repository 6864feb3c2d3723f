import { de } from './messages/de';
import { en, type MessageKey } from './messages/en';

// A small typed dictionary instead of i18next: two languages and a few hundred strings need only
// lookup and {placeholder} interpolation, and typed keys let the compiler catch a missing
// translation, which a runtime library would only report in the console.
export const LANGUAGES = {
  en: { label: 'English', messages: en as Record<MessageKey, string> },
  de: { label: 'Deutsch', messages: de },
} as const;

export type Language = keyof typeof LANGUAGES;
export type { MessageKey };
export type MessageParams = Record<string, string | number>;

export const DEFAULT_LANGUAGE: Language = 'en';
const STORAGE_KEY = 'bookstore.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(LANGUAGES, value);
}

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = LANGUAGES[language].messages[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

/** The stored choice first, then the browser's preference, then English. */
export function initialLanguage(storage: Storage, preferred: readonly string[]): Language {
  const stored = storage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const match = preferred.map((tag) => tag.split('-')[0]).find(isLanguage);
  return match ?? DEFAULT_LANGUAGE;
}

export function rememberLanguage(storage: Storage, language: Language): void {
  storage.setItem(STORAGE_KEY, language);
}
