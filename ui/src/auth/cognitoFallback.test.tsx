import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RuntimeConfig } from '../config/runtimeConfig';
import { cognitoTokens, FakeBackend, json, networkFailure, noAnswer, TEST_CONFIG } from '../test/fakeBackend';
import { renderApp, SHOPPER, signedInSession } from '../test/renderApp';
import { REFRESH_MARGIN_MS } from './authSlice';
import { CognitoError, createCognitoClient, UNANSWERED_MEMORY_MS } from './cognitoClient';

// Both regions' Cognito endpoints, the serving region's first (config.json's cognito.endpoints).
const FIRST = 'http://cognito-primary.test/';
const SECOND = 'http://cognito-secondary.test/';
const TWO_REGIONS: RuntimeConfig = { ...TEST_CONFIG, cognito: { ...TEST_CONFIG.cognito, endpoint: FIRST, endpoints: [FIRST, SECOND] } };
const STANDBY: RuntimeConfig = { ...TWO_REGIONS, region: 'ap-southeast-1', role: 'secondary',
  cognito: { ...TWO_REGIONS.cognito, endpoint: SECOND, endpoints: [SECOND, FIRST] } };
const isInitiateAuth = (target: string | null) => target?.endsWith('.InitiateAuth') ?? false;
const replicaRefusal = () => json(400, {
  __type: 'OperationNotEnabledException', message: 'The secondary user pool is not enabled for this operation' });

describe('Cognito in two regions', () => {
  let backend: FakeBackend;
  beforeEach(() => {
    backend = new FakeBackend(TWO_REGIONS).withQuietHome().install();
    backend.api('GET', '/orders', () => json(200, { items: [] }));
  });

  function initiateAuthCalls() {
    return backend.requests.filter((r) => isInitiateAuth(r.headers.get('X-Amz-Target'))).map((r) => r.url.href);
  }

  it('signs in through the second endpoint when the first cannot be reached', async () => {
    backend.cognito('InitiateAuth', networkFailure, FIRST);
    backend.cognito('InitiateAuth', () => json(200, cognitoTokens(SHOPPER.sub, SHOPPER.email, 3600, 'refresh-1')), SECOND);
    const { user, router } = renderApp('/signin?next=%2Forders', { config: TWO_REGIONS });

    await user.type(await screen.findByTestId('sign-in-email'), SHOPPER.email);
    await user.type(screen.getByTestId('sign-in-password'), 'Str0ng-Passw');
    await user.click(screen.getByTestId('sign-in-submit'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/orders'));
    expect(initiateAuthCalls()).toEqual([FIRST, SECOND]);
  });

  it('does not ask the second endpoint when the first refuses the password', async () => {
    backend.cognito('InitiateAuth', () => json(400, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }), FIRST);
    backend.cognito('InitiateAuth', () => json(200, cognitoTokens(SHOPPER.sub, SHOPPER.email)), SECOND);
    const { user } = renderApp('/signin', { config: TWO_REGIONS });

    await user.type(await screen.findByTestId('sign-in-email'), SHOPPER.email);
    await user.type(screen.getByTestId('sign-in-password'), 'wrong-passw0rd');
    await user.click(screen.getByTestId('sign-in-submit'));

    expect(await screen.findByTestId('auth-error')).toHaveTextContent('Incorrect email or password.');
    expect(initiateAuthCalls()).toEqual([FIRST]);
  });

  it('refreshes a signed-in shopper\'s token through the second endpoint and keeps the session', async () => {
    const expiring = signedInSession(REFRESH_MARGIN_MS / 1000 / 2);
    const fresh = cognitoTokens(SHOPPER.sub, SHOPPER.email, 3600);
    backend.cognito('InitiateAuth', networkFailure, FIRST);
    backend.cognito('InitiateAuth', () => json(200, fresh), SECOND);

    renderApp('/orders', { session: expiring, config: TWO_REGIONS });

    expect(await screen.findByTestId('orders-empty')).toBeInTheDocument();
    expect(initiateAuthCalls()).toEqual([FIRST, SECOND]);
    expect(backend.calls('GET', '/orders')[0]?.headers.get('Authorization')).toBe(`Bearer ${fresh.AuthenticationResult.IdToken}`);
  });

  it('moves on after a 5xx and after the timeout, and names the last failure when none answers', async () => {
    backend.cognito('InitiateAuth', () => json(503, { __type: 'ServiceUnavailable', message: 'down' }), FIRST);
    // A region that accepts the connection and never answers: only the client's timeout ends the wait.
    backend.cognito('InitiateAuth', noAnswer, SECOND);
    const client = createCognitoClient(TWO_REGIONS.cognito, { timeoutMs: 50 });

    const refused = await client.signIn(SHOPPER.email, 'Str0ng-Passw').catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(CognitoError);
    expect((refused as CognitoError).code).toBe('network');
    expect((refused as CognitoError).message).toBe('no answer within 50 ms');
    expect(initiateAuthCalls()).toEqual([FIRST, SECOND]);
  });
});

describe('an endpoint that did not answer', () => {
  let backend: FakeBackend;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    backend = new FakeBackend(TWO_REGIONS).withQuietHome().install();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const initiateAuthCalls = () =>
    backend.requests.filter((r) => isInitiateAuth(r.headers.get('X-Amz-Target'))).map((r) => r.url.href);
  const tokens = () => json(200, cognitoTokens(SHOPPER.sub, SHOPPER.email, 3600, 'refresh-1'));

  it('is asked last by every client of the page until the memory ends, then first again', async () => {
    backend.cognito('InitiateAuth', networkFailure, FIRST);
    backend.cognito('InitiateAuth', tokens, SECOND);

    await createCognitoClient(TWO_REGIONS.cognito).signIn(SHOPPER.email, 'Str0ng-Passw');
    // A new client (each sign-in and refresh makes one) goes straight to the endpoint that answered.
    await createCognitoClient(TWO_REGIONS.cognito).refresh('refresh-1');
    vi.setSystemTime(Date.now() + UNANSWERED_MEMORY_MS - 1);
    await createCognitoClient(TWO_REGIONS.cognito).refresh('refresh-1');
    expect(initiateAuthCalls()).toEqual([FIRST, SECOND, SECOND, SECOND]);

    vi.setSystemTime(Date.now() + 2);
    backend.cognito('InitiateAuth', tokens, FIRST); // the region is back
    await createCognitoClient(TWO_REGIONS.cognito).refresh('refresh-1');
    await createCognitoClient(TWO_REGIONS.cognito).refresh('refresh-1');
    expect(initiateAuthCalls()).toEqual([FIRST, SECOND, SECOND, SECOND, FIRST, FIRST]);
  });

  it('is still asked when the other endpoint stops answering too, and a 4xx verdict is a sign of life', async () => {
    backend.cognito('InitiateAuth', networkFailure, FIRST);
    backend.cognito('InitiateAuth', tokens, SECOND);
    await createCognitoClient(TWO_REGIONS.cognito).signIn(SHOPPER.email, 'Str0ng-Passw');

    backend.cognito('InitiateAuth', networkFailure, SECOND);
    backend.cognito('InitiateAuth', () => json(400, { __type: 'NotAuthorizedException', message: 'Refresh Token has expired' }), FIRST);
    const refused = await createCognitoClient(TWO_REGIONS.cognito).refresh('refresh-1').catch((error: unknown) => error);
    expect((refused as CognitoError).code).toBe('NotAuthorizedException');

    backend.cognito('InitiateAuth', tokens, FIRST);
    backend.cognito('InitiateAuth', tokens, SECOND);
    await createCognitoClient(TWO_REGIONS.cognito).refresh('refresh-1');
    // FIRST answered (with a verdict) and SECOND did not: FIRST is asked first again, SECOND last.
    expect(initiateAuthCalls()).toEqual([FIRST, SECOND, SECOND, FIRST, FIRST]);
  });
});

describe('sign-up in the secondary region', () => {
  it('says plainly, up front and on refusal, that new accounts come back shortly', async () => {
    const backend = new FakeBackend(STANDBY).withQuietHome().install();
    backend.cognito('SignUp', replicaRefusal, SECOND);
    backend.cognito('SignUp', networkFailure, FIRST); // the primary region is down
    const { user } = renderApp('/signup', { config: STANDBY });

    expect(await screen.findByTestId('sign-up-unavailable')).toHaveTextContent(
      'Sign-up is paused while the shop runs from its standby region. New accounts can be created again shortly; you can sign in and shop as usual.');
    await user.type(screen.getByTestId('sign-up-email'), 'new@example.com');
    await user.type(screen.getByTestId('sign-up-password'), 'Str0ng-Passw');
    await user.click(screen.getByTestId('sign-up-submit'));

    expect(await screen.findByTestId('auth-error')).toHaveTextContent(
      'New accounts can be created again shortly; you can sign in and shop as usual.');
    // Only the primary region can create the account, so it is asked too; in an outage it does not answer.
    expect(backend.requests.filter((r) => r.headers.get('X-Amz-Target')?.endsWith('.SignUp')).map((r) => r.url.href))
      .toEqual([SECOND, FIRST]);
  });

  it('creates the account in the primary region when the standby serves but the primary answers (planned switchover)', async () => {
    const backend = new FakeBackend(STANDBY).withQuietHome().install();
    backend.cognito('SignUp', replicaRefusal, SECOND);
    backend.cognito('SignUp', () => json(200, { UserConfirmed: false, UserSub: 'new-sub',
      CodeDeliveryDetails: { Destination: 'n***@example.com', DeliveryMedium: 'EMAIL', AttributeName: 'email' } }), FIRST);
    const client = createCognitoClient(STANDBY.cognito);

    await expect(client.signUp('new@example.com', 'Str0ng-Passw')).resolves.toBeUndefined();
    expect(backend.requests.filter((r) => r.headers.get('X-Amz-Target')?.endsWith('.SignUp')).map((r) => r.url.href))
      .toEqual([SECOND, FIRST]);
  });

  it('explains a refused new confirmation code the same way', async () => {
    const backend = new FakeBackend(STANDBY).withQuietHome().install();
    backend.cognito('ResendConfirmationCode', replicaRefusal, SECOND);
    backend.cognito('ResendConfirmationCode', networkFailure, FIRST);
    const { user } = renderApp('/signup?step=confirm&email=earlier%40example.com', { config: STANDBY });

    await user.click(await screen.findByTestId('resend-code'));

    expect(await screen.findByTestId('resend-error')).toHaveTextContent(
      'New accounts can be created again shortly; you can sign in and shop as usual.');
  });

  it('explains the refusal in German too, also when config.json does not say secondary', async () => {
    const backend = new FakeBackend(TWO_REGIONS).withQuietHome().install();
    backend.cognito('SignUp', replicaRefusal, FIRST);
    backend.cognito('SignUp', networkFailure, SECOND);
    const { user } = renderApp('/signup', { config: TWO_REGIONS, language: 'de' });

    await user.type(await screen.findByTestId('sign-up-email'), 'neu@example.com');
    await user.type(screen.getByTestId('sign-up-password'), 'Str0ng-Passw');
    await user.click(screen.getByTestId('sign-up-submit'));

    expect(await screen.findByTestId('auth-error')).toHaveTextContent(
      'Neue Konten können in Kürze wieder angelegt werden; Anmelden und Einkaufen funktionieren wie gewohnt.');
    expect(screen.queryByTestId('sign-up-unavailable')).toBeNull();
  });
});
