import type { CognitoSettings } from '../config/runtimeConfig';

// Cognito's JSON API called directly (what Amplify does underneath, without its weight): the
// endpoints come from config.json so the same code signs in against the local Cognito.
const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

/**
 * How long one endpoint gets to answer before the next one is asked: a region that is gone often
 * accepts no connection and refuses none either. Sign-in then waits this long once, not forever.
 */
export const ENDPOINT_TIMEOUT_MS = 8_000;

/**
 * What the pool's replica answers for the operations only the primary region serves (sign-up, its code,
 * password changes): HTTP 400, "an operation is not available in the current region [...] operations that
 * are not supported in secondary replica regions" (Cognito API reference, SignUp > Errors; in botocore
 * 1.44.18's cognito-idp model for SignUp, ConfirmSignUp, ResendConfirmationCode, ChangePassword).
 */
export const PRIMARY_ONLY_ERROR = 'OperationNotEnabledException';

/**
 * How long an endpoint that did not answer is asked last. Without this memory every call after a failover
 * would wait {@link ENDPOINT_TIMEOUT_MS} for the lost region before asking the other one; after it the own
 * region is asked first again, so a recovered region is used at most this long after it came back.
 */
export const UNANSWERED_MEMORY_MS = 5 * 60_000;

/** Endpoint URL -> until when it is asked last (epoch ms). Shared by every client of the page. */
const unansweredUntil = new Map<string, number>();

/** Forgets which endpoints did not answer (tests start from a clean page with it). */
export function forgetUnansweredEndpoints(): void {
  unansweredUntil.clear();
}

export interface AuthenticationResult {
  IdToken: string;
  AccessToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
}

/** Where Cognito sent a code: `Destination` is masked ("n***@e***"), never the full address. */
export interface CodeDeliveryDetails {
  Destination?: string;
  DeliveryMedium?: string;
  AttributeName?: string;
}

/** A Cognito error: `code` is the exception name (`NotAuthorizedException`...) or `network`. */
export class CognitoError extends Error {
  readonly code: string;
  /** The HTTP status of Cognito's answer; undefined when none came (`network`). */
  readonly status?: number;
  constructor(code: string, message: string, status?: number) {
    super(message);
    this.code = code;
    this.status = status;
  }

  /** No verdict from this endpoint: it could not be reached, timed out, or failed on its side (5xx). */
  get unanswered(): boolean {
    return this.status === undefined ? this.code === 'network' : this.status >= 500;
  }
}

export interface CognitoClient {
  signUp(email: string, password: string): Promise<void>;
  confirmSignUp(email: string, code: string): Promise<void>;
  /** A new sign-up code, replacing the previous one (which stops working). */
  resendConfirmationCode(email: string): Promise<CodeDeliveryDetails>;
  signIn(email: string, password: string): Promise<AuthenticationResult>;
  refresh(refreshToken: string): Promise<AuthenticationResult>;
  /** Ends the refresh token's session at Cognito: it (and tokens issued from it) stops working. */
  revokeToken(refreshToken: string): Promise<void>;
}

/** The configured order, except that endpoints which recently did not answer come last (still asked). */
function inAskingOrder(endpoints: string[]): string[] {
  const now = Date.now();
  const recentlyUnanswered = (endpoint: string) => (unansweredUntil.get(endpoint) ?? 0) > now;
  return [...endpoints.filter((e) => !recentlyUnanswered(e)), ...endpoints.filter(recentlyUnanswered)];
}

function resolveEndpoint(endpoint: string): string {
  // A relative endpoint ("/cognito/") is served by the same origin as the app (the local gateway).
  return new URL(endpoint, window.location.origin).toString();
}

export interface CognitoClientOptions {
  timeoutMs?: number;
}

export function createCognitoClient(settings: CognitoSettings, options: CognitoClientOptions = {}): CognitoClient {
  const endpoints = settings.endpoints.map(resolveEndpoint);
  const timeoutMs = options.timeoutMs ?? ENDPOINT_TIMEOUT_MS;

  /** One endpoint's answer; a thrown `network` error or a 5xx means "ask the next endpoint". */
  async function callAt<T>(endpoint: string, operation: string, body: object): Promise<T> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    let response: Response;
    let payload: Record<string, unknown>;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'X-Amz-Target': TARGET_PREFIX + operation,
        },
        body: JSON.stringify(body),
        signal: abort.signal,
      });
      payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    } catch (cause) {
      throw new CognitoError('network', abort.signal.aborted ? `no answer within ${timeoutMs} ms` : String(cause));
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) {
      // "__type" is either "NotAuthorizedException" or "prefix#NotAuthorizedException".
      const type = String(payload.__type ?? 'unknown').split('#').pop() ?? 'unknown';
      throw new CognitoError(type, String(payload.message ?? payload.Message ?? response.statusText), response.status);
    }
    return payload as T;
  }

  /**
   * The serving region's endpoint first, the next one when it does not answer (network error, timeout,
   * 5xx). A 4xx is Cognito's verdict (wrong password, unknown user...): asking another region would only
   * repeat it, or count against the shopper's lockout there too. The one exception is the replica's
   * refusal of a write (sign-up, codes, passwords): only the pool's primary region can do it, so the next
   * endpoint is asked. It answers while the shop merely runs from the standby (a planned switchover); in an
   * outage it cannot be reached, and the shopper gets the refusal, which the pages explain. An endpoint
   * that did not answer is asked last for {@link UNANSWERED_MEMORY_MS}, so only the first call after a
   * region is lost waits for it.
   */
  async function call<T>(operation: string, body: object): Promise<T> {
    let lastError: CognitoError | undefined;
    let refusal: CognitoError | undefined;
    for (const endpoint of inAskingOrder(endpoints)) {
      try {
        const answer = await callAt<T>(endpoint, operation, body);
        unansweredUntil.delete(endpoint);
        return answer;
      } catch (error) {
        if (!(error instanceof CognitoError)) throw error;
        if (error.unanswered) {
          unansweredUntil.set(endpoint, Date.now() + UNANSWERED_MEMORY_MS);
        } else {
          unansweredUntil.delete(endpoint);
        }
        if (error.code === PRIMARY_ONLY_ERROR) {
          refusal = error;
        } else if (error.unanswered) {
          lastError = error;
        } else {
          throw error;
        }
      }
    }
    throw refusal ?? lastError ?? new CognitoError('network', 'no Cognito endpoint configured');
  }

  async function authenticate(flow: string, parameters: Record<string, string>) {
    const result = await call<{ AuthenticationResult?: AuthenticationResult; ChallengeName?: string }>(
      'InitiateAuth',
      { AuthFlow: flow, ClientId: settings.clientId, AuthParameters: parameters },
    );
    if (!result.AuthenticationResult) {
      // Challenges (NEW_PASSWORD_REQUIRED, MFA) are not part of the shop's sign-up flow.
      throw new CognitoError(result.ChallengeName ?? 'unknown', 'Unsupported authentication challenge');
    }
    return result.AuthenticationResult;
  }

  return {
    async signUp(email, password) {
      await call('SignUp', {
        ClientId: settings.clientId,
        Username: email,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email }],
      });
    },
    async confirmSignUp(email, code) {
      await call('ConfirmSignUp', { ClientId: settings.clientId, Username: email, ConfirmationCode: code });
    },
    async resendConfirmationCode(email) {
      const result = await call<{ CodeDeliveryDetails?: CodeDeliveryDetails }>(
        'ResendConfirmationCode', { ClientId: settings.clientId, Username: email });
      return result.CodeDeliveryDetails ?? {};
    },
    signIn: (email, password) => authenticate('USER_PASSWORD_AUTH', { USERNAME: email, PASSWORD: password }),
    refresh: (refreshToken) => authenticate('REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: refreshToken }),
    async revokeToken(refreshToken) {
      await call('RevokeToken', { ClientId: settings.clientId, Token: refreshToken });
    },
  };
}
