import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeBackend } from '../test/fakeBackend';
import { renderApp } from '../test/renderApp';
import { initialLanguage, translate } from './i18n';

describe('language', () => {
  beforeEach(() => {
    new FakeBackend().withQuietHome().install();
  });

  it('switches the whole page to German and remembers the choice', async () => {
    const { user } = renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to the Bookstore' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Language'), 'de');

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Willkommen in der Buchhandlung');
    expect(screen.getByRole('link', { name: 'Kochbücher' })).toBeInTheDocument();
    expect(screen.getByLabelText('Sprache')).toHaveValue('de');
    expect(document.documentElement.lang).toBe('de');
    expect(initialLanguage(localStorage, ['en-GB'])).toBe('de');
  });

  it('starts in the browser language when nothing was chosen, else English', () => {
    expect(initialLanguage(localStorage, ['de-AT', 'en'])).toBe('de');
    expect(initialLanguage(localStorage, ['fr-FR'])).toBe('en');
  });

  it('formats prices and fills placeholders per language', async () => {
    renderApp('/', { language: 'de' });
    expect(await screen.findByText('Kategorien', { selector: 'h2' })).toBeInTheDocument();
    expect(translate('de', 'orders.order', { orderId: 'o-1' })).toBe('Bestellung o-1');
  });
});
