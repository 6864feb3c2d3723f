import type { CognitoSettings } from '../config/runtimeConfig';

// Cognito's JSON API called directly (what Amplify does underneath, without its weight): the
// endpoint comes from config.json so the same code signs in against the local Cognito.
const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

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
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
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

function resolveEndpoint(endpoint: string): string {
  // A relative endpoint ("/cognito/") is served by the same origin as the app (the local gateway).
  return new URL(endpoint, window.location.origin).toString();
}

export function createCognitoClient(settings: CognitoSettings): CognitoClient {
  const endpoint = resolveEndpoint(settings.endpoint);

  async function call<T>(operation: string, body: object): Promise<T> {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'X-Amz-Target': TARGET_PREFIX + operation,
        },
        body: JSON.stringify(body),
      });
    } catch (cause) {
      throw new CognitoError('network', String(cause));
    }
    const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      // "__type" is either "NotAuthorizedException" or "prefix#NotAuthorizedException".
      const type = String(payload.__type ?? 'unknown').split('#').pop() ?? 'unknown';
      throw new CognitoError(type, String(payload.message ?? payload.Message ?? response.statusText));
    }
    return payload as T;
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
