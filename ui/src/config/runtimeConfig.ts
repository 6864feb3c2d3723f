// The runtime configuration served as /config.json by each environment (see docs/interfaces.md).
// One build runs locally, in the primary and in the secondary: everything that differs lives here.

/** The user pool's password policy, as Cognito names it; sign-up checks it before asking Cognito. */
export interface PasswordPolicy {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
}

export interface CognitoSettings {
  region: string;
  userPoolId: string;
  clientId: string;
  endpoint: string;
  /**
   * Every Cognito endpoint of the pool, the serving region's first (the user pool's multi-Region replica:
   * docs/architecture.md#the-user-pool). A config.json without them has one: `endpoint`.
   */
  endpoints: string[];
  passwordPolicy: PasswordPolicy;
}

export interface RuntimeConfig {
  apiBaseUrl: string;
  region: string;
  role: string;
  cognito: CognitoSettings;
  blogUrl: string;
}

export class ConfigError extends Error {}

const CONFIG_PATH = '/config.json';

function requireString(source: Record<string, unknown>, field: string, prefix = ''): string {
  const value = source[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigError(`config.json: "${prefix}${field}" must be a non-empty string`);
  }
  return value;
}

function requireBoolean(source: Record<string, unknown>, field: string, prefix: string): boolean {
  const value = source[field];
  if (typeof value !== 'boolean') throw new ConfigError(`config.json: "${prefix}${field}" must be true or false`);
  return value;
}

function parsePasswordPolicy(raw: unknown): PasswordPolicy {
  const prefix = 'cognito.passwordPolicy.';
  if (!isObject(raw)) throw new ConfigError('config.json: "cognito.passwordPolicy" must be an object');
  const minimumLength = raw.minimumLength;
  if (typeof minimumLength !== 'number' || !Number.isInteger(minimumLength) || minimumLength < 1) {
    throw new ConfigError(`config.json: "${prefix}minimumLength" must be a positive whole number`);
  }
  return {
    minimumLength,
    requireUppercase: requireBoolean(raw, 'requireUppercase', prefix),
    requireLowercase: requireBoolean(raw, 'requireLowercase', prefix),
    requireNumbers: requireBoolean(raw, 'requireNumbers', prefix),
    requireSymbols: requireBoolean(raw, 'requireSymbols', prefix),
  };
}

function parseEndpoints(raw: unknown, endpoint: string): string[] {
  if (raw === undefined) return [endpoint];
  if (!Array.isArray(raw) || raw.length === 0 || raw.some((value) => typeof value !== 'string' || value.trim() === '')) {
    throw new ConfigError('config.json: "cognito.endpoints" must be a non-empty list of non-empty strings');
  }
  return raw as string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates the parsed JSON so a broken deployment fails with a message that names the field. */
export function parseRuntimeConfig(raw: unknown): RuntimeConfig {
  if (!isObject(raw)) throw new ConfigError('config.json: expected a JSON object');
  const cognito = raw.cognito;
  if (!isObject(cognito)) throw new ConfigError('config.json: "cognito" must be an object');
  const endpoint = requireString(cognito, 'endpoint', 'cognito.');
  return {
    apiBaseUrl: requireString(raw, 'apiBaseUrl').replace(/\/+$/, ''),
    region: requireString(raw, 'region'),
    role: requireString(raw, 'role'),
    cognito: {
      region: requireString(cognito, 'region', 'cognito.'),
      userPoolId: requireString(cognito, 'userPoolId', 'cognito.'),
      clientId: requireString(cognito, 'clientId', 'cognito.'),
      endpoint,
      endpoints: parseEndpoints(cognito.endpoints, endpoint),
      passwordPolicy: parsePasswordPolicy(cognito.passwordPolicy),
    },
    blogUrl: requireString(raw, 'blogUrl').replace(/\/+$/, ''),
  };
}

/** Fetches /config.json, never from cache: a failover may change it without a new build. */
export async function loadRuntimeConfig(fetchFn: typeof fetch = fetch): Promise<RuntimeConfig> {
  let response: Response;
  try {
    response = await fetchFn(CONFIG_PATH, { cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch (cause) {
    throw new ConfigError(`config.json could not be fetched: ${String(cause)}`);
  }
  if (!response.ok) throw new ConfigError(`config.json answered HTTP ${response.status}`);
  let raw: unknown;
  try {
    raw = await response.json();
  } catch {
    throw new ConfigError('config.json is not valid JSON');
  }
  return parseRuntimeConfig(raw);
}
