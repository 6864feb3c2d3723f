import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { cognitoTokens, FakeBackend, json, TEST_CONFIG } from '../test/fakeBackend';
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
    await user.type(screen.getByTestId('sign-up-password'), 'Str0ng-Passw'); // 12 characters: the minimum
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
      Password: 'Str0ng-Passw',
      UserAttributes: [{ Name: 'email', Value: 'new@example.com' }],
    });
    expect(await screen.findByTestId('signed-in-as')).toHaveTextContent('new@example.com');
  });

  it('says when the email is already registered', async () => {
    backend.cognito('SignUp', () => json(400, { __type: 'UsernameExistsException', message: 'exists' }));
    const { user } = renderApp('/signup');
    await user.type(await screen.findByTestId('sign-up-email'), 'taken@example.com');
    await user.type(screen.getByTestId('sign-up-password'), 'Str0ng-passw0rd');
    await user.click(screen.getByTestId('sign-up-submit'));
    expect(await screen.findByTestId('auth-error')).toHaveTextContent('already exists');
  });

  it('states the pool\'s password rules and refuses a 9-character password without asking Cognito', async () => {
    const { user } = renderApp('/signup');

    expect(await screen.findByText(
      'Your password needs at least 12 characters, an upper-case letter, a lower-case letter, and a number.',
    )).toBeInTheDocument();
    await user.type(screen.getByTestId('sign-up-email'), 'new@example.com');
    await user.type(screen.getByTestId('sign-up-password'), 'Short-pw1');
    await user.click(screen.getByTestId('sign-up-submit'));

    expect(await screen.findByTestId('auth-error')).toHaveTextContent('This password still needs at least 12 characters.');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Create an account');
    expect(backend.requests.filter((r) => r.headers.get('X-Amz-Target')?.endsWith('.SignUp'))).toEqual([]);
  });

  it('names every rule a password misses, in German too', async () => {
    const { user } = renderApp('/signup', { language: 'de' });

    await user.type(await screen.findByTestId('sign-up-email'), 'neu@example.com');
    await user.type(screen.getByTestId('sign-up-password'), 'kurz');
    await user.click(screen.getByTestId('sign-up-submit'));

    expect(await screen.findByTestId('auth-error')).toHaveTextContent(
      'Dieses Passwort braucht noch mindestens 12 Zeichen, einen Großbuchstaben und eine Ziffer.',
    );
    expect(screen.getByText(
      'Ihr Passwort braucht mindestens 12 Zeichen, einen Großbuchstaben, einen Kleinbuchstaben und eine Ziffer.',
    )).toBeInTheDocument();
  });

  it('follows the policy config.json gives, not one built into the storefront', async () => {
    const config = {
      ...TEST_CONFIG,
      cognito: {
        ...TEST_CONFIG.cognito,
        passwordPolicy: { minimumLength: 16, requireUppercase: false, requireLowercase: true, requireNumbers: false, requireSymbols: true },
      },
    };
    const { user } = renderApp('/signup', { config });

    expect(await screen.findByText('Your password needs at least 16 characters, a lower-case letter, and a symbol such as ! or -.'))
      .toBeInTheDocument();
    await user.type(screen.getByTestId('sign-up-email'), 'new@example.com');
    await user.type(screen.getByTestId('sign-up-password'), 'Str0ng-passw0rd'); // enough for the deployed pool
    await user.click(screen.getByTestId('sign-up-submit'));
    expect(await screen.findByTestId('auth-error')).toHaveTextContent('This password still needs at least 16 characters.');

    await user.type(screen.getByTestId('sign-up-password'), '!');
    await user.click(screen.getByTestId('sign-up-submit'));
    expect(await screen.findByText(/sent a confirmation code to new@example.com/)).toBeInTheDocument();
  });
});

describe('an unconfirmed shopper at sign-in', () => {
  it('is taken to the confirmation step, can ask for a new code, and is signed in once confirmed', async () => {
    const backend = new FakeBackend().withQuietHome().install();
    let confirmed = false;
    backend.cognito('InitiateAuth', () => confirmed
      ? json(200, cognitoTokens('late-sub', 'late@example.com', 3600, 'refresh-late'))
      : json(400, { __type: 'UserNotConfirmedException', message: 'User is not confirmed.' }));
    backend.cognito('ResendConfirmationCode', () =>
      json(200, { CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'l***@e***' } }));
    backend.cognito('ConfirmSignUp', () => {
      confirmed = true;
      return json(200, {});
    });
    backend.api('GET', '/orders', () => json(200, { items: [] }));
    const { user, router } = renderApp('/signin?next=%2Forders');

    await user.type(await screen.findByLabelText('Email'), 'late@example.com');
    await user.type(screen.getByLabelText('Password'), 'Str0ng!pass');
    await user.click(screen.getByTestId('sign-in-submit'));

    // The sign-in page's own h1 is there until Cognito's answer arrives: wait for the confirmation step's.
    expect(await screen.findByRole('heading', { level: 1, name: 'Confirm your email' })).toBeInTheDocument();
    expect(screen.getByText(/not confirmed yet. Enter the code we sent to late@example.com/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send a new code' }));
    expect(await screen.findByText(/We sent a new code to l\*\*\*@e\*\*\*/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Confirmation code'), '123456');
    await user.click(screen.getByTestId('confirm-submit'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/orders'));
    expect(await screen.findByTestId('signed-in-as')).toHaveTextContent('late@example.com');
    const confirm = backend.requests.find((r) => r.headers.get('X-Amz-Target')?.endsWith('.ConfirmSignUp'));
    expect(confirm?.body).toEqual({ ClientId: 'test-client', Username: 'late@example.com', ConfirmationCode: '123456' });
    const signIns = backend.requests.filter((r) => r.headers.get('X-Amz-Target')?.endsWith('.InitiateAuth'));
    expect(signIns.map((r) => (r.body as { AuthParameters: object }).AuthParameters)).toEqual([
      { USERNAME: 'late@example.com', PASSWORD: 'Str0ng!pass' },
      { USERNAME: 'late@example.com', PASSWORD: 'Str0ng!pass' },
    ]);
  });

  it('confirms from a link to the confirmation step, then signs in by hand', async () => {
    const backend = new FakeBackend().withQuietHome().install();
    backend.cognito('ConfirmSignUp', () => json(200, {}));
    const { user, router } = renderApp('/signup?step=confirm&email=late%40example.com&next=%2Forders');

    await user.type(await screen.findByLabelText('Confirmation code'), '123456');
    await user.click(screen.getByTestId('confirm-submit'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/signin'));
    expect(await screen.findByText('Your email is confirmed. You can sign in now.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveValue('late@example.com');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/orders');
  });
});
