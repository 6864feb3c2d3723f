import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { book, cartOf, orderId, orderOf } from '../test/apiFixtures';
import { FakeBackend, json, networkFailure } from '../test/fakeBackend';
import { renderApp, signedInSession } from '../test/renderApp';

const SPAGHETTI = book('b-1', { name: 'Spaghetti', price: 20.99 });
const CART = cartOf([{ book: SPAGHETTI, quantity: 2 }, { book: book('b-2', { name: 'Matcha', price: 22.96 }), quantity: 1 }]);
const ORDER_ID = orderId('42');
const ORDER = orderOf(ORDER_ID, CART);

describe('checkout', () => {
  let backend: FakeBackend;
  beforeEach(() => {
    backend = new FakeBackend().withQuietHome().install();
    backend.api('GET', '/cart', () => json(200, CART));
    backend.api('GET', `/orders/${ORDER_ID}`, () => json(200, ORDER));
  });

  it('reuses the same Idempotency-Key when the shopper retries after a network error', async () => {
    let attempts = 0;
    backend.api('POST', '/orders', () => (++attempts === 1 ? networkFailure() : json(201, ORDER)));
    const { user, router } = renderApp('/checkout', { session: signedInSession() });

    await user.click(await screen.findByTestId('place-order'));
    expect(await screen.findByTestId('checkout-error')).toHaveTextContent(/safely try again/);
    await user.click(screen.getByTestId('place-order'));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/orders/${ORDER_ID}/confirmation`));
    const keys = backend.calls('POST', '/orders').map((r) => r.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(await screen.findByTestId('confirmation-order-id')).toHaveTextContent(ORDER_ID);
  });

  it('reuses the key after a reload of the checkout page, and starts a new attempt after success', async () => {
    backend.api('POST', '/orders', () => json(503, { error: 'unavailable', message: 'failover' }));
    const first = renderApp('/checkout', { session: signedInSession() });
    await first.user.click(await screen.findByTestId('place-order'));
    expect(await screen.findByTestId('error-unavailable')).toBeInTheDocument();
    first.unmount();

    backend.api('POST', '/orders', () => json(201, ORDER));
    const second = renderApp('/checkout'); // same tab: session and sessionStorage survive the reload
    await second.user.click(await screen.findByTestId('place-order'));
    await waitFor(() => expect(second.router.state.location.pathname).toBe(`/orders/${ORDER_ID}/confirmation`));

    const [beforeReload, afterReload] = backend.calls('POST', '/orders').map((r) => r.headers.get('Idempotency-Key'));
    expect(afterReload).toBe(beforeReload);
    expect(sessionStorage.getItem('bookstore.checkoutAttempt')).toBeNull();
  });

  it('says to wait, not to retry, when the per-customer checkout limit answers 429', async () => {
    backend.api('POST', '/orders', () =>
      json(429, { error: 'checkout_rate_limited', message: 'at most 5 orders per 600 seconds' }, { 'Retry-After': '120' }),
    );
    const { user } = renderApp('/checkout', { session: signedInSession() });
    await user.click(await screen.findByTestId('place-order'));

    expect(await screen.findByTestId('checkout-rate-limited')).toHaveTextContent(/wait a few minutes/);
    expect(screen.queryByText(/safely try again/)).not.toBeInTheDocument();
  });

  it('sends one order for a double click: the button is disabled while the order is in flight', async () => {
    let release: () => void = () => {};
    backend.api('POST', '/orders', () => new Promise<Response>((resolve) => (release = () => resolve(json(201, ORDER)))));
    const { user, router } = renderApp('/checkout', { session: signedInSession() });

    const button = await screen.findByTestId('place-order');
    await user.dblClick(button);
    await waitFor(() => expect(button).toBeDisabled());
    expect(button).toHaveTextContent('Placing your order');
    release();

    await waitFor(() => expect(router.state.location.pathname).toBe(`/orders/${ORDER_ID}/confirmation`));
    expect(backend.calls('POST', '/orders')).toHaveLength(1);
  });

  it('uses a new key when the cart changed since the failed attempt', async () => {
    backend.api('POST', '/orders', () => networkFailure());
    const first = renderApp('/checkout', { session: signedInSession() });
    await first.user.click(await screen.findByTestId('place-order'));
    await screen.findByTestId('checkout-error');
    first.unmount();

    backend.api('GET', '/cart', () => json(200, cartOf([{ book: SPAGHETTI, quantity: 2 }])));
    const second = renderApp('/checkout');
    await second.user.click(await screen.findByTestId('place-order'));
    await screen.findByTestId('checkout-error');

    const [before, after] = backend.calls('POST', '/orders').map((r) => r.headers.get('Idempotency-Key'));
    expect(after).not.toBe(before);
  });

  it('shows the total as the server computed it', async () => {
    renderApp('/checkout', { session: signedInSession() });
    expect(await screen.findByTestId('checkout-total')).toHaveTextContent('$64.94');
    const line = screen.getByTestId('checkout-line-b-1');
    expect(line).toHaveTextContent('Spaghetti × 2');
    expect(line).toHaveTextContent('$20.99 each');
    expect(line).toHaveTextContent('$41.98');
  });
});
