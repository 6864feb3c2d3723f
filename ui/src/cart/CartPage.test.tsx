import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeBackend, json } from '../test/fakeBackend';
import { renderApp, signedInSession } from '../test/renderApp';

describe('cart', () => {
  let backend: FakeBackend;
  let cart: { items: { bookId: string; name: string; quantity: number; price: number }[]; total: number };
  beforeEach(() => {
    backend = new FakeBackend().withQuietHome().install();
    // The server's total deliberately differs from the client's sum of lines: the page must show
    // what the server computed (it owns prices, promotions and rounding).
    cart = {
      items: [
        { bookId: 'b-1', name: 'Spaghetti', quantity: 2, price: 20.99 },
        { bookId: 'b-2', name: 'Matcha', quantity: 1, price: 22.96 },
      ],
      total: 60.0,
    };
    backend.api('GET', '/cart', () => json(200, cart));
  });

  it('shows each line and the total as the server computed it', async () => {
    renderApp('/cart', { session: signedInSession() });
    expect(await screen.findByTestId('cart-total')).toHaveTextContent('$60.00');
    const line = screen.getByTestId('cart-line-b-1');
    expect(within(line).getByText('Spaghetti')).toBeInTheDocument();
    expect(within(line).getByText('$20.99')).toBeInTheDocument();
    expect(screen.getByLabelText('Quantity of Spaghetti')).toHaveValue(2);
  });

  it('changes a quantity with PUT and shows the total the server answers with afterwards', async () => {
    backend.api('PUT', '/cart/b-1', (request) => {
      const { quantity } = request.body as { quantity: number };
      cart = { items: [{ ...cart.items[0]!, quantity }, cart.items[1]!], total: 85.93 };
      return json(200, {});
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
      cart = { items: [cart.items[0]!], total: 41.98 };
      return json(204, null);
    });
    const { user } = renderApp('/cart', { session: signedInSession() });
    await user.click(await screen.findByRole('button', { name: 'Remove Matcha from cart' }));
    await waitFor(() => expect(screen.queryByTestId('cart-line-b-2')).not.toBeInTheDocument());
    expect(screen.getByTestId('cart-total')).toHaveTextContent('$41.98');
  });

  it('says so when the cart is empty', async () => {
    cart = { items: [], total: 0 };
    renderApp('/cart', { session: signedInSession() });
    expect(await screen.findByTestId('cart-empty')).toHaveTextContent('Your cart is empty.');
  });

  it('adds a book for a signed-in shopper', async () => {
    backend.api('GET', '/books/b-9', () =>
      json(200, { id: 'b-9', name: 'Search', author: 'Brady Fisher', category: 'Database', price: 20.99, rating: 5 }),
    );
    backend.api('POST', '/cart', () => json(201, {}));
    const { user } = renderApp('/books/b-9', { session: signedInSession() });
    await user.click(await screen.findByRole('button', { name: 'Add to cart: Search' }));
    expect(await screen.findByTestId('added-to-cart')).toBeInTheDocument();
    expect(backend.calls('POST', '/cart')[0]?.body).toEqual({ bookId: 'b-9', quantity: 1 });
  });
});
