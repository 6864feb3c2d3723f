import { describe, expect, it } from 'vitest';
import { initialLanguage, isLanguage, rememberLanguage, translate } from './i18n';

describe('i18n', () => {
  it('knows its two languages and nothing an object inherits', () => {
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('de')).toBe(true);
    expect(isLanguage('fr')).toBe(false);
    expect(isLanguage('toString')).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
    expect(isLanguage(42)).toBe(false);
  });

  it('fills placeholders it has values for and leaves the others as written', () => {
    expect(translate('en', 'nav.signedInAs', { email: 'ann@example.com' })).toBe('Signed in as ann@example.com');
    expect(translate('en', 'region.label', { region: 'eu-west-1' })).toBe('Served from eu-west-1 ({role})');
    expect(translate('en', 'region.where', { region: 'eu-west-1', role: 2 })).toBe('eu-west-1 (2)');
    expect(translate('en', 'nav.signedInAs')).toBe('Signed in as {email}');
    expect(translate('de', 'nav.signedInAs', { email: 'a' })).not.toBe(translate('en', 'nav.signedInAs', { email: 'a' }));
  });

  it('starts in the stored language, then the browser preference by primary tag, then English', () => {
    expect(initialLanguage(localStorage, ['fr-FR', 'de-AT', 'en'])).toBe('de');
    expect(initialLanguage(localStorage, ['fr'])).toBe('en');
    expect(initialLanguage(localStorage, [])).toBe('en');

    rememberLanguage(localStorage, 'de');
    expect(initialLanguage(localStorage, ['en-GB'])).toBe('de');
    localStorage.setItem('bookstore.language', 'fr');
    expect(initialLanguage(localStorage, ['en-GB'])).toBe('en');
  });
});
