import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeBackend, json } from '../test/fakeBackend';
import { renderApp, signedInSession } from '../test/renderApp';

describe('past orders', () => {
  let backend: FakeBackend;
  beforeEach(() => {
    backend = new FakeBackend().withQuietHome().install();
  });

  it('lists orders newest first with their dates, whatever order and date format the server used', async () => {
    backend.api('GET', '/orders', () =>
      json(200, {
        items: [
          { orderId: 'o-old', createdAt: '2026-01-05T09:30:00Z', items: [{ bookId: 'b-1', name: 'Spaghetti', quantity: 1, price: 20.99 }], total: 20.99 },
          { orderId: 'o-new', createdAt: Date.parse('2026-11-20T18:00:00Z') / 1000, items: [{ bookId: 'b-2', name: 'Matcha', quantity: 2, price: 22.96 }], total: 45.92 },
          { orderId: 'o-mid', createdAt: Date.parse('2026-06-01T12:00:00Z'), items: [], total: 0 },
        ],
      }),
    );
    renderApp('/orders', { session: signedInSession() });
    const list = await screen.findByTestId('order-list');
    const orders = within(list).getAllByRole('article');
    expect(orders.map((order) => order.dataset.testid)).toEqual(['order-o-new', 'order-o-mid', 'order-o-old']);
    expect(within(orders[0]!).getByTestId('order-date')).toHaveAttribute('dateTime', '2026-11-20T18:00:00.000Z');
    expect(within(orders[2]!).getByTestId('order-date')).toHaveTextContent(/January 5, 2026/);
    expect(within(orders[0]!).getByTestId('order-total')).toHaveTextContent('$45.92');
  });

  it('says so when there are no orders yet', async () => {
    backend.api('GET', '/orders', () => json(200, { items: [] }));
    renderApp('/orders', { session: signedInSession() });
    expect(await screen.findByTestId('orders-empty')).toHaveTextContent('You have not placed any orders yet.');
  });
});
