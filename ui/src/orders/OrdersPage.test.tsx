import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { book, cartOf, orderId, orderOf } from '../test/apiFixtures';
import { FakeBackend, json } from '../test/fakeBackend';
import { renderApp, signedInSession } from '../test/renderApp';

const SPAGHETTI = book('b-1', { name: 'Spaghetti', author: 'Richard Labadie', price: 20.99 });
const MATCHA = book('b-2', { name: 'Matcha', author: 'Stuart Hessel', price: 22.96 });
// Two different books, one of them twice: each line's unit price and line total must be told apart.
const TWO_BOOKS = orderOf(orderId('new'), cartOf([{ book: SPAGHETTI, quantity: 2 }, { book: MATCHA, quantity: 1 }]), '2026-11-20T18:00:00.123456Z');
const OLDER = orderOf(orderId('old'), cartOf([{ book: MATCHA, quantity: 1 }]), '2026-01-05T09:30:00.000001Z');

describe('past orders', () => {
  let backend: FakeBackend;
  beforeEach(() => {
    backend = new FakeBackend().withQuietHome().install();
  });

  it('lists the orders in the order the API sends them (newest first), with their dates', async () => {
    backend.api('GET', '/orders', () => json(200, { items: [TWO_BOOKS, OLDER] }));
    renderApp('/orders', { session: signedInSession() });
    const list = await screen.findByTestId('order-list');
    const orders = within(list).getAllByRole('article');
    expect(orders.map((order) => order.dataset.testid)).toEqual([`order-${TWO_BOOKS.orderId}`, `order-${OLDER.orderId}`]);
    expect(within(orders[0]!).getByTestId('order-date')).toHaveAttribute('dateTime', '2026-11-20T18:00:00.123Z');
    expect(within(orders[1]!).getByTestId('order-date')).toHaveTextContent(/January 5, 2026/);
  });

  it("shows each line's unit price, quantity and line total, and the order total", async () => {
    backend.api('GET', '/orders', () => json(200, { items: [TWO_BOOKS] }));
    renderApp('/orders', { session: signedInSession() });
    const order = await screen.findByTestId(`order-${TWO_BOOKS.orderId}`);
    const spaghetti = within(order).getByTestId('order-line-b-1');
    expect(spaghetti).toHaveTextContent('Spaghetti');
    expect(spaghetti).toHaveTextContent('Richard Labadie');
    expect(within(spaghetti).getByTestId('line-unit-price')).toHaveTextContent('$20.99');
    expect(within(spaghetti).getByTestId('line-quantity')).toHaveTextContent('2');
    expect(within(spaghetti).getByTestId('line-total')).toHaveTextContent('$41.98');
    const matcha = within(order).getByTestId('order-line-b-2');
    expect(within(matcha).getByTestId('line-unit-price')).toHaveTextContent('$22.96');
    expect(within(matcha).getByTestId('line-total')).toHaveTextContent('$22.96');
    expect(within(order).getByTestId('order-total')).toHaveTextContent('$64.94');
  });

  it('shows the same lines on the confirmation page', async () => {
    backend.api('GET', `/orders/${TWO_BOOKS.orderId}`, () => json(200, TWO_BOOKS));
    renderApp(`/orders/${TWO_BOOKS.orderId}/confirmation`, { session: signedInSession() });
    const line = await screen.findByTestId('order-line-b-1');
    expect(within(line).getByTestId('line-unit-price')).toHaveTextContent('$20.99');
    expect(within(line).getByTestId('line-total')).toHaveTextContent('$41.98');
    expect(screen.getByTestId('order-total')).toHaveTextContent('$64.94');
  });

  it('says so when there are no orders yet', async () => {
    backend.api('GET', '/orders', () => json(200, { items: [] }));
    renderApp('/orders', { session: signedInSession() });
    expect(await screen.findByTestId('orders-empty')).toHaveTextContent('You have not placed any orders yet.');
  });
});
