import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeBackend, json } from '../test/fakeBackend';
import { renderApp, signedInSession } from '../test/renderApp';

const REVOKE = 'AWSCognitoIdentityProviderService.RevokeToken';

describe('sign-out', () => {
  let backend: FakeBackend;
  beforeEach(() => {
    backend = new FakeBackend().withQuietHome().install();
    backend.api('GET', '/books', () => json(200, { items: [], nextCursor: null }));
  });

  it('revokes the refresh token at Cognito, so a copy of it stops working', async () => {
    backend.cognito('RevokeToken', () => json(200, {}));
    const session = signedInSession();
    const { user } = renderApp('/', { session });

    await user.click(screen.getByTestId('sign-out'));

    await waitFor(() => expect(backend.requests.filter((r) => r.headers.get('X-Amz-Target') === REVOKE)).toHaveLength(1));
    const revoke = backend.requests.find((r) => r.headers.get('X-Amz-Target') === REVOKE);
    expect(revoke?.body).toEqual({ ClientId: 'test-client', Token: session.refreshToken });
    expect(screen.getByTestId('nav-sign-in')).toBeInTheDocument();
  });

  it('signs out here even when Cognito cannot be reached to revoke', async () => {
    backend.cognito('RevokeToken', () => Promise.reject(new TypeError('Failed to fetch')));
    const { user } = renderApp('/', { session: signedInSession() });

    await user.click(screen.getByTestId('sign-out'));

    expect(screen.getByTestId('nav-sign-in')).toBeInTheDocument();
    expect(localStorage.getItem('bookstore.session')).toBeNull();
  });
});
