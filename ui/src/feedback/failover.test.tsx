import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { book } from '../test/apiFixtures';
import { FakeBackend, json, networkFailure } from '../test/fakeBackend';
import { renderApp } from '../test/renderApp';

const BOOK = book('b-1', { name: 'Spaghetti' });

describe('when the API is failing over', () => {
  let backend: FakeBackend;
  beforeEach(() => {
    backend = new FakeBackend().withQuietHome().install();
  });

  it('explains a 503 in plain words and recovers on retry', async () => {
    let healthy = false;
    // Any route that reads DynamoDB answers 503 while its region is down (/bestsellers falls back instead).
    backend.api('GET', '/books/b-1', () =>
      healthy ? json(200, BOOK) : json(503, { error: 'unavailable', message: 'region unhealthy' }),
    );
    const { user } = renderApp('/books/b-1');

    expect(await screen.findByTestId('error-unavailable')).toHaveTextContent(
      'The bookstore is switching to its standby region.',
    );
    healthy = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('book-price')).toHaveTextContent('$20.99');
  });

  it('tells a network failure apart from a failover', async () => {
    backend.api('GET', '/books/b-1', () => networkFailure());
    renderApp('/books/b-1');
    expect(await screen.findByTestId('error-network')).toHaveTextContent('could not reach the bookstore');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
