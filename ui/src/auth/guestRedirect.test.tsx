import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { cognitoTokens, FakeBackend, json } from '../test/fakeBackend';
import { renderApp } from '../test/renderApp';

const BOOK = { id: 'b-1', name: 'Spaghetti', author: 'Richard Labadie', category: 'Cookbooks', price: 20.99, rating: 5, cover: '/covers/b-1.svg' };

describe('a guest who tries to buy', () => {
  let backend: FakeBackend;
  beforeEach(() => {
    backend = new FakeBackend().withQuietHome().install();
    backend.api('GET', '/books/b-1', () => json(200, BOOK));
    backend.api('GET', '/cart', () => json(200, { items: [], itemCount: 0, total: 0 }));
    backend.cognito('InitiateAuth', () => json(200, cognitoTokens('shopper-1', 'reader@example.com', 3600, 'refresh-1')));
  });

  it('is sent to sign in from add-to-cart and brought back to the book afterwards', async () => {
    const { user, router } = renderApp('/books/b-1');
    await user.click(await screen.findByTestId('add-to-cart-b-1'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/signin'));
    expect(backend.calls('POST', '/cart')).toHaveLength(0);
    expect(await screen.findByText('Please sign in to continue.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Email'), 'reader@example.com');
    await user.type(screen.getByLabelText('Password'), 'Secret-pass1');
    await user.click(screen.getByTestId('sign-in-submit'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/books/b-1'));
    expect(await screen.findByTestId('signed-in-as')).toHaveTextContent('reader@example.com');
    const [signIn] = backend.requests.filter((r) => r.url.host === 'cognito.test');
    expect(signIn?.body).toEqual({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: 'test-client',
      AuthParameters: { USERNAME: 'reader@example.com', PASSWORD: 'Secret-pass1' },
    });
    expect(signIn?.headers.get('Content-Type')).toBe('application/x-amz-json-1.1');
  });

  it('is redirected from the cart to sign in and back to the cart', async () => {
    const { user, router } = renderApp('/cart');
    await waitFor(() => expect(router.state.location.pathname).toBe('/signin'));
    expect(router.state.location.search).toBe('?next=%2Fcart');

    await user.type(await screen.findByLabelText('Email'), 'reader@example.com');
    await user.type(screen.getByLabelText('Password'), 'Secret-pass1');
    await user.click(screen.getByTestId('sign-in-submit'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/cart'));
    expect(await screen.findByTestId('cart-empty')).toBeInTheDocument();
    expect(backend.calls('GET', '/cart')[0]?.headers.get('Authorization')).toMatch(/^Bearer ey/);
  });

  it('never follows a next parameter to another site', async () => {
    const { user, router } = renderApp('/signin?next=//evil.example/steal');
    await user.type(await screen.findByLabelText('Email'), 'reader@example.com');
    await user.type(screen.getByLabelText('Password'), 'Secret-pass1');
    await user.click(screen.getByTestId('sign-in-submit'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('sees why sign-in failed', async () => {
    backend.cognito('InitiateAuth', () =>
      json(400, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }),
    );
    const { user } = renderApp('/signin');
    await user.type(await screen.findByLabelText('Email'), 'reader@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByTestId('sign-in-submit'));
    expect(await screen.findByTestId('auth-error')).toHaveTextContent('Incorrect email or password.');
  });
});
