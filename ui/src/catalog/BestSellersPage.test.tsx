import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeBackend, json } from '../test/fakeBackend';
import { renderApp } from '../test/renderApp';

const entry = (n: number) => ({
  book: { id: `b-${n}`, name: `Book ${n}`, author: 'Author', category: 'Cars', price: 10, rating: 3 },
  sold: 100 - n,
});

describe('best sellers page', () => {
  let backend: FakeBackend;
  beforeEach(() => {
    backend = new FakeBackend().withQuietHome().install();
  });

  it('lists the top 20 with copies sold, in rank order', async () => {
    backend.api('GET', '/bestsellers', () => json(200, { items: Array.from({ length: 25 }, (_, i) => entry(i + 1)), stale: false }));
    renderApp('/bestsellers');
    const table = await screen.findByTestId('bestseller-list');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(20);
    expect(within(rows[0]!).getByTestId('copies-sold')).toHaveTextContent('99');
    expect(within(rows[19]!).getByRole('link')).toHaveTextContent('Book 20');
    expect(screen.queryByTestId('bestsellers-stale')).not.toBeInTheDocument();
  });

  it('notes when the figures come from the fallback (stale: true)', async () => {
    backend.api('GET', '/bestsellers', () => json(200, { items: [entry(1)], stale: true }));
    renderApp('/bestsellers');
    expect(await screen.findByTestId('bestsellers-stale')).toHaveTextContent('may be a few minutes out of date');
  });
});
