import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeBackend, json, networkFailure } from '../test/fakeBackend';
import { renderApp } from '../test/renderApp';

const BOOK = { id: 'b-1', name: 'Spaghetti', author: 'Richard Labadie', category: 'Cookbooks', price: 20.99, rating: 5 };

describe('when the API is failing over', () => {
  let backend: FakeBackend;
  beforeEach(() => {
    backend = new FakeBackend().withQuietHome().install();
  });

  it('explains a 503 in plain words and recovers on retry', async () => {
    let healthy = false;
    backend.api('GET', '/bestsellers', () =>
      healthy
        ? json(200, { items: [{ book: BOOK, sold: 7 }], stale: false })
        : json(503, { error: 'unavailable', message: 'region unhealthy' }),
    );
    const { user } = renderApp('/bestsellers');

    expect(await screen.findByTestId('error-unavailable')).toHaveTextContent(
      'The bookstore is switching to its standby region.',
    );
    healthy = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('bestseller-b-1')).toHaveTextContent('7');
  });

  it('tells a network failure apart from a failover', async () => {
    backend.api('GET', '/books/b-1', () => networkFailure());
    renderApp('/books/b-1');
    expect(await screen.findByTestId('error-network')).toHaveTextContent('could not reach the bookstore');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
