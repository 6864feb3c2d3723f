import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeBackend, json } from '../test/fakeBackend';
import { renderApp } from '../test/renderApp';

const book = (id: string, name: string) => ({ id, name, author: 'A. Author', category: 'Cookbooks', price: 10, rating: 4, cover: `/covers/${id}.svg` });

describe('home page', () => {
  let backend: FakeBackend;
  beforeEach(() => {
    backend = new FakeBackend().install();
    backend.api('GET', '/region', () => json(200, { region: 'ap-southeast-1', role: 'secondary' }, { 'X-Bookstore-Region': 'ap-southeast-1' }));
    backend.api('GET', '/bestsellers', () =>
      json(200, { items: [{ book: book('b-1', 'Spaghetti'), sold: 12 }, { book: book('b-2', 'Matcha'), sold: 9 }], stale: false }, { 'X-Bookstore-Region': 'ap-southeast-1' }),
    );
    backend.blog('/posts', () =>
      json(200, [{ id: 7, date: '2026-11-20T09:00:00', date_gmt: '2026-11-20T08:00:00', title: { rendered: 'Tom &#038; Jerry&#8217;s <em>books</em>' }, excerpt: { rendered: '<p>x</p>' } }], { 'X-WP-TotalPages': '1' }),
    );
  });

  it('shows the categories, the best sellers and the latest posts', async () => {
    renderApp('/');
    const categories = screen.getByTestId('category-list');
    expect(within(categories).getAllByRole('link')).toHaveLength(7);
    expect(within(categories).getByRole('link', { name: 'Science fiction' })).toHaveAttribute('href', '/category/science-fiction');

    const strip = await screen.findByTestId('bestseller-strip');
    expect(within(strip).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Spaghetti12 sold', 'Matcha9 sold']);

    expect(await screen.findByRole('link', { name: 'Tom & Jerry’s books' })).toHaveAttribute('href', '/blog/7');
    const blogCall = backend.requests.find((r) => r.url.host === 'blog.test');
    expect(blogCall?.url.pathname).toBe('/wp-json/wp/v2/posts');
    expect(blogCall?.headers.get('Authorization')).toBeNull();
  });

  it('shows the region that served the API, and flags a failover away from the configured region', async () => {
    renderApp('/');
    await waitFor(() => expect(screen.getByTestId('region-badge')).toHaveAttribute('data-region', 'ap-southeast-1'));
    const badge = screen.getByTestId('region-badge');
    expect(badge).toHaveTextContent('Served from ap-southeast-1 (secondary)'); // "Served from" is read out, not shown
    expect(badge).toHaveClass('bg-warning');
  });

  it('keeps working when the blog is down', async () => {
    backend.blog('/posts', () => json(502, {}));
    renderApp('/');
    expect(await screen.findByTestId('bestseller-strip')).toBeInTheDocument();
    expect(await screen.findByTestId('error-http')).toBeInTheDocument();
  });
});
