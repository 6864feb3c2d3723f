import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Cart } from '../api/apiSlice';
import { book, cartOf } from '../test/apiFixtures';
import { FakeBackend, json } from '../test/fakeBackend';
import { renderApp, signedInSession } from '../test/renderApp';

const SPAGHETTI = book('b-1', { name: 'Spaghetti', price: 20.99 });
const MATCHA = book('b-2', { name: 'Matcha', author: 'Stuart Hessel', price: 22.96 });

describe('cart', () => {
  let backend: FakeBackend;
  let cart: Cart;
  beforeEach(() => {
    backend = new FakeBackend().withQuietHome().install();
    // The server's total deliberately differs from the client's sum of lines: the page must show
    // what the server computed (it owns prices, promotions and rounding).
    cart = cartOf([{ book: SPAGHETTI, quantity: 2 }, { book: MATCHA, quantity: 1 }], 60.0);
    backend.api('GET', '/cart', () => json(200, cart));
  });

  it('shows each line with unit price and line total, and the total as the server computed it', async () => {
    renderApp('/cart', { session: signedInSession() });
    expect(await screen.findByTestId('cart-total')).toHaveTextContent('$60.00');
    const line = screen.getByTestId('cart-line-b-1');
    expect(within(line).getByText('Spaghetti')).toBeInTheDocument();
    expect(within(line).getByTestId('line-unit-price')).toHaveTextContent('$20.99');
    expect(within(line).getByTestId('line-total')).toHaveTextContent('$41.98');
    expect(screen.getByLabelText('Quantity of Spaghetti')).toHaveValue(2);
    expect(screen.getByTestId('current-prices')).toHaveTextContent('current prices');
  });

  it('changes a quantity with PUT and shows the total the server answers with afterwards', async () => {
    backend.api('PUT', '/cart/b-1', (request) => {
      const { quantity } = request.body as { quantity: number };
      cart = cartOf([{ book: SPAGHETTI, quantity }, { book: MATCHA, quantity: 1 }], 85.93);
      return json(200, cart);
    });
    const { user } = renderApp('/cart', { session: signedInSession() });
    const input = await screen.findByLabelText('Quantity of Spaghetti');
    await user.clear(input);
    await user.type(input, '3{Enter}');

    await waitFor(() => expect(screen.getByTestId('cart-total')).toHaveTextContent('$85.93'));
    const [put] = backend.calls('PUT', '/cart/b-1');
    expect(put?.body).toEqual({ quantity: 3 });
    expect(put?.headers.get('Authorization')).toMatch(/^Bearer /);
  });

  it('refuses a quantity outside 1..99 without calling the API', async () => {
    const { user } = renderApp('/cart', { session: signedInSession() });
    const input = await screen.findByLabelText('Quantity of Spaghetti');
    await user.clear(input);
    await user.type(input, '120{Enter}');
    expect(await screen.findByText('Choose a quantity from 1 to 99.')).toBeVisible();
    expect(backend.calls('PUT', '/cart/b-1')).toHaveLength(0);
  });

  it('removes a line with DELETE', async () => {
    backend.api('DELETE', '/cart/b-2', () => {
      cart = cartOf([{ book: SPAGHETTI, quantity: 2 }]);
      return json(200, cart);
    });
    const { user } = renderApp('/cart', { session: signedInSession() });
    await user.click(await screen.findByRole('button', { name: 'Remove Matcha from cart' }));
    await waitFor(() => expect(screen.queryByTestId('cart-line-b-2')).not.toBeInTheDocument());
    expect(screen.getByTestId('cart-total')).toHaveTextContent('$41.98');
  });

  it('says so when the cart is empty', async () => {
    cart = cartOf([]);
    renderApp('/cart', { session: signedInSession() });
    expect(await screen.findByTestId('cart-empty')).toHaveTextContent('Your cart is empty.');
  });

  it('keeps a line whose book left the catalogue visible, without a price, so it can be removed', async () => {
    cart = {
      items: [...cartOf([{ book: SPAGHETTI, quantity: 2 }]).items, { bookId: 'b-gone', quantity: 1, unitPrice: null, lineTotal: null, book: null }],
      itemCount: 3,
      total: 41.98,
    };
    renderApp('/cart', { session: signedInSession() });
    const line = await screen.findByTestId('cart-line-b-gone');
    expect(line).toHaveTextContent('no longer available');
    expect(within(line).getByTestId('line-unit-price')).toHaveTextContent('–');
    expect(within(line).getByRole('button', { name: /Remove A book that is no longer available/ })).toBeEnabled();
  });

  it('adds a book for a signed-in shopper', async () => {
    const search = book('b-9', { name: 'Search', author: 'Brady Fisher', category: 'Database' });
    backend.api('GET', '/books/b-9', () => json(200, search));
    backend.api('POST', '/cart', () => json(200, cartOf([{ book: search, quantity: 1 }])));
    const { user } = renderApp('/books/b-9', { session: signedInSession() });
    await user.click(await screen.findByRole('button', { name: 'Add to cart: Search' }));
    expect(await screen.findByTestId('added-to-cart')).toBeInTheDocument();
    expect(backend.calls('POST', '/cart')[0]?.body).toEqual({ bookId: 'b-9', quantity: 1 });
  });

  it('says which price changed since the book was added, and that the current one is charged', async () => {
    backend.api('GET', '/books/b-1', () => json(200, SPAGHETTI));
    backend.api('POST', '/cart', () => json(200, cart));
    const { user, router } = renderApp('/books/b-1', { session: signedInSession() });
    await user.click(await screen.findByRole('button', { name: 'Add to cart: Spaghetti' }));
    await screen.findByTestId('added-to-cart');
    expect(screen.queryByTestId('price-changed')).not.toBeInTheDocument();

    // The catalogue's price goes up before the shopper opens the cart; the API prices the cart afresh.
    const dearer = { ...SPAGHETTI, price: 24.5 };
    cart = cartOf([{ book: dearer, quantity: 2 }, { book: MATCHA, quantity: 1 }]);
    await router.navigate('/cart');

    const notice = await screen.findByTestId('price-changed');
    expect(notice).toHaveTextContent('You will be charged the current price');
    expect(within(notice).getByTestId('price-changed-b-1')).toHaveTextContent('Spaghetti: now $24.50 (was $20.99)');
    expect(within(screen.getByTestId('cart-line-b-1')).getByTestId('line-unit-price')).toHaveTextContent('$24.50');
    expect(within(screen.getByTestId('cart-line-b-1')).getByTestId('line-total')).toHaveTextContent('$49.00');
    expect(screen.getByTestId('cart-total')).toHaveTextContent('$71.96');
    expect(screen.queryByTestId('price-changed-b-2')).not.toBeInTheDocument();
  });
});
