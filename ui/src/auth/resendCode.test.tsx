import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cognitoTokens, FakeBackend, json } from '../test/fakeBackend';
import { renderApp } from '../test/renderApp';
import { RESEND_COOLDOWN_MS } from './ResendCodeButton';

const EMAIL = 'new@example.com';
const isResend = (target: string | null) => target?.endsWith('.ResendConfirmationCode') ?? false;

describe('a new confirmation code', () => {
  let backend: FakeBackend;
  let validCode: string;
  beforeEach(() => {
    validCode = '111111';
    backend = new FakeBackend().withQuietHome().install();
    backend.cognito('SignUp', () => json(200, { UserConfirmed: false, UserSub: 'new-sub' }));
    // As Cognito does: a resent code replaces the one sent before.
    backend.cognito('ResendConfirmationCode', () => {
      validCode = '222222';
      return json(200, { CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'n***@e***' } });
    });
    backend.cognito('ConfirmSignUp', (request) =>
      (request.body as { ConfirmationCode: string }).ConfirmationCode === validCode
        ? json(200, {})
        : json(400, { __type: 'CodeMismatchException', message: 'Invalid code' }),
    );
    backend.cognito('InitiateAuth', () => json(200, cognitoTokens('new-sub', EMAIL, 3600, 'refresh-new')));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  async function signUpToConfirmStep(language: 'en' | 'de' = 'en') {
    const app = renderApp('/signup?next=%2Forders', { language });
    backend.api('GET', '/orders', () => json(200, { items: [] }));
    await app.user.type(await screen.findByTestId('sign-up-email'), EMAIL);
    await app.user.type(screen.getByTestId('sign-up-password'), 'Str0ng-Passw');
    await app.user.click(screen.getByTestId('sign-up-submit'));
    await screen.findByTestId('confirm-form');
    return app;
  }

  it('is sent on request, says where it went, and confirms the account in place of the first code', async () => {
    const { user, router } = await signUpToConfirmStep();

    await user.click(screen.getByRole('button', { name: 'Send a new code' }));

    expect(await screen.findByTestId('resend-status')).toHaveTextContent(
      'We sent a new code to n***@e***. It replaces the earlier one. You can ask for another one in 30 seconds.',
    );
    expect(backend.requests.filter((r) => isResend(r.headers.get('X-Amz-Target'))).map((r) => r.body))
      .toEqual([{ ClientId: 'test-client', Username: EMAIL }]);
    await user.type(screen.getByLabelText('Confirmation code'), '111111');
    await user.click(screen.getByTestId('confirm-submit'));
    expect(await screen.findByTestId('auth-error')).toHaveTextContent('That code is not right');
    await user.clear(screen.getByLabelText('Confirmation code'));
    await user.type(screen.getByLabelText('Confirmation code'), '222222');
    await user.click(screen.getByTestId('confirm-submit'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/orders'));
    expect(await screen.findByTestId('signed-in-as')).toHaveTextContent(EMAIL);
  });

  it('sends one request however often the shopper clicks, and stays disabled for the cool-down', async () => {
    let answer: (response: Response) => void = () => {};
    backend.cognito('ResendConfirmationCode', () => new Promise<Response>((resolve) => { answer = resolve; }));
    const { user } = await signUpToConfirmStep();
    const resend = screen.getByTestId('resend-code');

    await user.dblClick(resend);
    await user.click(resend);
    expect(resend).toBeDisabled();
    answer(json(200, { CodeDeliveryDetails: { Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' } }));
    expect(await screen.findByText(/We sent a new code to n\*\*\*@e\*\*\*/)).toBeInTheDocument();
    await user.click(resend);

    expect(resend).toBeDisabled();
    expect(backend.requests.filter((r) => isResend(r.headers.get('X-Amz-Target')))).toHaveLength(1);
  });

  it('lets the shopper ask again once the cool-down is over', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true }); // real time still passes for the UI; the cool-down can be skipped
    const { user } = await signUpToConfirmStep();
    await user.click(screen.getByTestId('resend-code'));
    await screen.findByText(/We sent a new code/);

    act(() => vi.advanceTimersByTime(RESEND_COOLDOWN_MS - 1000));
    expect(screen.getByTestId('resend-code')).toBeDisabled();
    act(() => vi.advanceTimersByTime(1000));
    await user.click(screen.getByTestId('resend-code'));

    await waitFor(() => expect(backend.requests.filter((r) => isResend(r.headers.get('X-Amz-Target')))).toHaveLength(2));
  });

  it('explains Cognito\'s limit on new codes', async () => {
    backend.cognito('ResendConfirmationCode', () =>
      json(400, { __type: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' }));
    const { user } = await signUpToConfirmStep();

    await user.click(screen.getByTestId('resend-code'));

    expect(await screen.findByTestId('resend-error')).toHaveTextContent(
      'Too many new codes were requested for this email. Please wait a few minutes, then use the latest code you received.',
    );
    expect(screen.getByTestId('resend-code')).toBeDisabled();
  });

  it('explains the limit in German too', async () => {
    backend.cognito('ResendConfirmationCode', () =>
      json(400, { __type: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.' }));
    const { user } = await signUpToConfirmStep('de');

    await user.click(screen.getByRole('button', { name: 'Neuen Code senden' }));

    expect(await screen.findByTestId('resend-error')).toHaveTextContent(
      'Für diese E-Mail wurden zu viele neue Codes angefordert. Bitte warten Sie einige Minuten',
    );
  });

  it('says when no sign-up is waiting under the email', async () => {
    backend.cognito('ResendConfirmationCode', () =>
      json(400, { __type: 'UserNotFoundException', message: 'Username/client id combination not found.' }));
    const { user } = renderApp('/signup?step=confirm&email=typo%40example.com');

    await user.click(await screen.findByTestId('resend-code'));

    expect(await screen.findByTestId('resend-error')).toHaveTextContent(
      'No sign-up is waiting for confirmation under this email. Check the address, or create an account.',
    );
    expect(screen.getByTestId('resend-code')).toBeEnabled(); // a corrected address may be tried at once
  });

  it('offers sign-in, with the email filled in, when the account is already confirmed', async () => {
    backend.cognito('ResendConfirmationCode', () =>
      json(400, { __type: 'InvalidParameterException', message: 'User is already confirmed.' }));
    const { user, router } = renderApp('/signup?step=confirm&email=done%40example.com&next=%2Fcart');

    await user.click(await screen.findByTestId('resend-code'));
    expect(await screen.findByTestId('resend-error')).toHaveTextContent('This email is already confirmed, so no code is needed.');
    await user.click(screen.getByRole('link', { name: 'Sign in now' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/signin'));
    expect(await screen.findByLabelText('Email')).toHaveValue('done@example.com');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/cart');
  });
});
