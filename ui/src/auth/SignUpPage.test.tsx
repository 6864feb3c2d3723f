import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { cognitoTokens, FakeBackend, json } from '../test/fakeBackend';
import { renderApp } from '../test/renderApp';

describe('sign up', () => {
  let backend: FakeBackend;
  beforeEach(() => {
    backend = new FakeBackend().withQuietHome().install();
    backend.cognito('SignUp', () => json(200, { UserConfirmed: false, UserSub: 'new-sub' }));
    backend.cognito('ConfirmSignUp', (request) =>
      (request.body as { ConfirmationCode: string }).ConfirmationCode === '123456'
        ? json(200, {})
        : json(400, { __type: 'CodeMismatchException', message: 'Invalid code' }),
    );
    backend.cognito('InitiateAuth', () => json(200, cognitoTokens('new-sub', 'new@example.com', 3600, 'refresh-new')));
  });

  it('creates the account, confirms the emailed code, signs in and returns where the shopper was going', async () => {
    const { user, router } = renderApp('/signup?next=%2Fcheckout');
    backend.api('GET', '/cart', () => json(200, { items: [], total: 0 }));

    await user.type(await screen.findByTestId('sign-up-email'), 'new@example.com');
    await user.type(screen.getByTestId('sign-up-password'), 'Str0ng!pass');
    await user.click(screen.getByTestId('sign-up-submit'));

    expect(await screen.findByText(/sent a confirmation code to new@example.com/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Confirmation code'), '000000');
    await user.click(screen.getByTestId('confirm-submit'));
    expect(await screen.findByTestId('auth-error')).toHaveTextContent('That code is not right');

    await user.clear(screen.getByLabelText('Confirmation code'));
    await user.type(screen.getByLabelText('Confirmation code'), '123456');
    await user.click(screen.getByTestId('confirm-submit'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/checkout'));
    const signUp = backend.requests.find((r) => r.headers.get('X-Amz-Target')?.endsWith('.SignUp'));
    expect(signUp?.body).toEqual({
      ClientId: 'test-client',
      Username: 'new@example.com',
      Password: 'Str0ng!pass',
      UserAttributes: [{ Name: 'email', Value: 'new@example.com' }],
    });
    expect(await screen.findByTestId('signed-in-as')).toHaveTextContent('new@example.com');
  });

  it('says when the email is already registered', async () => {
    backend.cognito('SignUp', () => json(400, { __type: 'UsernameExistsException', message: 'exists' }));
    const { user } = renderApp('/signup');
    await user.type(await screen.findByTestId('sign-up-email'), 'taken@example.com');
    await user.type(screen.getByTestId('sign-up-password'), 'Str0ng!pass');
    await user.click(screen.getByTestId('sign-up-submit'));
    expect(await screen.findByTestId('auth-error')).toHaveTextContent('already exists');
  });
});
