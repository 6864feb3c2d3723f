/**
 * The bookstore's HTTP API and local Cognito, called the way the storefront calls them; the journey uses
 * it to set the scene (an earlier customer's order) and to check what the UI shows against the API.
 */
export class BookstoreApi {
  constructor(url) {
    this.url = url;
  }

  async config() {
    return this.json('GET', '/config.json');
  }

  async signIn(email, password) {
    const { cognito } = await this.config();
    const result = await this.cognito('InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: cognito.clientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    });
    return result.AuthenticationResult.IdToken;
  }

  async signUpCode(email) {
    return (await this.json('GET', `/_local/sign-up-code?username=${encodeURIComponent(email)}`)).code;
  }

  async cognito(operation, body) {
    const response = await fetch(`${this.url}/cognito/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` },
      body: JSON.stringify(body),
    });
    const payload = await response.json();
    if (!response.ok) throw new Error(`${operation}: ${response.status} ${JSON.stringify(payload)}`);
    return payload;
  }

  api(method, route, { token, body, headers = {} } = {}) {
    return this.json(method, `/api${route}`, { token, body, headers });
  }

  async json(method, pathAndQuery, { token, body, headers = {} } = {}) {
    const response = await fetch(`${this.url}${pathAndQuery}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${pathAndQuery}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }
}
