import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { book as bookFixture } from '../test/apiFixtures';
import { FakeBackend, json } from '../test/fakeBackend';
import { renderApp } from '../test/renderApp';

const book = (n: number) => bookFixture(`b-${n}`, { name: `Book ${n}`, author: 'Neal Wisozk', category: 'Science Fiction', price: 15.99 });

describe('category page', () => {
  let backend: FakeBackend;
  beforeEach(() => {
    backend = new FakeBackend().withQuietHome().install();
    backend.api('GET', '/books', (request) =>
      request.url.searchParams.get('cursor') === 'page-2'
        ? json(200, { items: [book(3)], nextCursor: null })
        : json(200, { items: [book(1), book(2)], nextCursor: 'page-2' }),
    );
  });

  const names = () => within(screen.getByTestId('book-list')).getAllByRole('heading').map((h) => h.textContent);

  it('pages forward with nextCursor and back again', async () => {
    const { user } = renderApp('/category/science-fiction');
    expect(await screen.findByRole('heading', { level: 1, name: 'Science fiction' })).toBeInTheDocument();
    await waitFor(() => expect(names()).toEqual(['Book 1', 'Book 2']));
    expect(screen.getByTestId('previous-page')).toBeDisabled();

    await user.click(screen.getByTestId('next-page'));
    await waitFor(() => expect(names()).toEqual(['Book 3']));
    expect(screen.getByTestId('next-page')).toBeDisabled();
    expect(screen.getByText('Page 2')).toBeInTheDocument();

    await user.click(screen.getByTestId('previous-page'));
    await waitFor(() => expect(names()).toEqual(['Book 1', 'Book 2']));

    const [first, second] = backend.calls('GET', '/books').map((r) => r.url.searchParams);
    expect(first?.get('category')).toBe('Science Fiction');
    expect(first?.has('cursor')).toBe(false);
    expect(second?.get('cursor')).toBe('page-2');
  });

  it('says so when a category has no books', async () => {
    backend.api('GET', '/books', () => json(200, { items: [], nextCursor: null }));
    renderApp('/category/woodwork');
    expect(await screen.findByTestId('category-empty')).toBeInTheDocument();
  });

  it('answers an unknown category with the 404 page', async () => {
    renderApp('/category/poetry');
    expect(await screen.findByTestId('not-found')).toBeInTheDocument();
  });
});
