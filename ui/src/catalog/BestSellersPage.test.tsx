import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { bestSellers, book } from '../test/apiFixtures';
import { FakeBackend, json } from '../test/fakeBackend';
import { renderApp } from '../test/renderApp';

const entry = (n: number, sold: number | null = 100 - n) => ({
  book: book(`b-${n}`, { name: `Book ${n}`, category: 'Cars', price: 10 }),
  sold,
});

describe('best sellers page', () => {
  let backend: FakeBackend;
  beforeEach(() => {
    backend = new FakeBackend().withQuietHome().install();
  });

  it('lists the top 20 with copies sold, in rank order', async () => {
    backend.api('GET', '/bestsellers', () => json(200, bestSellers(Array.from({ length: 20 }, (_, i) => entry(i + 1)))));
    renderApp('/bestsellers');
    const table = await screen.findByTestId('bestseller-list');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(20);
    expect(within(rows[0]!).getByTestId('copies-sold')).toHaveTextContent('99');
    expect(within(rows[19]!).getByRole('link')).toHaveTextContent('Book 20');
    expect(screen.queryByTestId('bestsellers-stale')).not.toBeInTheDocument();
  });

  it('notes when counted figures may be behind (stale: true)', async () => {
    backend.api('GET', '/bestsellers', () => json(200, bestSellers([entry(1)], true)));
    renderApp('/bestsellers');
    expect(await screen.findByTestId('bestsellers-stale')).toHaveTextContent('may be a few minutes out of date');
    expect(screen.getByTestId('copies-sold')).toHaveTextContent('99');
  });

  it('shows the top-rated fallback without counts and says the figures are unavailable', async () => {
    backend.api('GET', '/bestsellers', () => json(200, bestSellers([entry(1, null), entry(2, null)], true)));
    renderApp('/bestsellers');
    expect(await screen.findByTestId('bestsellers-stale')).toHaveTextContent('Sales figures are unavailable right now');
    const table = screen.getByTestId('bestseller-list');
    expect(within(table).getByRole('link', { name: 'Book 1' })).toBeInTheDocument();
    expect(within(table).queryByTestId('copies-sold')).not.toBeInTheDocument();
    expect(within(table).queryByText('Copies sold')).not.toBeInTheDocument();
    expect(table).not.toHaveTextContent(/\b0\b/);
  });

  it('shows the fallback on the home page strip without "0 sold"', async () => {
    backend.api('GET', '/bestsellers', () => json(200, bestSellers([entry(1, null)], true)));
    renderApp('/');
    const strip = await screen.findByTestId('bestseller-strip');
    expect(await within(strip).findByText('Book 1')).toBeInTheDocument();
    expect(strip).not.toHaveTextContent('sold');
    expect(screen.getByTestId('bestsellers-figures-unavailable')).toHaveTextContent('Sales figures are unavailable right now');
  });
});
