// A scripted stand-in for the three HTTP services the storefront talks to (bookstore API, Cognito
// JSON API, WordPress REST API), installed as `fetch`. It records every request so tests assert on
// what the UI actually sent. Bookstore API traffic is held to the OpenAPI document both ways: a request
// the UI sends or an answer a test scripts that the document does not allow is a contract violation,
// which fails the test (src/test/setup.ts). The real services are exercised by the browser journey (ui/e2e).
import { vi } from 'vitest';
import type { RuntimeConfig } from '../config/runtimeConfig';
import { requestProblems, responseProblems } from './openApiContract';

const violations: string[] = [];

/** Contract violations since the last call, which clears them (checked after every test). */
export function takeContractViolations(): string[] {
  return violations.splice(0);
}

export const TEST_CONFIG: RuntimeConfig = {
  apiBaseUrl: 'http://api.test/api',
  region: 'eu-west-1',
  role: 'primary',
  cognito: {
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_test',
    clientId: 'test-client',
    endpoint: 'http://cognito.test/',
    endpoints: ['http://cognito.test/'],
    // The deployed pool's policy (src/main/java/com/bookstore/infra/auth/PasswordPolicy.java).
    passwordPolicy: { minimumLength: 12, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: false },
  },
  blogUrl: 'http://blog.test',
};

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

interface Route {
  matches: (request: RecordedRequest) => boolean;
  handler: Handler;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** What a browser's fetch throws when the connection fails. */
export const networkFailure = (): never => {
  throw new TypeError('Failed to fetch');
};

function abortable(answer: Promise<Response>, signal: AbortSignal | null | undefined): Promise<Response> {
  if (!signal) return answer;
  return new Promise((resolve, reject) => {
    const aborted = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
    if (signal.aborted) aborted();
    signal.addEventListener('abort', aborted, { once: true });
    answer.then(resolve, reject);
  });
}

/** An answer that never comes: a region that accepts connections but does not respond. */
export const noAnswer = (): Promise<Response> => new Promise<Response>(() => {});

export class FakeBackend {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: Route[] = [];

  constructor(private readonly config: RuntimeConfig = TEST_CONFIG) {}

  /** A bookstore API route, path relative to apiBaseUrl (query string ignored). */
  api(method: string, path: string, handler: Handler): this {
    const target = new URL(this.config.apiBaseUrl + path);
    this.routes.unshift({
      matches: (r) => r.method === method && r.url.origin === target.origin && r.url.pathname === target.pathname,
      handler,
    });
    return this;
  }

  /** A Cognito operation (`InitiateAuth`, `SignUp`...) by its X-Amz-Target, at `endpoint` (config's first). */
  cognito(operation: string, handler: Handler, endpoint = this.config.cognito.endpoint): this {
    this.routes.unshift({
      matches: (r) =>
        r.url.href === endpoint &&
        r.headers.get('X-Amz-Target') === `AWSCognitoIdentityProviderService.${operation}`,
      handler,
    });
    return this;
  }

  /** A WordPress REST route under /wp-json/wp/v2. */
  blog(path: string, handler: Handler): this {
    const target = new URL(`${this.config.blogUrl}/wp-json/wp/v2${path}`);
    this.routes.unshift({
      matches: (r) => r.method === 'GET' && r.url.origin === target.origin && r.url.pathname === target.pathname,
      handler,
    });
    return this;
  }

  /** A file served by the site itself (same origin as the page), such as /config.json. */
  site(path: string, handler: Handler): this {
    this.routes.unshift({
      matches: (r) => r.method === 'GET' && r.url.origin === window.location.origin && r.url.pathname === path,
      handler,
    });
    return this;
  }

  /** Answers the home page's background calls, which most tests do not care about. */
  withQuietHome(): this {
    return this.api('GET', '/region', () => json(200, { region: 'eu-west-1', role: 'primary' }, { 'X-Bookstore-Region': 'eu-west-1' }))
      .api('GET', '/bestsellers', () => json(200, { items: [], stale: false }))
      .blog('/posts', () => json(200, [], { 'X-WP-TotalPages': '0' }));
  }

  calls(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.url.pathname.endsWith(path));
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const href = typeof input === 'string' || input instanceof URL ? input.toString() : input.url;
    const url = new URL(href, window.location.origin);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const request: RecordedRequest = {
      method: (init.method ?? 'GET').toUpperCase(),
      url,
      headers: new Headers(init.headers),
      body,
    };
    this.requests.push(request);
    const apiPath = this.apiPath(url);
    if (apiPath !== null) violations.push(...requestProblems(request.method, url, apiPath, request.headers, body));
    const route = this.routes.find((candidate) => candidate.matches(request));
    const answer = route
      ? route.handler(request)
      : json(404, { error: 'not_found', message: `no fake route for ${request.method} ${url.href}` });
    // As a browser's fetch does: an aborted request rejects with an AbortError, answered or not.
    const response = await abortable(Promise.resolve(answer), init.signal);
    if (apiPath !== null) {
      const text = await response.clone().text();
      const answered = text === '' ? null : (JSON.parse(text) as unknown);
      violations.push(...responseProblems(request.method, apiPath, response.status, answered).map((problem) => `fake answer: ${problem}`));
    }
    return response;
  };

  /** The path of a bookstore API call relative to apiBaseUrl, or null for any other service. */
  private apiPath(url: URL): string | null {
    const base = new URL(this.config.apiBaseUrl);
    if (url.origin !== base.origin || !url.pathname.startsWith(`${base.pathname}/`)) return null;
    return url.pathname.slice(base.pathname.length);
  }

  install(): this {
    vi.stubGlobal('fetch', this.fetch);
    return this;
  }
}

/** An unsigned JWT with the claims the UI reads; the UI never verifies signatures (the API does). */
export function fakeIdToken(claims: { sub: string; email: string; exp: number }): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ alg: 'RS256', kid: 'test' })}.${encode({ ...claims, aud: TEST_CONFIG.cognito.clientId, token_use: 'id' })}.signature`;
}

export function cognitoTokens(sub: string, email: string, lifetimeSeconds = 3600, refreshToken?: string) {
  const exp = Math.floor(Date.now() / 1000) + lifetimeSeconds;
  return {
    AuthenticationResult: {
      IdToken: fakeIdToken({ sub, email, exp }),
      AccessToken: `access-${sub}-${exp}`,
      ...(refreshToken ? { RefreshToken: refreshToken } : {}),
      ExpiresIn: lifetimeSeconds,
      TokenType: 'Bearer',
    },
  };
}
