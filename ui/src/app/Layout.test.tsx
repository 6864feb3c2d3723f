import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeBackend, json } from '../test/fakeBackend';
import { renderApp, signedInSession } from '../test/renderApp';

describe('site layout', () => {
  beforeEach(() => {
    new FakeBackend().withQuietHome().install().api('GET', '/books', () => json(200, { items: [], nextCursor: null }));
  });

  it('moves keyboard focus to the new page content after navigating', async () => {
    const { user } = renderApp('/');
    const link = screen.getByRole('link', { name: 'Cookbooks' });
    link.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Cookbooks' })).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('main')));
  });

  it('offers a skip link to the main content', () => {
    renderApp('/');
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main');
  });

  it('signs out: the shopper pages are then closed to this browser', async () => {
    const { user, router } = renderApp('/', { session: signedInSession() });
    await user.click(screen.getByTestId('sign-out'));
    expect(screen.getByTestId('nav-sign-in')).toBeInTheDocument();
    expect(localStorage.getItem('bookstore.session')).toBeNull();
    await router.navigate('/orders');
    await waitFor(() => expect(router.state.location.pathname).toBe('/signin'));
  });
});
