import { PortageError, type AuthConfig, type Credentials } from '@portage/core';
import type { RequestSpec } from '../http/request-spec.js';
import type { TokenProvider } from './token-provider.js';

/**
 * Puts a connection's credentials on requests. Built once per client; the credentials are
 * checked when it is built, so a misconfigured connection fails before any request.
 *
 * @example
 * let spec = await authenticator.authorize(request, signal);
 * // ...sent, answered 401:
 * if (authenticator.onUnauthorized(spec)) spec = await authenticator.authorize(request, signal);
 */
export interface Authenticator {
  /** A new spec carrying the auth header or query param; `spec` is not modified. */
  authorize(spec: RequestSpec, signal?: AbortSignal): Promise<RequestSpec>;
  /**
   * After a 401: forgets the token that request used and says whether one retry with a fresh
   * token makes sense (only for OAuth2; static credentials will not get better by retrying).
   */
  onUnauthorized(spec: RequestSpec): boolean;
  /** The secret values in use now, so the redactor can scrub them wherever they appear. */
  secrets(): string[];
}

/**
 * Options of {@link createAuthenticator}.
 *
 * @example { credentials: { type: 'bearer', token } }
 */
export interface AuthenticatorOptions {
  credentials?: Credentials;
  /** Required for oauth2: token refresh and persistence live there. */
  tokenProvider?: TokenProvider;
}

// Which credential fields each auth type needs, for the CONFIG_INVALID message.
const REQUIRED_FIELDS = {
  api_key: ['apiKey'],
  bearer: ['token'],
  basic: ['username', 'password'],
} as const;

// Tokens handed out recently, for a 401 reported with a spec that no longer shows its header.
const RECENT_TOKENS = 8;

/**
 * Builds the authenticator for an auth config and the connection's credentials.
 *
 * @throws PortageError 'CONFIG_INVALID' when the credentials do not fit the auth type (the
 * message names the expected fields, never a value), or oauth2 comes without a token provider.
 *
 * @example
 * const auth = createAuthenticator({ type: 'api_key', in: 'header', name: 'X-Api-Key' }, {
 *   credentials: { type: 'api_key', apiKey: process.env.ACME_KEY! },
 * });
 * const signed = await auth.authorize(toRequestSpec({ path: '/v1/orders' }));
 * // signed.headers['X-Api-Key'] === the key
 */
export function createAuthenticator(auth: AuthConfig, options: AuthenticatorOptions = {}): Authenticator {
  const { credentials, tokenProvider } = options;
  switch (auth.type) {
    case 'none':
      return { authorize: (spec) => Promise.resolve(spec), onUnauthorized: () => false, secrets: () => [] };
    case 'api_key': {
      const { apiKey } = requireCredentials(auth.type, credentials);
      const value = `${auth.prefix ?? ''}${apiKey}`;
      return staticAuthenticator(
        (spec) => (auth.in === 'query' ? { ...spec, query: { ...spec.query, [auth.name]: apiKey } } : withHeader(spec, auth.name, value)),
        [apiKey],
      );
    }
    case 'bearer': {
      const { token } = requireCredentials(auth.type, credentials);
      return staticAuthenticator((spec) => withHeader(spec, 'authorization', `Bearer ${token}`), [token]);
    }
    case 'basic': {
      const { username, password } = requireCredentials(auth.type, credentials);
      const encoded = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
      return staticAuthenticator((spec) => withHeader(spec, 'authorization', `Basic ${encoded}`), [password, encoded]);
    }
    case 'oauth2': {
      if (!tokenProvider) {
        throw new PortageError('CONFIG_INVALID', 'oauth2 auth needs a tokenProvider (e.g. createOAuth2TokenProvider)', {
          context: { authType: 'oauth2' },
        });
      }
      if (credentials && credentials.type !== 'oauth2') throw mismatch('oauth2', credentials.type);
      return oauth2Authenticator(tokenProvider, credentials);
    }
  }
}

function staticAuthenticator(apply: (spec: RequestSpec) => RequestSpec, secretValues: string[]): Authenticator {
  const values = secretValues.filter((v) => v !== '');
  return {
    authorize: (spec) => Promise.resolve(apply(spec)),
    onUnauthorized: () => false,
    secrets: () => [...values],
  };
}

function oauth2Authenticator(provider: TokenProvider, credentials: Credentials | undefined): Authenticator {
  // Specs are immutable, so the spec we returned (and the one we were given) identify the
  // token a request went out with, even when the client reports the 401 with either of them.
  const tokenOf = new WeakMap<RequestSpec, string>();
  const recent: string[] = [];

  return {
    async authorize(spec, signal) {
      const token = await provider.getToken(signal);
      if (!recent.includes(token)) {
        recent.push(token);
        if (recent.length > RECENT_TOKENS) recent.shift();
      }
      const authorized = withHeader(spec, 'authorization', `Bearer ${token}`);
      tokenOf.set(spec, token);
      tokenOf.set(authorized, token);
      return authorized;
    },
    onUnauthorized(spec) {
      const header = headerValue(spec, 'authorization');
      const fromHeader = header?.match(/^Bearer\s+(.+)$/i)?.[1];
      // Last resort: the newest token. Invalidating it at worst costs one extra token request.
      const token = fromHeader ?? tokenOf.get(spec) ?? recent.at(-1);
      if (token === undefined) return false;
      provider.invalidate(token);
      return true;
    },
    secrets() {
      const fromProvider = provider.secrets?.() ?? [];
      const stored =
        credentials?.type === 'oauth2'
          ? [credentials.clientSecret, credentials.refreshToken, credentials.accessToken]
          : [];
      return [...new Set([...fromProvider, ...stored, ...recent])].filter(
        (value): value is string => typeof value === 'string' && value !== '',
      );
    },
  };
}

type StaticType = keyof typeof REQUIRED_FIELDS;

/** Credentials come from storage, so their shape is checked at run time, not trusted. */
function requireCredentials<T extends StaticType>(type: T, credentials: Credentials | undefined): Extract<Credentials, { type: T }> {
  if (credentials === undefined) throw mismatch(type, undefined);
  if (credentials.type !== type) throw mismatch(type, credentials.type);
  const record = credentials as unknown as Record<string, unknown>;
  const fields = REQUIRED_FIELDS[type] as readonly string[];
  // A basic password may be empty (Stripe-style "key as username"); every other field may not.
  const bad = fields.filter((field) => {
    const value = record[field];
    return typeof value !== 'string' || (value === '' && field !== 'password') || /[\r\n]/.test(value);
  });
  if (bad.length > 0) {
    throw new PortageError(
      'CONFIG_INVALID',
      `${type} auth needs credentials { type: '${type}', ${fields.join(', ')} } as non-empty single-line strings; check ${bad.join(', ')}`,
      { context: { authType: type, invalidFields: bad } },
    );
  }
  return credentials as Extract<Credentials, { type: T }>;
}

function mismatch(type: AuthConfig['type'], got: string | undefined): PortageError {
  const fields = type === 'oauth2' ? ['clientId', 'clientSecret', 'refreshToken?'] : [...REQUIRED_FIELDS[type as StaticType]];
  return new PortageError(
    'CONFIG_INVALID',
    `${type} auth needs credentials { type: '${type}', ${fields.join(', ')} }, got ${got === undefined ? 'none' : `type '${got}'`}`,
    { context: { authType: type, credentialsType: got } },
  );
}

/** Sets a header, replacing any spelling of it that differs only in case. */
function withHeader(spec: RequestSpec, name: string, value: string): RequestSpec {
  const lower = name.toLowerCase();
  const headers: Record<string, string> = {};
  for (const [key, existing] of Object.entries(spec.headers)) {
    if (key.toLowerCase() !== lower) headers[key] = existing;
  }
  headers[name] = value;
  return { ...spec, headers };
}

function headerValue(spec: RequestSpec, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(spec.headers)) if (key.toLowerCase() === lower) return value;
  return undefined;
}
